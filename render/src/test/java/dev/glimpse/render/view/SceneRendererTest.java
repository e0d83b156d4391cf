package dev.glimpse.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.render.XvfbDisplay;
import dev.glimpse.render.window.GlfwWindow;
import dev.glimpse.render.window.Screenshot;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 3D view in a real (Xvfb) window: what reaches the screen, per render mode, against known answers. */
class SceneRendererTest {
    private static final int N = TestScenes.SIZE;
    private static GlfwWindow window;
    private static GlContext ctx;
    private static SceneRenderer renderer;

    @BeforeAll
    static void open() {
        XvfbDisplay.require();
        GlContext.setPoisonNewBuffers(true);
        window = new GlfwWindow("test", N, N, false);
        ctx = window.context();
        renderer = new SceneRenderer(ctx);
        assertThat(window.framebufferSize()).containsExactly(N, N);
    }

    @AfterAll
    static void close() {
        if (window != null) {
            renderer.close();
            window.close();
        }
        GlContext.setPoisonNewBuffers(false);
    }

    private static byte[] frame(ViewerContent content, ViewCamera camera, ViewerSettings s) {
        renderer.invalidate();
        renderer.draw(content, content.gaussians() == null ? null : content.gaussians().params(), 0,
                content.gaussians() == null ? 0 : content.gaussians().shDegree(), camera, s, new int[] {0, 0, N, N});
        byte[] rgb = Screenshot.read(ctx, new int[] {0, 0, N, N});
        window.swap();
        return rgb;
    }

