package dev.glimpse.optimize.splat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.optimize.reference.RefForwardResult;
import dev.glimpse.optimize.reference.RefProjection;
import dev.glimpse.optimize.reference.RefScenes;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The GPU forward against the double-precision reference, plus edge cases of the pipeline. */
class SplatForwardTest extends RasterizerTestSupport {
    static final int SEEDS = 30;
    /** Absolute tolerance for colour and alpha, relative (to max(1, |d|)) for depth: float32 round-off. */
    static final double TOLERANCE = 1e-4;

    record Comparison(double maxError, int excusedPixels, int pixels, int differingRects) {
    }

    /** Renders {@code scene} on the GPU and asserts it matches the reference outside the ambiguity margins. */
    static Comparison compare(SplatRasterizer r, RefScenes.Scene scene) {
        RefScenes.Scene s = GpuScene.rounded(scene);
        RefForwardResult f = s.forward();
        ReferenceMargins margins = new ReferenceMargins(f, s.camera());
        SplatBuffers params = GpuScene.upload(ctx, s.gaussians());
        try {
            RasterOutput out = r.forward(params, s.activeDegree(), GpuScene.camera(s.camera()),
                    GpuScene.background(s));
            RefProjection p = f.projection;
            int[] radii = r.readRadii(out);
            int[] tilesTouched = out.projected.tilesTouched.downloadInts(0, p.size());
            int[] rects = out.projected.tileRects.downloadInts(0, 4 * p.size());
            int differingRects = 0;
            long expectedIntersections = 0;
            for (int n = 0; n < p.size(); n++) {
                int[] rect = p.valid[n] ? p.tileRect[n] : new int[4];
                int area = (rect[2] - rect[0]) * (rect[3] - rect[1]);
                expectedIntersections += area;
                if (tilesTouched[n] == 0) {
                    Arrays.fill(rects, 4 * n, 4 * n + 4, 0);   // undefined for culled Gaussians
                }
                boolean same = radii[n] == (p.valid[n] ? p.radius[n] : 0) && tilesTouched[n] == area
                        && Arrays.equals(Arrays.copyOfRange(rects, 4 * n, 4 * n + 4), rect);
                if (!same) {
                    differingRects++;
                    assertThat(margins.rectNearInteger[n]).as("Gaussian %d: GPU radius %d, tiles %d; reference "
                            + "%d, %d, not near a rounding threshold", n, radii[n], tilesTouched[n], p.radius[n],
                            area).isTrue();
                }
            }
            if (differingRects == 0) {
                assertThat(out.intersections()).isEqualTo(expectedIntersections);
            }
            boolean[][] excused = margins.excusedPixels(f, rects);
            float[] rgb = r.readRgb(out);
            float[] alpha = r.readAlpha(out);
            float[] depth = r.readDepth(out);
            double maxError = 0;
            int excusedPixels = 0;
            int w = f.width;
            for (int j = 0; j < f.height; j++) {
                for (int i = 0; i < w; i++) {
                    if (excused[j][i]) {
                        excusedPixels++;
                        continue;
                    }
                    int q = j * w + i;
                    for (int ch = 0; ch < 3; ch++) {
                        maxError = Math.max(maxError, Math.abs(rgb[3 * q + ch] - f.rgb[j][i][ch]));
                    }
                    maxError = Math.max(maxError, Math.abs(alpha[q] - f.alpha[j][i]));
                    maxError = Math.max(maxError, Math.abs(depth[q] - f.depth[j][i]) / Math.max(1, f.depth[j][i]));
                    assertThat(maxError).as("pixel (%d, %d)", i, j).isLessThan(TOLERANCE);
                }
            }
            return new Comparison(maxError, excusedPixels, f.width * f.height, differingRects);
        } finally {
            GpuScene.close(params);
        }
    }

