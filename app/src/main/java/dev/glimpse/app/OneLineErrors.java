package dev.glimpse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr. Input problems (IOException, including the
 * dataset and PLY exceptions whose messages name the file) exit with {@link Main#EXIT_FAILURE}; anything else is
 * a bug in Glimpse and exits with {@link Main#EXIT_INTERNAL}. {@code --debug} adds the stack trace.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = parsed.hasMatchedOption("--debug")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (cause instanceof IOException || cause instanceof UserError) {
            err.println("glimpse: " + oneLine(cause.getMessage()));
        } else {
            err.println("glimpse: internal error: " + cause.getClass().getSimpleName() + ": " + oneLine(cause.getMessage())
                    + (debug ? "" : " (run with --debug for the stack trace)"));
        }
        if (debug) {
            cause.printStackTrace(err);
        }
        err.flush();
        return cause instanceof IOException || cause instanceof UserError ? Main.EXIT_FAILURE : Main.EXIT_INTERNAL;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
