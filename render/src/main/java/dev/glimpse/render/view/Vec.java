package dev.glimpse.render.view;

/** The few 3-vector operations the camera code needs, on plain arrays. */
final class Vec {
    private Vec() {}

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalise(double[] a) {
        double n = Math.sqrt(dot(a, a));
        if (!(n > 1e-12)) {
            throw new IllegalArgumentException("cannot normalise a zero vector");
        }
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
