package dev.glimpse.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code glimpse} command line. Sub-commands do the work; this class only wires them and turns
 * failures into one-line messages with a non-zero exit status (a stack trace only with {@code --debug}).
 */
@Command(name = "glimpse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Few-view 3D reconstruction: fit Gaussian splats to a handful of posed photographs.",
        subcommands = {InfoCommand.class, FitCommand.class, MvsCommand.class, RenderCommand.class, EvalCommand.class,
                ViewCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status for bad input or a failed job (the user can fix it). */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for a bug in Glimpse itself. */
    public static final int EXIT_INTERNAL = 70;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit status (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new OneLineErrors());
        return cli.execute(args);
    }
}
