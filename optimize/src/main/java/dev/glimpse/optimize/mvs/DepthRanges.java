package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import java.util.Arrays;

/**
 * The depth range a view is swept over. In order of trust: the format's near/far (LLFF bounds); the depths of
 * the sparse points that project into the view, between robust quantiles (SfM outliers metres away must not
 * stretch the range); the corners of the scene's content box. The result is widened by the configured margin.
 */
public final class DepthRanges {
    /** Share of the point depths dropped at each end. */
    static final double QUANTILE = 0.02;
    /** Fewer points than this in front of a view do not define a range. */
    static final int MIN_POINTS = 20;
    /** The near depth never falls below this share of the far depth (inverse-depth sampling would explode). */
    static final double MIN_NEAR_RATIO = 0.02;

    private DepthRanges() {}

    public static DepthRange of(MvsView view, SparsePoints points, SceneBounds bounds, double margin) {
        DepthRange base = view.nearFar() != null ? view.nearFar() : fromPoints(view.camera(), points);
        if (base == null) {
            if (bounds == null) {
                throw new IllegalArgumentException("view " + view.name() + " has no depth range: no near/far, sparse"
                        + " points or scene bounds");
            }
            base = fromBox(view.camera(), bounds);
        }
        double far = base.far() * margin;
        double near = Math.max(base.near() / margin, MIN_NEAR_RATIO * far);
        return new DepthRange(near, far);
    }

    /** Robust range of the depths of the points that project inside the image; null when too few do. */
    static DepthRange fromPoints(Camera camera, SparsePoints points) {
        if (points == null || points.count() < MIN_POINTS) {
            return null;
        }
        double[] depths = new double[points.count()];
        int n = 0;
        float[] xyz = points.xyz();
        for (int i = 0; i < points.count(); i++) {
            double[] uvz = camera.project(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            if (uvz[2] > 0 && uvz[0] >= 0 && uvz[1] >= 0 && uvz[0] < camera.width() && uvz[1] < camera.height()) {
                depths[n++] = uvz[2];
            }
        }
        if (n < MIN_POINTS) {
            return null;
        }
        double[] d = Arrays.copyOf(depths, n);
        Arrays.sort(d);
        double near = d[(int) Math.floor(QUANTILE * (n - 1))];
        double far = d[(int) Math.ceil((1 - QUANTILE) * (n - 1))];
        return far > near && near > 0 ? new DepthRange(near, far) : null;
    }

    /** Range of the content box corners in front of the camera (or a unit-scale guess behind it). */
    static DepthRange fromBox(Camera camera, SceneBounds bounds) {
        double near = Double.POSITIVE_INFINITY;
        double far = 0;
        for (int corner = 0; corner < 8; corner++) {
            double x = (corner & 1) == 0 ? bounds.boxMin()[0] : bounds.boxMax()[0];
            double y = (corner & 2) == 0 ? bounds.boxMin()[1] : bounds.boxMax()[1];
            double z = (corner & 4) == 0 ? bounds.boxMin()[2] : bounds.boxMax()[2];
            double depth = camera.pose().toCamera(x, y, z)[2];
            far = Math.max(far, depth);
            near = Math.min(near, depth);
        }
        if (!(far > 0)) {
            far = 2 * bounds.extent();
        }
        near = Math.max(near, MIN_NEAR_RATIO * far);
        return new DepthRange(near, far);
    }
}
