package dev.glimpse.optimize.metrics;

/**
 * DTU-style geometry metrics between a reconstructed point cloud and ground-truth surface points: accuracy =
 * mean distance from reconstructed points to the ground truth, completeness = mean distance from ground-truth
 * points to the reconstruction, Chamfer = their mean; precision / recall = shares of those distances below tau,
 * F-score their harmonic mean.
 */
public record GeometryMetrics(double accuracy, double completeness, double chamfer, double precision,
        double recall, double fScore, double tau) {

    /** Compares two clouds given as [count][3] float arrays. */
    public static GeometryMetrics of(float[] reconstructed, float[] groundTruth, double tau) {
        if (reconstructed.length < 3 || groundTruth.length < 3) {
            throw new IllegalArgumentException("geometry metrics need non-empty point clouds");
        }
        double[] acc = meanAndShareBelow(reconstructed, new PointKdTree(groundTruth), tau);
        double[] comp = meanAndShareBelow(groundTruth, new PointKdTree(reconstructed), tau);
        double precision = acc[1];
        double recall = comp[1];
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new GeometryMetrics(acc[0], comp[0], 0.5 * (acc[0] + comp[0]), precision, recall, f, tau);
    }

    /** Length of the diagonal of the axis-aligned box around a cloud given as [count][3] floats. */
    public static double boundingBoxDiagonal(float[] xyz) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], xyz[i]);
            hi[i % 3] = Math.max(hi[i % 3], xyz[i]);
        }
        double dx = hi[0] - lo[0], dy = hi[1] - lo[1], dz = hi[2] - lo[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[] meanAndShareBelow(float[] from, PointKdTree to, double tau) {
        int n = from.length / 3;
        double sum = 0;
        long below = 0;
        for (int i = 0; i < n; i++) {
            double d = to.nearestDistance(from[3 * i], from[3 * i + 1], from[3 * i + 2]);
            sum += d;
            if (d < tau) {
                below++;
            }
        }
        return new double[] {sum / n, (double) below / n};
    }
}
