package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;

/** OUT/metrics.json of a fit: test-view quality per view and mean, training time and speed, size, device. */
final class FitReport {
    private FitReport() {}

    static void write(Path file, TrainConfig config, FitViews views, Evaluation.Result eval, int iterations,
            double seconds, double iterationsPerSecond, int gaussians, String device, boolean stopped)
            throws IOException {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("dataset", views.scene().root().toString());
        root.put("format", views.scene().format());
        root.put("iterations", iterations);
        root.put("iterationsPlanned", config.iterations);
        root.put("stoppedEarly", stopped);
        root.put("trainSeconds", seconds);
        root.put("iterationsPerSecond", iterationsPerSecond);
        root.put("gaussians", gaussians);
        root.put("device", device);
        ArrayNode train = root.putArray("trainViews");
        views.train().forEach(v -> train.add(v.name()));
        if (eval != null) {
            EvalJson.put(root, eval);
        }
        AtomicWrite.string(file, root.toPrettyString() + "\n");
    }
}
