package dev.glimpse.render.view;

/** Small geometric helpers shared by the view classes. */
public final class ViewMath {
    private ViewMath() {}

    public static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Window pixel (x right, y down, origin top-left) of world point p seen by camera c, or null when behind it.
     */
    public static double[] project(dev.glimpse.optimize.splat.SplatCamera c, double[] p) {
        float[] m = c.worldToCamera();
        double[] cam = new double[3];
        for (int r = 0; r < 3; r++) {
            cam[r] = m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r];
        }
        if (cam[2] <= 1e-6) {
            return null;
        }
        return new double[] {c.fx() * cam[0] / cam[2] + c.cx(), c.fy() * cam[1] / cam[2] + c.cy(), cam[2]};
    }
}
