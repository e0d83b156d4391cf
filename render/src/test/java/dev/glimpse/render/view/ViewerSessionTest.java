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
