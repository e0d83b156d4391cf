package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.train.GaussianInit;
import dev.glimpse.optimize.train.TrainConfig;

/**
 * The Gaussians a fit starts from, per {@code init.method}:
 * <ul>
 *   <li>{@code points}: one Gaussian per sparse scene point (SfM) that at least {@code regularize.sparseMinViews}
 *       training views saw (with few views, points only the other views triangulated are not known), falling back
 *       to {@code cuboid} when there are none;</li>
 *   <li>{@code mvs}: one Gaussian per point of the fused multi-view stereo cloud of the training views (voxel-thinned
 *       to {@code init.mvsPoints}: densification adds detail where the images ask for it), falling
 *       back to {@code points} when the stereo kept fewer than {@link #MIN_MVS_POINTS};</li>
 *   <li>{@code cuboid}: {@code randomCount} points uniform in the scene's content box (from the sparse points or,
 *       without them, from where the cameras look), the SGPose-style start when nothing is known;</li>
 *   <li>{@code random}: uniform in a cube twice the camera extent around the content box centre, which also
 *       covers a background far from the object (the NeRF-synthetic random start).</li>
 * </ul>
 */
public final class FitInit {
    /** What was chosen and how many Gaussians it gave, for logs and metrics. */
    public record Initial(GaussianPlyData data, String method) {}

    /** A stereo cloud smaller than this is too sparse to start from. */
    public static final int MIN_MVS_POINTS = 100;

    private FitInit() {}

    /** @param stereo the fused stereo cloud of the training views (null when the stereo was not run) */
    public static Initial of(FitViews views, TrainConfig config, MvsFusion.Cloud stereo) {
        String method = config.init.method;
        if (method.equals("mvs") && stereo != null && stereo.count() >= MIN_MVS_POINTS) {
            MvsFusion.Cloud start = MvsFusion.atMost(stereo, config.init.mvsPoints);
            return new Initial(GaussianInit.fromPoints(start.xyz(), start.rgb(), config.data.shDegree), "mvs");
        }
        SparsePoints points = views.scene().points();
        if ((method.equals("points") || method.equals("mvs")) && points != null) {
            int[] train = views.train().stream().mapToInt(FitViews.FitView::index).toArray();
            int[] kept = FitPriors.pointsSeenByTraining(points, train, config.regularize.sparseMinViews);
            if (kept.length > 0) {
                float[] xyz = new float[3 * kept.length];
                float[] rgb = new float[3 * kept.length];
                for (int i = 0; i < kept.length; i++) {
                    System.arraycopy(points.xyz(), 3 * kept[i], xyz, 3 * i, 3);
                    System.arraycopy(points.rgb(), 3 * kept[i], rgb, 3 * i, 3);
                }
                return new Initial(GaussianInit.fromPoints(xyz, rgb, config.data.shDegree), "points");
            }
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
