package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.train.GaussianInit;
import dev.glimpse.optimize.train.TrainConfig;
import java.util.Arrays;

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
 *   <li>with {@code init.fillCount} &gt; 0, {@code mvs} and {@code points} also get that many random points in the
 *       content box;</li>
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
        int shDegree = config.data.shDegree;
        if (method.equals("mvs") && stereo != null && stereo.count() >= MIN_MVS_POINTS) {
            MvsFusion.Cloud start = MvsFusion.atMost(stereo, config.init.mvsPoints);
            return withFill(start.xyz(), start.rgb(), views, config, "mvs");
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
                return withFill(xyz, rgb, views, config, "points");
            }
        }
        boolean wide = method.equals("random");
        float[][] box = box(views, wide);
        float[][] random = GaussianInit.randomPoints(box[0], box[1], config.init.randomCount, config.seed);
        return new Initial(GaussianInit.fromPoints(random[0], random[1], shDegree), wide ? "random" : "cuboid");
    }

    /**
     * The known points plus {@code init.fillCount} random ones in the content box: with 3 to 8 views the stereo and
     * SfM points cover only what two views saw, and surfaces one view saw need Gaussians to start from too.
     */
    private static Initial withFill(float[] xyz, float[] rgb, FitViews views, TrainConfig config, String method) {
        int fill = config.init.fillCount;
        if (fill <= 0) {
            return new Initial(GaussianInit.fromPoints(xyz, rgb, config.data.shDegree), method);
        }
        float[][] box = box(views, false);
        float[][] random = GaussianInit.randomPoints(box[0], box[1], fill, config.seed);
        float[] allXyz = Arrays.copyOf(xyz, xyz.length + random[0].length);
        float[] allRgb = Arrays.copyOf(rgb, rgb.length + random[1].length);
        System.arraycopy(random[0], 0, allXyz, xyz.length, random[0].length);
        System.arraycopy(random[1], 0, allRgb, rgb.length, random[1].length);
        return new Initial(GaussianInit.fromPoints(allXyz, allRgb, config.data.shDegree), method + "+cuboid");
    }

    /** {min, max} of the content box, or with {@code wide} of a cube twice the camera extent around its centre. */
    private static float[][] box(FitViews views, boolean wide) {
        SceneBounds b = views.scene().bounds();
        float[] min = new float[3];
        float[] max = new float[3];
        double[] c = b.boxCentre();
        for (int a = 0; a < 3; a++) {
            min[a] = (float) (wide ? c[a] - b.extent() : b.boxMin()[a]);
            max[a] = (float) (wide ? c[a] + b.extent() : b.boxMax()[a]);
        }
        return new float[][] {min, max};
    }
}