    @Test
    void rgbViewOfADatasetCameraIsTheOptimisersRenderOfIt() {
        SplatCamera cam = TestScenes.lookingAlongZ(new float[] {0.1f, -0.2f, 0});
        try (GaussianModel model = GaussianModel.of(ctx, TestScenes.random(300, 7), 1, 300);
                SplatRasterizer reference = new SplatRasterizer(ctx)) {
            var content = TestScenes.content(model, List.of(new ViewerContent.DatasetCamera(0, "c0", "train", cam)));
            ViewCamera camera = new ViewCamera();
            camera.snap(0, cam);
            ViewerSettings s = new ViewerSettings();
            s.showFrusta = false;
            s.background = new float[] {0.2f, 0.3f, 0.4f};
            byte[] shown = frame(content, camera, s);
            RasterOutput r = reference.forward(model.params(), 1, cam, s.background);
            float[] expected = reference.readRgb(r);
            double se = 0;
            int maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                int e = Math.round(Math.min(1, Math.max(0, expected[i])) * 255);
                int d = Math.abs((shown[i] & 0xff) - e);
                maxDiff = Math.max(maxDiff, d);
                se += (d / 255.0) * (d / 255.0);
            }
            double psnr = -10 * Math.log10(Math.max(se / expected.length, 1e-12));
            assertThat(psnr).as("PSNR of the viewer against the rasteriser").isGreaterThanOrEqualTo(40);
            assertThat(maxDiff).as("largest 8-bit difference").isLessThanOrEqualTo(1);
            // Not a blank frame: the scene covers a good part of the image.
            long covered = 0;
            for (int p = 0; p < N * N; p++) {
                if (Math.abs((shown[3 * p] & 0xff) - 51) > 10) {
                    covered++;
                }
            }
            assertThat(covered).isGreaterThan(N * N / 4);
        }
    }

    @Test
    void depthModeIsMonotoneInKnownDepth() {
        SplatCamera cam = TestScenes.lookingAlongZ(new float[] {0, 0, 0});
        try (GaussianModel model = GaussianModel.of(ctx, TestScenes.depthSteps(), 0, 3)) {
            var content = TestScenes.content(model, List.of(new ViewerContent.DatasetCamera(0, "c0", "train", cam)));
            ViewCamera camera = new ViewCamera();
            camera.snap(0, cam);
            ViewerSettings s = new ViewerSettings();
            s.showFrusta = false;
            s.mode = RenderMode.DEPTH;
            s.colourMap = SplatDisplay.ColourMap.GREY;
            s.depthRange = new float[] {1.5f, 4.5f};
            s.background = new float[] {1, 0, 0};
            byte[] shown = frame(content, camera, s);
            float[] z = TestScenes.depths();
            int previous = -1;
            for (int i = 0; i < 3; i++) {
                // Disc i is centred on x = (i - 1) * 0.38 * z / z * f + c in pixels.
                int px = Math.round(N / 2f + (i - 1) * 0.38f * cam.fx());
                int grey = shown[3 * (N / 2 * N + px)] & 0xff;
                int expected = Math.round((z[i] - 1.5f) / 3f * 255);
                assertThat(grey).as("grey of disc %d at depth %s", i, z[i]).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(3));
                assertThat(grey).isGreaterThan(previous);
                previous = grey;
            }
            // Uncovered corners keep the background.
            assertThat(shown[0] & 0xff).isEqualTo(255);
            assertThat(shown[1] & 0xff).isEqualTo(0);
        }
    }

    @Test
    void frustaAndCentresAppearWhereTheyProject() {
        SplatCamera a = TestScenes.lookingAlongZ(new float[] {-0.6f, 0, 0.5f});
        SplatCamera b = TestScenes.lookingAlongZ(new float[] {0.6f, 0, 0.5f});
        try (GaussianModel model = GaussianModel.of(ctx, TestScenes.random(40, 3), 1, 40)) {
            var cameras = List.of(new ViewerContent.DatasetCamera(0, "a", "train", a),
                    new ViewerContent.DatasetCamera(1, "b", "test", b));
            var content = TestScenes.content(model, cameras);
            ViewCamera camera = new ViewCamera();
            // An observer behind both cameras (list position 99: not one of them, so neither frustum is skipped).
            camera.snap(99, TestScenes.lookingAlongZ(new float[] {0, 0, -3}));
            ViewerSettings s = new ViewerSettings();
            s.mode = RenderMode.CENTRES;
            s.pointSize = 1;
            byte[] shown = frame(content, camera, s);
            SplatCamera view = camera.splatCamera(N, N);
            // Each frustum's apex is drawn in its split colour: training blue, test orange.
            assertThat(colourNear(shown, ViewMath.project(view, new double[] {-0.6, 0, 0.5}))).isEqualTo("blue");
            assertThat(colourNear(shown, ViewMath.project(view, new double[] {0.6, 0, 0.5}))).isEqualTo("orange");
            // Every Gaussian centre in view lights its pixel (not the white background).
            float[] means = model.download().means();
            int drawn = 0;
            int inView = 0;
            for (int i = 0; i < 40; i++) {
                double[] p = ViewMath.project(view, new double[] {means[3 * i], means[3 * i + 1], means[3 * i + 2]});
                int x = (int) Math.floor(p[0]);
                int y = (int) Math.floor(p[1]);
                if (x >= 1 && y >= 1 && x < N - 1 && y < N - 1) {
                    inView++;
                    int q = 3 * (y * N + x);
                    if ((shown[q] & 0xff) + (shown[q + 1] & 0xff) + (shown[q + 2] & 0xff) < 3 * 250) {
                        drawn++;
                    }
                }
            }
            assertThat(inView).isGreaterThan(10);
            assertThat(drawn).isGreaterThanOrEqualTo(inView - 2);
        }
    }

    @Test
    void opacityModeShowsAccumulatedAlpha() {
        SplatCamera cam = TestScenes.lookingAlongZ(new float[] {0, 0, 0});
        var g = TestScenes.depthSteps();
        g.logitOpacity()[0] = 0;                          // sigmoid 0.5
        g.logitOpacity()[1] = (float) Math.log(0.25 / 0.75); // 0.25
        try (GaussianModel model = GaussianModel.of(ctx, g, 0, 3)) {
            var content = TestScenes.content(model, List.of());
            ViewCamera camera = new ViewCamera();
            camera.snap(0, cam);
            ViewerSettings s = new ViewerSettings();
            s.mode = RenderMode.OPACITY;
            s.colourMap = SplatDisplay.ColourMap.GREY;
            byte[] shown = frame(content, camera, s);
            float[] alpha;
            try (SplatRasterizer reference = new SplatRasterizer(ctx)) {
                alpha = reference.readAlpha(reference.forward(model.params(), 0, cam, s.background));
            }
            float[] opacity = {0.5f, 0.25f, 0.99f}; // the last disc's opacity is capped at 0.99 (SPLATTING.md)
            for (int i = 0; i < 3; i++) {
                int px = Math.round(N / 2f + (i - 1) * 0.38f * cam.fx());
                int p = N / 2 * N + px;
                int grey = shown[3 * p] & 0xff;
                assertThat(grey).as("disc %d: the rasteriser's alpha", i)
                        .isCloseTo(Math.round(alpha[p] * 255), org.assertj.core.data.Offset.offset(1));
                // Half a pixel off the disc's centre its falloff costs a few percent of the opacity.
                assertThat(grey).as("disc %d: its opacity", i)
                        .isCloseTo(Math.round(opacity[i] * 255), org.assertj.core.data.Offset.offset(8));
            }
            assertThat(shown[0] & 0xff).isEqualTo(0); // nothing covers the corner
        }
    }

    @Test
    void meshModeShadesThePlyFaces() {
        // A square of side 1 at depth 3 facing the camera, vertex colour red: it covers the middle of the image.
        float[] v = {-0.5f, -0.5f, 3, 0.5f, -0.5f, 3, 0.5f, 0.5f, 3, -0.5f, 0.5f, 3};
        byte r = (byte) 255;
        var mesh = new dev.glimpse.datasets.ply.TriangleMesh(v, new int[] {0, 1, 2, 0, 2, 3},
                new byte[] {r, 0, 0, r, 0, 0, r, 0, 0, r, 0, 0});
        try (MeshDrawer drawer = new MeshDrawer(ctx, mesh)) {
            var content = new ViewerContent("mesh", null, null, List.of(), null, null, drawer,
                    new double[] {0, 0, 3}, 1, new double[] {0, -1, 0});
            ViewCamera camera = new ViewCamera();
            camera.snap(99, TestScenes.lookingAlongZ(new float[] {0, 0, 0}));
            ViewerSettings s = new ViewerSettings();
            s.mode = RenderMode.MESH;
            byte[] shown = frame(content, camera, s);
            int centre = 3 * (N / 2 * N + N / 2);
            // Facing the eye: full light, so the vertex colour itself.
            assertThat(shown[centre] & 0xff).isGreaterThan(240);
            assertThat(shown[centre + 1] & 0xff).isLessThan(15);
            // The square spans f * 0.5 / 3 = 9 px either side of the centre; the corners stay white.
            assertThat(shown[0] & 0xff).isEqualTo(255);
            assertThat(shown[1] & 0xff).isEqualTo(255);
        }
    }

    /** "blue", "orange" or "other" for the most frustum-like pixel within 2 px of p. */
    private static String colourNear(byte[] rgb, double[] p) {
        assertThat(p).isNotNull();
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int x = (int) Math.floor(p[0]) + dx;
                int y = (int) Math.floor(p[1]) + dy;
                if (x < 0 || y < 0 || x >= N || y >= N) {
                    continue;
                }
                int r = rgb[3 * (y * N + x)] & 0xff;
                int g = rgb[3 * (y * N + x) + 1] & 0xff;
                int b = rgb[3 * (y * N + x) + 2] & 0xff;
                if (b > 200 && r < 100) {
                    return "blue";
                }
                if (r > 200 && b < 80 && g > 80 && g < 180) {
                    return "orange";
                }
            }
        }
        return "other";
    }
}
