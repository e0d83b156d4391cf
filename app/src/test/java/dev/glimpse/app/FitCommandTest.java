package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.testing.SharedDatasets;
import dev.glimpse.optimize.metrics.ImageMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end fits of the bundled sample at 64x64 on whatever GPU the machine has (llvmpipe in CI): the optimiser
 * must actually learn, and every output must be complete and reloadable.
 */
class FitCommandTest {
    static Path sample;
    static Path shortFit;
    static Path longFit;

    @TempDir
    static Path dir;

    @BeforeAll
    static void fitTwice() {
        sample = SharedDatasets.bundledSample("tabletop-128");
        shortFit = dir.resolve("short");
        longFit = dir.resolve("long");
        assertThat(fit(shortFit, "--iters", "1").status()).isZero();
        Cli.Result r = fit(longFit, "--iters", "300");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("done at iteration 300").contains("test PSNR");
    }

    static Cli.Result fit(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", sample.toString(), "-o", out.toString(), "--downscale", "2",
                "--views", "8", "--seed", "1", "--checkpoint-every", "0"));
        args.addAll(List.of(extra));
        return glimpse(args.toArray(String[]::new));
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void psnrRisesPastAThreshold() throws Exception {
        double before = json(shortFit.resolve("metrics.json")).get("psnr").asDouble();
        double after = json(longFit.resolve("metrics.json")).get("psnr").asDouble();
        // Measured: 19.3 dB after 1 iteration, 23.4 dB after 300 (8 views of 64x64, SfM-point start).
        assertThat(after).isGreaterThan(22.0).isGreaterThan(before + 3.0);
    }

    @Test
    void writesEveryOutput() throws Exception {
        JsonNode m = json(longFit.resolve("metrics.json"));
        assertThat(m.get("iterations").asInt()).isEqualTo(300);
        assertThat(m.get("stoppedEarly").asBoolean()).isFalse();
        assertThat(m.get("testViews")).hasSize(16);
        assertThat(m.get("trainViews")).hasSize(8);
        assertThat(m.get("gaussians").asInt()).isPositive();
        assertThat(m.get("device").asText()).isNotBlank();
        assertThat(m.get("ssim").asDouble()).isBetween(0.5, 1.0);
        assertThat(m.get("depthAbsRel").asDouble()).isPositive();
        try (var renders = Files.list(longFit.resolve("renders"))) {
            assertThat(renders.count()).isEqualTo(16 * 3);
        }
        assertThat(GaussianPly.read(longFit.resolve("point_cloud.ply")).count()).isEqualTo(m.get("gaussians").asInt());
        assertThat(longFit.resolve("checkpoint/state.json")).exists();
        try (var top = Files.list(longFit)) {
            assertThat(top.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".new"));
        }
    }

    /** An independent reading of the header: exactly the standard 3DGS property names, order and types. */
    @Test
    void plyHasTheStandardGaussianSplattingLayout() throws Exception {
        byte[] bytes = Files.readAllBytes(longFit.resolve("point_cloud.ply"));
        String head = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1);
        List<String> lines = head.substring(0, head.indexOf("end_header")).lines().toList();
        assertThat(lines.get(0)).isEqualTo("ply");
        assertThat(lines).contains("format binary_little_endian 1.0");
        List<String> props = lines.stream().filter(l -> l.startsWith("property ")).toList();
        List<String> expected = new ArrayList<>(List.of("x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"));
        for (int i = 0; i < 45; i++) {
            expected.add("f_rest_" + i);
        }
        expected.addAll(List.of("opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"));
        assertThat(props).containsExactlyElementsOf(expected.stream().map(n -> "property float " + n).toList());
        int count = Integer.parseInt(lines.stream().filter(l -> l.startsWith("element vertex ")).findFirst()
                .orElseThrow().substring("element vertex ".length()));
        int headerBytes = head.indexOf("end_header\n") + "end_header\n".length();
        assertThat(bytes.length).isEqualTo(headerBytes + count * expected.size() * 4);
    }

    @Test
    void renderingThePlyAgainGivesTheSameImages() throws Exception {
        Path renders = dir.resolve("rerender");
        Cli.Result r = glimpse("render", longFit.resolve("point_cloud.ply").toString(), "--dataset", sample.toString(),
                "--config", longFit.resolve("config.json").toString(), "-o", renders.toString());
        assertThat(r.status()).as(r.err()).isZero();
        RgbaImage fitRender = ImageFiles.readRgba(longFit.resolve("renders/test_003_render.png"));
        RgbaImage again = ImageFiles.readRgba(renders.resolve("test_003.png"));
        assertThat(again.width()).isEqualTo(64);
        double psnr = ImageMetrics.psnr(fitRender.data(), again.data(), 64, 64, 4, null);
        assertThat(psnr).isGreaterThanOrEqualTo(45.0);
    }

    @Test
    void evalReproducesTheFitsMetrics() throws Exception {
        Cli.Result r = glimpse("eval", longFit.toString(), "--dataset", sample.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("mean");
        assertThat(json(longFit.resolve("eval.json")).get("psnr").asDouble())
                .isEqualTo(json(longFit.resolve("metrics.json")).get("psnr").asDouble());
    }

    @Test
    void evalByProtocolSummarisesSeveralFits() throws Exception {
        Cli.Result r = glimpse("eval", shortFit.toString(), longFit.toString(), "--dataset", sample.toString(),
                "--protocol", "blender");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("| short | 8 | 2 |").contains("| long | 8 | 2 |");
        JsonNode longEval = json(longFit.resolve("eval.json"));
        assertThat(longEval.get("protocol").asText()).isEqualTo("blender");
        // the blender protocol tests on every 8th view of the 16-view test split
        assertThat(longEval.get("testViews").size()).isEqualTo(2);
        assertThat(longEval.get("psnr").asDouble()).isGreaterThan(json(shortFit.resolve("eval.json")).get("psnr")
                .asDouble() + 3);
        assertThat(Files.readString(longFit.resolve("eval.md"))).contains("| **mean** |");
    }

    @Test
    void protocolThatWouldTestOnTrainingViewsIsRefused() {
        Cli.Result r = glimpse("eval", longFit.toString(), "--dataset", sample.toString(), "--protocol", "llff");
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).contains("trained on").contains("protocol 'llff'").doesNotContain("\tat ");
    }

    @Test
    void metricsHaveGeometryAgainstTheSurfacePoints() throws Exception {
        JsonNode geometry = json(longFit.resolve("metrics.json")).get("geometry");
        JsonNode centres = geometry.get("centres");
        assertThat(centres.get("points").asInt()).isPositive();
        assertThat(centres.get("chamfer").asDouble()).isPositive()
                .isEqualTo(0.5 * (centres.get("accuracy").asDouble() + centres.get("completeness").asDouble()));
        assertThat(geometry.get("tau").asDouble()).isBetween(0.01, 0.1);
        assertThat(Files.readString(longFit.resolve("metrics.md"))).contains("centres Chamfer");
    }

    @Test
    void writtenConfigIsAcceptedBackAndResumeContinues() throws Exception {
        Path out = dir.resolve("resume");
        Cli.Result first = glimpse("fit", sample.toString(), "-o", out.toString(), "--downscale", "2", "--views", "8",
                "--iters", "40", "--checkpoint-every", "20");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(json(out.resolve("checkpoint/state.json")).get("iteration").asInt()).isEqualTo(40);
        Cli.Result r = glimpse("fit", sample.toString(), "-o", out.toString(), "--resume", "--iters", "60");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("resuming at iteration 40").contains("done at iteration 60");
        JsonNode config = json(out.resolve("config.json"));
        assertThat(config.get("iterations").asInt()).isEqualTo(60);
        assertThat(config.get("data").get("views").asInt()).isEqualTo(8);
        assertThat(config.get("data").get("downscale").asInt()).isEqualTo(2);
    }

    @Test
    void badRequestsAreOneLineErrors() throws Exception {
        Path out = dir.resolve("bad");
        for (String[] args : new String[][] {
            {"fit", dir.resolve("missing").toString(), "-o", out.toString()},
            {"fit", sample.toString(), "-o", out.toString(), "--iters", "0"},
            {"fit", sample.toString(), "-o", out.toString(), "--background", "purple"},
            {"fit", sample.toString(), "-o", dir.resolve("nothing-to-resume").toString(), "--resume"},
            {"eval", dir.toString(), "--dataset", sample.toString()},
            {"render", dir.resolve("none.ply").toString(), "--dataset", sample.toString(), "-o", out.toString()},
        }) {
            Cli.Result r = glimpse(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(Main.EXIT_FAILURE);
            assertThat(r.err().strip().lines().filter(l -> l.startsWith("glimpse: ") && !l.contains("software"))
                    .count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("\tat ");
        }
    }
}
