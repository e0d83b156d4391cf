package dev.glimpse.datasets.scene;

/**
 * Lens distortion in OpenCV's rational radial + tangential model, which contains every pinhole-like model COLMAP
 * and nerfstudio write (SIMPLE_RADIAL, RADIAL, OPENCV, FULL_OPENCV, nerfstudio's k1 k2 k3 p1 p2). For normalised
 * image coordinates (x, y) = (X/Z, Y/Z) and r2 = x^2 + y^2:
 * <pre>
 *   radial = (1 + k1 r2 + k2 r2^2 + k3 r2^3) / (1 + k4 r2 + k5 r2^2 + k6 r2^3)
 *   x' = x radial + 2 p1 x y + p2 (r2 + 2 x^2)
 *   y' = y radial + p1 (r2 + 2 y^2) + 2 p2 x y
 * </pre>
 * Glimpse undistorts images at load time, so everything after loading sees {@link #NONE}.
 */
public record Distortion(double k1, double k2, double k3, double k4, double k5, double k6, double p1, double p2) {
    public static final Distortion NONE = new Distortion(0, 0, 0, 0, 0, 0, 0, 0);

    public Distortion {
        for (double c : new double[] {k1, k2, k3, k4, k5, k6, p1, p2}) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("distortion coefficients must be finite");
            }
        }
    }

    public static Distortion radial(double k1, double k2) {
        return new Distortion(k1, k2, 0, 0, 0, 0, 0, 0);
    }

    public static Distortion opencv(double k1, double k2, double p1, double p2) {
        return new Distortion(k1, k2, 0, 0, 0, 0, p1, p2);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** Applies the distortion to normalised coordinates; writes (x', y') into out[0..1]. */
    public void distort(double x, double y, double[] out) {
        double r2 = x * x + y * y;
        double radial = (1 + r2 * (k1 + r2 * (k2 + r2 * k3))) / (1 + r2 * (k4 + r2 * (k5 + r2 * k6)));
        out[0] = x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
        out[1] = y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
    }

    /**
     * Inverts {@link #distort} by Newton iterations with a numerical Jacobian (the model has no closed-form
     * inverse); writes (x, y) into out. Converges in a few steps for the moderate distortion of real lenses.
     */
    public void undistort(double xd, double yd, double[] out) {
        double x = xd;
        double y = yd;
        double[] f = new double[2];
        double[] fx = new double[2];
        double[] fy = new double[2];
        final double h = 1e-7;
        for (int iter = 0; iter < 30; iter++) {
            distort(x, y, f);
            double ex = f[0] - xd;
            double ey = f[1] - yd;
            if (ex * ex + ey * ey < 1e-24) {
                break;
            }
            distort(x + h, y, fx);
            distort(x, y + h, fy);
            double a = (fx[0] - f[0]) / h;
            double b = (fy[0] - f[0]) / h;
            double c = (fx[1] - f[1]) / h;
            double d = (fy[1] - f[1]) / h;
            double det = a * d - b * c;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            x -= (d * ex - b * ey) / det;
            y -= (-c * ex + a * ey) / det;
        }
        out[0] = x;
        out[1] = y;
    }
}
