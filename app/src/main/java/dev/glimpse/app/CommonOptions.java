package dev.glimpse.app;

import picocli.CommandLine.Option;

/** Options every sub-command accepts. */
final class CommonOptions {
    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
