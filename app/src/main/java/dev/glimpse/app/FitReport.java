package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * OUT/metrics.json of a fit (test-view quality per view and mean, geometry, training time and speed, size, device)
 * and OUT/metrics.md, the same evaluation as Markdown tables.
 */
final class FitReport {
    private FitReport() {}

    static void write(Path out, TrainConfig config, FitViews views, Evaluation.Result eval,
            GeometryEvaluation geometry, int iterations,
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
            String row = EvalMarkdown.summaryRow(out.getFileName().toString(), views.train().size(), gaussians, eval,
                    geometry);
            AtomicWrite.string(out.resolve("metrics.md"), EvalMarkdown.perView(eval) + "\n"
                    + EvalMarkdown.summaryHeader() + row + EvalMarkdown.geometryNote(geometry));
        }
        EvalJson.putGeometry(root, geometry);
        AtomicWrite.string(out.resolve("metrics.json"), root.toPrettyString() + "\n");
    }
}
