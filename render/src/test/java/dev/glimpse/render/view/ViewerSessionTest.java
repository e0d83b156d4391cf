package dev.glimpse.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.ViewerExtensions;
import dev.glimpse.render.XvfbDisplay;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole viewer sessions in scripted mode (--screenshot/--frames) on the bundled sample, shrunk to 32x32 views. */
class ViewerSessionTest {
    private static final Path SAMPLE = Path.of("..", "samples", "tabletop-128");

    @BeforeAll
    static void display() {
        XvfbDisplay.require();
    }

    private static TrainConfig tiny() {
        TrainConfig c = new TrainConfig();
        c.data.downscale = 4;
        c.iterations = 200;
        c.output.checkpointEvery = 0;
        return c;
    }

    @Test
    void panelsShowAndClosingDuringTrainingKeepsACheckpoint(@TempDir Path tmp) throws Exception {
        ViewerOptions o = new ViewerOptions();
        o.width = 960;
        o.height = 540;
        o.screenshot = tmp.resolve("panels.png");
        o.frames = 3;
        o.camera = 1;
        o.train = true;
        o.trainSteps = 12;
        TrainConfig config = tiny();
        Path out = tmp.resolve("out");
        StringWriter text = new StringWriter();
        PrintWriter log = new PrintWriter(text, true);
        Viewer.run(o, SAMPLE, (ctx, p) -> ContentLoader.load(ctx, p, null, config),
                state -> ViewerExtensions.standard(state, config, out, log), log);

        // The scripted end is the window closing mid-fit: the optimiser stops and keeps a resumable checkpoint.
        var state = new ObjectMapper().readTree(out.resolve("checkpoint").resolve("state.json").toFile());
        assertThat(state.get("iteration").asInt()).isEqualTo(12);
        assertThat(out.resolve("point_cloud.ply")).isRegularFile();
        assertThat(text.toString()).contains("training stopped at iteration 12");

        BufferedImage img = ImageIO.read(o.screenshot.toFile());
        assertThat(img.getWidth()).isEqualTo(960);
        // The View panel (top left), the Training panel (top right, with plots) and the status bar are drawn:
        // ImGui's dark window background covers most of their regions, unlike the white scene background.
        assertThat(darkShare(img, 10, 30, 290, 200)).isGreaterThan(0.5);
        assertThat(darkShare(img, 960 - 360, 30, 340, 200)).isGreaterThan(0.5);
        assertThat(darkShare(img, 0, 540 - 20, 960, 16)).isGreaterThan(0.5);
    }

    @Test
    void inputPointsModeOfTheSampleDrawsTheSfmPoints(@TempDir Path tmp) throws Exception {
        ViewerOptions o = new ViewerOptions();
        o.width = 96;
        o.height = 64;
        o.mode = RenderMode.POINTS;
        o.panels = false;
        o.frusta = false;
        o.screenshot = tmp.resolve("points.png");
        TrainConfig config = tiny();
        PrintWriter log = new PrintWriter(new StringWriter(), true);
        Viewer.run(o, SAMPLE, (ctx, p) -> ContentLoader.load(ctx, p, null, config),
                state -> new Viewer.Extension() {}, log);
        BufferedImage img = ImageIO.read(o.screenshot.toFile());
        // The SfM points (hundreds) land around the framed centre; the background stays white at the corners.
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(1 - whiteShare(img)).isGreaterThan(0.01);
    }

    @Test
    void aDroppedDatasetOpensAndHoveringACameraShowsItsImage(@TempDir Path tmp) throws Exception {
        ViewerOptions o = new ViewerOptions();
        o.width = 960;
        o.height = 540;
        o.mode = RenderMode.CENTRES;
        o.screenshot = tmp.resolve("hover.png");
        o.frames = 6;
        o.orbit = new double[] {-60, -30, 2.2}; // far enough out to see the cameras around the table
        TrainConfig config = tiny();
        config.data.downscale = 2;
        StringWriter text = new StringWriter();
        PrintWriter log = new PrintWriter(text, true);
        int[] hovered = {-1};
        int[] target = {-1};
        double[][] mouse = {null};
        Viewer.run(o, null, (ctx, p) -> p == null ? ContentLoader.empty() : ContentLoader.load(ctx, p, null, config),
                state -> {
                    Viewer.Extension panels = ViewerExtensions.standard(state, config, tmp.resolve("out"), log);
                    return new Viewer.Extension() {
                        int frame;

                        @Override
                        public void contentChanged(ViewerState s) {
                            panels.contentChanged(s);
                        }

                        @Override
                        public void beforeDraw(ViewerState s) {
                            frame++;
                            if (frame == 1) {
                                s.openLater(SAMPLE); // what a drop does
                            } else if (frame >= 3 && !s.content().cameras().isEmpty()) {
                                // Put the mouse on the centre (frustum apex) of a camera clear of the panels.
                                var view = s.camera().splatCamera(s.viewport[2], s.viewport[3]);
                                for (int i = 0; i < s.content().cameras().size() && target[0] < 0; i++) {
                                    float[] c = s.content().cameras().get(i).camera().centre();
                                    double[] p = ViewMath.project(view, new double[] {c[0], c[1], c[2]});
                                    if (p != null && p[0] > 330 && p[0] < 700 && p[1] > 100 && p[1] < 330) {
                                        target[0] = i;
                                        mouse[0] = p;
                                    }
                                }
                                if (mouse[0] != null) {
                                    org.lwjgl.glfw.GLFW.glfwSetCursorPos(s.windowHandle, mouse[0][0], mouse[0][1]);
                                }
                                hovered[0] = s.settings().hoveredCamera;
                            }
                            panels.beforeDraw(s);
                        }

                        @Override
                        public void afterDraw(ViewerState s) {
                            panels.afterDraw(s);
                        }

                        @Override
                        public boolean wantsMouse() {
                            return panels.wantsMouse();
                        }

                        @Override
                        public void close() {
                            panels.close();
                        }
                    };
                }, log);
        assertThat(text.toString()).contains("opened " + SAMPLE);
        assertThat(mouse[0]).as("a camera clear of the panels").isNotNull();
        assertThat(hovered[0]).isEqualTo(target[0]);
        // The tooltip shows the camera's ground truth (160 px wide): the table's sand colour, which nothing else in
        // this frame has (no Gaussians yet, frusta are blue and orange, the panels grey).
        BufferedImage img = ImageIO.read(o.screenshot.toFile());
        long sand = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && g > 170 && b < 200 && r - b > 40) {
                    sand++;
                }
            }
        }
        assertThat(sand).as("sand-coloured pixels of the tooltip image").isGreaterThan(3000);
    }

    private static double darkShare(BufferedImage img, int x0, int y0, int w, int h) {
        int dark = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 90) {
                    dark++;
                }
            }
        }
        return dark / (double) (w * h);
    }

    private static double whiteShare(BufferedImage img) {
        int white = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        return white / (double) (img.getWidth() * img.getHeight());
    }
}
