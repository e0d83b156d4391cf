package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.optimize.train.GaussianInit;
import dev.glimpse.optimize.train.TrainConfig;

/**
 * The Gaussians a fit starts from, per {@code init.method}:
 * <ul>
 *   <li>{@code points}: one Gaussian per sparse scene point (SfM), falling back to {@code cuboid} when the scene
 *       has none;</li>
 *   <li>{@code cuboid}: {@code randomCount} points uniform in the scene's content box (from the sparse points or,
 *       without them, from where the cameras look), the SGPose-style start when nothing is known;</li>
 *   <li>{@code random}: uniform in a cube twice the camera extent around the content box centre, which also
 *       covers a background far from the object (the NeRF-synthetic random start).</li>
 * </ul>
 */
public final class FitInit {
    /** What was chosen and how many Gaussians it gave, for logs and metrics. */
    public record Initial(GaussianPlyData data, String method) {}

    private FitInit() {}

    public static Initial of(FitViews views, TrainConfig config) {
        SparsePoints points = views.scene().points();
        String method = config.init.method;
        if (method.equals("points") && points != null && points.count() > 0) {
            return new Initial(GaussianInit.fromPoints(points.xyz(), points.rgb(), config.data.shDegree), "points");
        }
        SceneBounds b = views.scene().bounds();
        float[] min = new float[3];
        float[] max = new float[3];
        double[] c = b.boxCentre();
        for (int a = 0; a < 3; a++) {
            if (method.equals("random")) {
                min[a] = (float) (c[a] - b.extent());
                max[a] = (float) (c[a] + b.extent());
            } else {
                min[a] = (float) b.boxMin()[a];
                max[a] = (float) b.boxMax()[a];
            }
        }
        String used = method.equals("random") ? "random" : "cuboid";
        return new Initial(GaussianInit.randomInBox(min, max, config.init.randomCount, config.data.shDegree,
                config.seed), used);
    }
}
