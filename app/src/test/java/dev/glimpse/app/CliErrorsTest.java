package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one line on stderr naming the file and a non-zero status, never a stack trace. */
class CliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingDatasetFolderIsOneLineNamingIt() {
        Path missing = dir.resolve("no-such-scene");
        Cli.Result r = glimpse("info", missing.toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("glimpse: " + missing).contains("not found").doesNotContain("Exception");
    }

    @Test
    void folderOfNoKnownFormatIsReported() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        Cli.Result r = glimpse("info", dir.toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).contains(dir.toString()).contains("no known dataset format");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownFormatNameIsReported() {
        Cli.Result r = glimpse("info", dir.toString(), "--format", "gltf");
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).contains("unknown format 'gltf'");
    }

    @Test
    void nonPositiveDownscaleIsAUserError() {
        Cli.Result r = glimpse("info", dir.toString(), "--downscale", "0");
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("glimpse: --downscale must be 1 or more, got 0" + System.lineSeparator());
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = glimpse("info", dir.resolve("missing").toString(), "--debug");
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).contains("DatasetException").contains("\tat ");
    }

    @Test
    void badUsageExitsNonZeroWithUsage() {
        Cli.Result r = glimpse("info");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
        assertThat(glimpse("--version").out()).startsWith("glimpse ");
    }
}
