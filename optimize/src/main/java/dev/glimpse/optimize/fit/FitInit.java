package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianInit;
import dev.glimpse.optimize.train.TrainConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 *       content box scaled by {@code init.fillScale} about its centre;</li>
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
        return new Initial(GaussianInit.fromPoints(random[0], random[1], config.data.shDegree),
                wide ? "random" : "cuboid");
    }

    /**
     * The known points plus {@code init.fillCount} random ones in the content box: with 3 to 8 views the stereo and
     * SfM points cover only what two views saw, and surfaces one view saw need Gaussians to start from too. The
     * fill takes the colours the training views see at its points ({@link #seenColours}), not random ones: a fill
     * point no training view pins down stays as it started, and a random colour there is noise in novel views.
     */
    private static Initial withFill(float[] xyz, float[] rgb, FitViews views, TrainConfig config, String method) {
        int fill = config.init.fillCount;
        if (fill <= 0) {
            return new Initial(GaussianInit.fromPoints(xyz, rgb, config.data.shDegree), method);
        }
        float[][] box = scaled(box(views, false), config.init.fillScale);
        // Only the positions: the colours come from the views (drawn all the same, so a seed gives the same points).
        float[] fillXyz = GaussianInit.randomPoints(box[0], box[1], fill, config.seed)[0];
        List<Camera> cameras = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        for (FitViews.FitView view : views.train()) {
            cameras.add(views.scene().views().get(view.index()).camera());
            images.add(view.rgb());
        }
        float[] fillRgb = seenColours(fillXyz, cameras, images);
        float[] allXyz = Arrays.copyOf(xyz, xyz.length + fillXyz.length);
        float[] allRgb = Arrays.copyOf(rgb, rgb.length + fillRgb.length);
        System.arraycopy(fillXyz, 0, allXyz, xyz.length, fillXyz.length);
        System.arraycopy(fillRgb, 0, allRgb, rgb.length, fillRgb.length);
        return new Initial(GaussianInit.fromPoints(allXyz, allRgb, config.data.shDegree), method + "+cuboid");
    }

    /**
     * Per point, the mean colour of {@code images} (row-major RGB, one per camera) at its projections through
     * {@code cameras} (pixels it lands on beyond the splat near plane); points no view sees take the mean colour of
     * all the images' pixels.
     */
    static float[] seenColours(float[] xyz, List<Camera> cameras, List<float[]> images) {
        int n = xyz.length / 3;
        double[] sum = new double[3 * n];
        int[] hits = new int[n];
        double[] mean = new double[3];
        long pixels = 0;
        for (int c = 0; c < cameras.size(); c++) {
            Camera camera = cameras.get(c);
            float[] image = images.get(c);
            int width = camera.width();
            for (int i = 0; i < n; i++) {
                double[] uvz = camera.project(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
                if (uvz[2] <= SplatCamera.DEFAULT_NEAR || uvz[0] < 0 || uvz[1] < 0 || uvz[0] >= width
                        || uvz[1] >= camera.height()) {
                    continue;
                }
                int p = (int) uvz[1] * width + (int) uvz[0];
                for (int a = 0; a < 3; a++) {
                    sum[3 * i + a] += image[3 * p + a];
                }
                hits[i]++;
            }
            for (int p = 0; p < image.length; p++) {
                mean[p % 3] += image[p];
            }
            pixels += image.length / 3;
        }
        float[] rgb = new float[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                rgb[3 * i + a] = (float) (hits[i] > 0 ? sum[3 * i + a] / hits[i] : mean[a] / Math.max(1, pixels));
            }
        }
        return rgb;
    }

    /** The box scaled by {@code factor} about its centre. */
    private static float[][] scaled(float[][] box, double factor) {
        float[][] out = new float[2][3];
        for (int a = 0; a < 3; a++) {
            double centre = 0.5 * (box[0][a] + box[1][a]);
            double half = 0.5 * (box[1][a] - box[0][a]) * factor;
            out[0][a] = (float) (centre - half);
            out[1][a] = (float) (centre + half);
        }
        return out;
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
