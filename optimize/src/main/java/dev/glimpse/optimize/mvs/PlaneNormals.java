package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.SparsePoints;
import java.util.List;

/**
 * The plane orientations the sweep tries at every depth, in the reference camera's coordinates: fronto-parallel,
 * optionally tilted by {@code tiltDegrees} to the four sides, and the scene's dominant plane. Fronto-parallel windows
 * match well only where a surface faces the camera; a floor or table seen at a grazing angle is distorted
 * between views unless the window lies on its own plane (the multiple sweeping directions of Gallup et al.).
 */
final class PlaneNormals {
    private PlaneNormals() {}

    /** RANSAC trials of the dominant plane search (fixed seed: the stereo is deterministic). */
    static final int TRIALS = 300;
    /** A dominant plane must hold this share of the sparse points. */
    static final double MIN_INLIER_SHARE = 0.2;
    static final int MIN_POINTS = 30;

    /**
     * The normal of the scene's dominant plane (a floor, a table, a wall): the plane through most sparse points,
     * found by RANSAC and refined by least squares; without enough points, the mean of the cameras' up axes,
     * which is the world up for turntables and hemispheres. Null when neither gives a direction.
     */
    static double[] dominantNormal(List<MvsView> views, SparsePoints points) {
        double[] fromPoints = points != null && points.count() >= MIN_POINTS ? planeNormal(points.xyz()) : null;
        return fromPoints != null ? fromPoints : sceneUp(views);
    }

    /** RANSAC plane through [n][3] points; null when no plane holds enough of them. */
    static double[] planeNormal(float[] xyz) {
        int n = xyz.length / 3;
        double[] centroid = new double[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                centroid[a] += xyz[3 * i + a] / n;
            }
        }
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            dist[i] = Math.sqrt(sq(xyz[3 * i] - centroid[0]) + sq(xyz[3 * i + 1] - centroid[1])
                    + sq(xyz[3 * i + 2] - centroid[2]));
        }
        double[] sorted = dist.clone();
        java.util.Arrays.sort(sorted);
        double threshold = 0.02 * sorted[n / 2];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        double[] best = null;
        int bestCount = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            int i = random.nextInt(n), j = random.nextInt(n), k = random.nextInt(n);
            double[] u = sub(xyz, j, i);
            double[] v = sub(xyz, k, i);
            double[] normal = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
            double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
            if (len < 1e-12) {
                continue;
            }
            for (int a = 0; a < 3; a++) {
                normal[a] /= len;
            }
            double offset = normal[0] * xyz[3 * i] + normal[1] * xyz[3 * i + 1] + normal[2] * xyz[3 * i + 2];
            int count = 0;
            for (int p = 0; p < n; p++) {
                if (Math.abs(normal[0] * xyz[3 * p] + normal[1] * xyz[3 * p + 1] + normal[2] * xyz[3 * p + 2]
                        - offset) < threshold) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = new double[] {normal[0], normal[1], normal[2], offset};
            }
        }
        if (best == null || bestCount < MIN_INLIER_SHARE * n) {
            return null;
        }
        return refine(xyz, best, threshold);
    }

    /** The least-squares normal of the inliers: the covariance's eigenvector of the smallest eigenvalue. */
    private static double[] refine(float[] xyz, double[] plane, double threshold) {
        int n = xyz.length / 3;
        double[] mean = new double[3];
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (inlier(xyz, p, plane, threshold)) {
                for (int a = 0; a < 3; a++) {
                    mean[a] += xyz[3 * p + a];
                }
                count++;
            }
        }
        for (int a = 0; a < 3; a++) {
            mean[a] /= count;
        }
        double[] cov = new double[9];
        for (int p = 0; p < n; p++) {
            if (inlier(xyz, p, plane, threshold)) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        cov[3 * a + b] += (xyz[3 * p + a] - mean[a]) * (xyz[3 * p + b] - mean[b]);
                    }
                }
            }
        }
        // Inverse iteration towards the smallest eigenvalue, started from the RANSAC normal.
        double[] v = {plane[0], plane[1], plane[2]};
        double shift = 1e-9 * (cov[0] + cov[4] + cov[8]);
        for (int it = 0; it < 20; it++) {
            double[] m = cov.clone();
            m[0] += shift;
            m[4] += shift;
            m[8] += shift;
            double[] w = solve(m, v);
            if (w == null) {
                break;
            }
            double len = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            v = new double[] {w[0] / len, w[1] / len, w[2] / len};
        }
        return v;
    }

    private static boolean inlier(float[] xyz, int p, double[] plane, double threshold) {
        return Math.abs(plane[0] * xyz[3 * p] + plane[1] * xyz[3 * p + 1] + plane[2] * xyz[3 * p + 2] - plane[3])
                < threshold;
    }

    /** Cramer's rule for a 3x3 system; null when singular. */
    private static double[] solve(double[] m, double[] b) {
        double det = det(m);
        if (Math.abs(det) < 1e-300) {
            return null;
        }
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] mc = m.clone();
            for (int r = 0; r < 3; r++) {
                mc[3 * r + c] = b[r];
            }
            x[c] = det(mc) / det;
        }
        return x;
    }

    private static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double[] sub(float[] xyz, int a, int b) {
        return new double[] {xyz[3 * a] - xyz[3 * b], xyz[3 * a + 1] - xyz[3 * b + 1], xyz[3 * a + 2] - xyz[3 * b + 2]};
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * The mean of the cameras' up axes (-y in OpenCV axes), which is the world up for turntables, hemispheres and
     * hand-held captures; null when they cancel out.
     */
    static double[] sceneUp(List<MvsView> views) {
        double[] up = new double[3];
        for (MvsView v : views) {
            double[] r = v.camera().pose().rotation();
            for (int a = 0; a < 3; a++) {
                up[a] -= r[3 + a]; // row 1 of R is the camera's y axis in world coordinates
            }
        }
        double norm = Math.sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
        if (norm < 0.5 * views.size()) {
            return null;
        }
        return new double[] {up[0] / norm, up[1] / norm, up[2] / norm};
    }

    /** [numNormals][3] unit normals for a reference camera; {@code up} may be null. */
    static float[] of(Camera camera, double[] up, MvsConfig config) {
        double t = Math.toRadians(config.tiltDegrees);
        float s = (float) Math.sin(t);
        float c = (float) Math.cos(t);
        float[] base = config.tiltDegrees > 0 ? new float[] {0, 0, 1, s, 0, c, -s, 0, c, 0, s, c, 0, -s, c}
                : new float[] {0, 0, 1};
        if (up == null || !config.dominantPlane) {
            return base;
        }
        double[] n = camera.pose().rotation();
        float[] out = java.util.Arrays.copyOf(base, base.length + 3);
        for (int a = 0; a < 3; a++) {
            out[base.length + a] = (float) (n[3 * a] * up[0] + n[3 * a + 1] * up[1] + n[3 * a + 2] * up[2]);
        }
        return out;
    }
}
