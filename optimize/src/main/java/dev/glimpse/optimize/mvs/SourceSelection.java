package dev.glimpse.optimize.mvs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which views a reference view is matched against: the others ranked by how well their viewing angle on the
 * scene suits stereo. The angle at the scene point between the two camera centres (the triangulation angle)
 * scores best near {@link #PREFERRED_DEGREES}: much smaller gives poor depth resolution, much larger makes the
 * windows look too different to correlate.
 */
public final class SourceSelection {
    static final double PREFERRED_DEGREES = 15;
    static final double SPREAD_DEGREES = 20;
    /** Views nearly as far apart as this see different sides of the scene: never matched. */
    static final double MAX_DEGREES = 90;

    private SourceSelection() {}

    /**
     * @param centres camera centres [views][3]
     * @param target  the scene point the angles are measured at (the content box centre)
     * @return for the reference, up to {@code count} indices into {@code centres}, best first
     */
    public static int[] sources(int reference, double[][] centres, double[] target, int count) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < centres.length; i++) {
            if (i == reference) {
                continue;
            }
            double angle = angleDegrees(centres[reference], centres[i], target);
            if (angle < MAX_DEGREES && angle > 1e-3) {
                double score = Math.exp(-Math.pow((angle - PREFERRED_DEGREES) / SPREAD_DEGREES, 2));
                scored.add(new double[] {i, score});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
        int n = Math.min(count, scored.size());
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) scored.get(k)[0];
        }
        return out;
    }

    static double angleDegrees(double[] a, double[] b, double[] target) {
        double[] u = new double[3];
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            u[i] = a[i] - target[i];
            v[i] = b[i] - target[i];
        }
        double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        double nv = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (nu * nv)))));
    }
}
