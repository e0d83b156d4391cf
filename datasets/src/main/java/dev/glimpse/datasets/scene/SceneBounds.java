package dev.glimpse.datasets.scene;

import java.util.Arrays;
import java.util.List;

/**
 * Where a scene is: the mean camera centre and the scene extent (1.1 x the largest distance of a camera centre
 * from their mean, the scale 3D Gaussian splatting uses for learning rates and size thresholds), plus an
 * axis-aligned box of the content used for random initialisation and plane-sweep depth ranges.
 *
 * <p>The normalisation transform {@code x' = (x - cameraCentre) / extent} maps the cameras into the unit ball;
 * Glimpse keeps scenes in their own world units and applies it only where a method needs unit scale.
 *
 * @param cameraCentre mean camera centre [3]
 * @param extent       scene extent (world units, > 0)
 * @param boxMin       content box minimum [3]
 * @param boxMax       content box maximum [3]
 * @param boxSource    how the box was found: "points" (robust extent of sparse points) or "cameras"
 */
public record SceneBounds(double[] cameraCentre, double extent, double[] boxMin, double[] boxMax, String boxSource) {
    /** Fraction of points dropped at each end of each axis so that SfM outliers do not blow up the box. */
    private static final double OUTLIER_QUANTILE = 0.02;

    public static SceneBounds of(List<View> views, SparsePoints points) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("scene has no views");
        }
        double[] mean = new double[3];
        for (View v : views) {
            double[] c = v.camera().pose().centre();
            for (int i = 0; i < 3; i++) {
                mean[i] += c[i] / views.size();
            }
        }
        double maxDist = 0;
        for (View v : views) {
            maxDist = Math.max(maxDist, dist(v.camera().pose().centre(), mean));
        }
        // A single view (or coincident cameras) has no spread: fall back to unit scale rather than zero.
        double extent = maxDist > 1e-9 ? 1.1 * maxDist : 1.0;
        if (points != null && points.count() >= 8) {
            double[][] box = robustBox(points.xyz());
            return new SceneBounds(mean, extent, box[0], box[1], "points");
        }
        double[][] box = boxFromCameras(views);
        return new SceneBounds(mean, extent, box[0], box[1], "cameras");
    }

    private static double[][] robustBox(float[] xyz) {
        int n = xyz.length / 3;
        double[] min = new double[3];
        double[] max = new double[3];
        double[] axis = new double[n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                axis[i] = xyz[3 * i + a];
            }
            Arrays.sort(axis);
            min[a] = axis[(int) Math.floor(OUTLIER_QUANTILE * (n - 1))];
            max[a] = axis[(int) Math.ceil((1 - OUTLIER_QUANTILE) * (n - 1))];
        }
        return new double[][] {min, max};
    }

    /**
     * Without points, the content is assumed to sit where the cameras look: the least-squares closest point to all
     * optical axes, with a half-size of half the median camera distance to it. Forward-facing rigs have nearly
     * parallel axes (ill-conditioned): then the box is placed along the mean viewing direction at the near/far
     * bounds if known, else at the camera spread.
     */
    private static double[][] boxFromCameras(List<View> views) {
        double[] a = new double[9];
        double[] b = new double[3];
        double[] meanFwd = new double[3];
        for (View v : views) {
            double[] c = v.camera().pose().centre();
            double[] d = v.camera().pose().forward();
            for (int i = 0; i < 3; i++) {
                meanFwd[i] += d[i];
                for (int j = 0; j < 3; j++) {
                    double m = (i == j ? 1 : 0) - d[i] * d[j];
                    a[3 * i + j] += m;
                    b[i] += m * c[j];
                }
            }
        }
        double det = Pose.det3(a);
        double[] focus;
        double half;
        if (views.size() >= 2 && Math.abs(det) > 1e-3 * Math.pow(views.size(), 3)) {
            focus = solve3(a, b, det);
            double[] d = views.stream().mapToDouble(v -> dist(v.camera().pose().centre(), focus)).sorted().toArray();
            half = 0.5 * d[d.length / 2];
        } else {
            double norm = Math.sqrt(meanFwd[0] * meanFwd[0] + meanFwd[1] * meanFwd[1] + meanFwd[2] * meanFwd[2]);
            double near = views.stream().filter(v -> v.nearFar() != null).mapToDouble(v -> v.nearFar().near()).min().orElse(1);
            double far = views.stream().filter(v -> v.nearFar() != null).mapToDouble(v -> v.nearFar().far()).max().orElse(3);
            double depth = 0.5 * (near + far);
            double[] c0 = new double[3];
            for (View v : views) {
                double[] c = v.camera().pose().centre();
                for (int i = 0; i < 3; i++) {
                    c0[i] += c[i] / views.size();
                }
            }
            focus = new double[3];
            for (int i = 0; i < 3; i++) {
                focus[i] = c0[i] + meanFwd[i] / norm * depth;
            }
            half = 0.5 * (far - near);
        }
        return new double[][] {
            {focus[0] - half, focus[1] - half, focus[2] - half},
            {focus[0] + half, focus[1] + half, focus[2] + half}
        };
    }

    private static double[] solve3(double[] a, double[] b, double det) {
        double[] x = new double[3];
        for (int col = 0; col < 3; col++) {
            double[] m = a.clone();
            for (int r = 0; r < 3; r++) {
                m[3 * r + col] = b[r];
            }
            x[col] = Pose.det3(m) / det;
        }
        return x;
    }

    private static double dist(double[] p, double[] q) {
        double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Centre of the content box. */
    public double[] boxCentre() {
        return new double[] {(boxMin[0] + boxMax[0]) / 2, (boxMin[1] + boxMax[1]) / 2, (boxMin[2] + boxMax[2]) / 2};
    }
}
