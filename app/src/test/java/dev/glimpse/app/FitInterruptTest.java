package dev.glimpse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during a fit stops it cleanly: exit 0, every output written, a checkpoint to resume from. */
class FitInterruptTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigintStopsTheFitAndKeepsWhatWasDone() throws Exception {
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "fit", SharedDatasets.bundledSample("tabletop-128").toString(), "-o",
                out.toString(), "--downscale", "2", "--views", "4", "--iters", "1000000", "--checkpoint-every", "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = r.readLine()) != null) {
                log.append(line).append('\n');
                if (!signalled && line.startsWith("fit 100/")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                    signalled = true;
                }
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(log.toString()).isTrue();
        assertThat(p.exitValue()).as(log.toString()).isZero();
        assertThat(log).contains("stopping after this iteration").contains("stopped at iteration");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode state = new ObjectMapper().readTree(out.resolve("checkpoint/state.json").toFile());
        assertThat(metrics.get("stoppedEarly").asBoolean()).isTrue();
        int reached = metrics.get("iterations").asInt();
        assertThat(reached).isBetween(100, 999_999);
        assertThat(state.get("iteration").asInt()).isEqualTo(reached);
        assertThat(out.resolve("point_cloud.ply")).exists();
        assertThat(metrics.get("testViews")).hasSize(16);
    }
}
