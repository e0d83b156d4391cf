package dev.glimpse.render.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.XvfbDisplay;
import dev.glimpse.render.window.GlfwWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimiser inside a viewer window: stepping, live-edited settings, saves and resuming. */
class LiveTrainingTest {
    private static final Path SAMPLE = Path.of("..", "samples", "tabletop-128");

    @Test
    void editedLearningRatesApplyAtTheNextIterationAndCloseResumes(@TempDir Path out) throws Exception {
        XvfbDisplay.require();
        TrainConfig config = new TrainConfig();
        config.data.downscale = 4;
        config.iterations = 100;
        config.output.checkpointEvery = 0;
        List<String> log = new ArrayList<>();
        try (GlfwWindow window = new GlfwWindow("test", 32, 32, false)) {
            Scene scene = FitViews.loadScene(SAMPLE, config);
            var split = FitViews.select(scene, config.data);
            try (LiveTraining live = LiveTraining.create(window.context(), scene, split, config, out, log::add)) {
                live.iterate(10);
                assertThat(live.iteration()).isEqualTo(10);
                assertThat(live.history().size()).isEqualTo(1); // one progress report per 10 iterations
                float[] before = live.model().download().means();
                // All rates to zero while running: the next iterations must leave the Gaussians where they are.
                TrainConfig.LearningRates lr = live.config().learningRates;
                lr.positionInit = lr.positionFinal = lr.shDc = lr.shRest = lr.opacity = lr.scale = lr.rotation = 0;
                live.iterate(5);
                assertThat(live.model().download().means()).containsExactly(before);
                lr.positionInit = 1.6e-4;
                lr.positionFinal = 1.6e-6;
                live.iterate(5);
                assertThat(live.model().download().means()).isNotEqualTo(before);
                assertThat(live.iteration()).isEqualTo(20);
            }
            // Closed mid-fit: a checkpoint at iteration 20 is kept, and the next session resumes from it.
            try (LiveTraining again = LiveTraining.create(window.context(), scene, split, config, out, log::add)) {
                assertThat(again.iteration()).isEqualTo(20);
                assertThat(log).anyMatch(l -> l.startsWith("resuming at iteration 20"));
            }
        }
        assertThat(out.resolve("point_cloud.ply")).isRegularFile();
        assertThat(out.resolve("config.json")).isRegularFile();
    }
}