    @Test
    void fuzzedScenesMatchTheReference() {
        double maxError = 0;
        int excused = 0;
        int pixels = 0;
        int differingRects = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Comparison c = compare(rasterizer, RefScenes.fuzzed(seed));
            maxError = Math.max(maxError, c.maxError);
            excused += c.excusedPixels;
            pixels += c.pixels;
            differingRects += c.differingRects;
        }
        System.out.printf("forward vs reference over %d fuzzed scenes: max error %.2e; %d of %d pixels excused as "
                + "near a threshold; %d Gaussians with a differing radius or rectangle%n", SEEDS, maxError, excused,
                pixels, differingRects);
        assertThat(excused).as("pixels excused as near a threshold").isLessThan(pixels / 1000);
    }

    static Stream<Arguments> handScenes() {
        return Stream.of(Arguments.of("centred", HandScenes.centred()),
                Arguments.of("opaque stack", HandScenes.opaqueStack()), Arguments.of("edges", HandScenes.edges()),
                Arguments.of("depth tie", HandScenes.depthTie()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handScenes")
    void handScenesMatchTheReference(String name, RefScenes.Scene scene) {
        Comparison c = compare(rasterizer, scene);
        assertThat(c.excusedPixels + c.differingRects).as("nothing excused in a hand scene").isZero();
    }

    @Test
    void opaqueStackReachesTheCapAndTheCutOff() {
        RefForwardResult f = GpuScene.rounded(HandScenes.opaqueStack()).forward();
        boolean cutOff = Arrays.stream(f.cutOff).anyMatch(row -> {
            for (boolean b : row) {
                if (b) {
                    return true;
                }
            }
            return false;
        });
        boolean saturated = Arrays.stream(f.alphaSaturated).flatMap(Arrays::stream)
                .anyMatch(flags -> flags.length > 0 && flags[0]);
        assertThat(cutOff).isTrue();
        assertThat(saturated).isTrue();
    }

    @Test
    void emptySceneRendersTheBackground() {
        RefScenes.Scene hand = HandScenes.centred();
        try (var means = GpuScene.zeros(ctx, "means", 0); var scales = GpuScene.zeros(ctx, "scales", 0);
             var quats = GpuScene.zeros(ctx, "quats", 0); var op = GpuScene.zeros(ctx, "op", 0);
             var sh = GpuScene.zeros(ctx, "sh", 0)) {
            SplatBuffers empty = new SplatBuffers(means, scales, quats, op, sh, 0, 0);
            float[] bg = {0.2f, 0.4f, 0.8f};
            RasterOutput out = rasterizer.forward(empty, 0, GpuScene.camera(hand.camera()), bg);
            assertBackground(out, bg);
        }
    }

    @Test
    void allCulledSceneRendersTheBackground() {
        RefScenes.Scene hand = HandScenes.opaqueStack();
        for (double[] mean : hand.gaussians().means) {
            mean[2] = -mean[2] + 2.1;   // 0.1 .. -2.9: in front of the near plane or behind the camera
        }
        SplatBuffers params = GpuScene.upload(ctx, hand.gaussians());
        float[] bg = {1, 0, 0.5f};
        RasterOutput out = rasterizer.forward(params, 0, GpuScene.camera(hand.camera()), bg);
        assertBackground(out, bg);
        assertThat(rasterizer.readRadii(out)).containsOnly(0);
        GpuScene.close(params);
    }

    private static void assertBackground(RasterOutput out, float[] bg) {
        assertThat(out.intersections()).isZero();
        float[] rgb = rasterizer.readRgb(out);
        for (int p = 0; p < out.width() * out.height(); p++) {
            assertThat(new float[] {rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]}).containsExactly(bg);
        }
        assertThat(rasterizer.readAlpha(out)).containsOnly(0f);
        assertThat(rasterizer.readDepth(out)).containsOnly(0f);
    }

    @Test
    void twoForwardsAreBitIdentical() {
        RefScenes.Scene s = RefScenes.fuzzed(7);
        SplatBuffers params = GpuScene.upload(ctx, s.gaussians());
        SplatCamera cam = GpuScene.camera(s.camera());
        float[][] first = render(params, s, cam);
        float[][] second = render(params, s, cam);
        for (int k = 0; k < first.length; k++) {
            assertThat(Arrays.equals(first[k], second[k])).as("output %d", k).isTrue();
        }
        GpuScene.close(params);
    }

    private static float[][] render(SplatBuffers params, RefScenes.Scene s, SplatCamera cam) {
        RasterOutput out = rasterizer.forward(params, s.activeDegree(), cam, GpuScene.background(s));
        return new float[][] {rasterizer.readRgb(out), rasterizer.readAlpha(out), rasterizer.readDepth(out)};
    }

    @Test
    void staleOutputAndBadArgumentsAreRejected() {
        RefScenes.Scene s = HandScenes.edges();
        SplatBuffers params = GpuScene.upload(ctx, s.gaussians());
        SplatCamera cam = GpuScene.camera(s.camera());
        RasterOutput first = rasterizer.forward(params, 1, cam, new float[3]);
        rasterizer.forward(params, 0, cam, new float[3]);
        assertThatThrownBy(first::rgb).isInstanceOf(IllegalStateException.class).hasMessageContaining("later forward");
        assertThatThrownBy(() -> rasterizer.forward(params, 2, cam, new float[3]))
                .hasMessageContaining("active SH degree 2 outside 0..1");
        assertThatThrownBy(() -> rasterizer.forward(params.withCount(100), 1, cam, new float[3]))
                .hasMessageContaining("means");
        GpuScene.close(params);
    }
}
