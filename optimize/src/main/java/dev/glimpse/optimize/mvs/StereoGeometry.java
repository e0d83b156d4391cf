package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;

/**
 * The two-view transforms the stereo kernels use, in double precision: for reference camera r and other camera o
 * (OpenCV axes, x_cam = R x_world + t), the relative motion R_or = R_o R_r^T, t_or = t_o - R_or t_r, and the map
 * of a reference pixel (u, v) at depth d, written (u d, v d, d, 1), to o's camera coordinates.
 */
final class StereoGeometry {
    private StereoGeometry() {}

    /** Row-major 3x4 [R_or K_r^-1 | t_or] acting on (u d, v d, d, 1). */
    static double[] pixelToCamera(Camera ref, Camera other) {
        double[] r = relativeRotation(ref, other);
        double[] t = relativeTranslation(ref, other, r);
        double[] m = multiply3(r, kInverse(ref.intrinsics()));
        return new double[] {m[0], m[1], m[2], t[0], m[3], m[4], m[5], t[1], m[6], m[7], m[8], t[2]};
    }

    /** Row-major 3x4 K_o [R_or K_r^-1 | t_or]: reference (u d, v d, d, 1) to o's homogeneous pixel coordinates. */
    static double[] pixelToPixel(Camera ref, Camera other) {
        double[] m = pixelToCamera(ref, other);
        Intrinsics k = other.intrinsics();
        double[] out = new double[12];
        for (int c = 0; c < 4; c++) {
            out[c] = k.fx() * m[c] + k.cx() * m[8 + c];
            out[4 + c] = k.fy() * m[4 + c] + k.cy() * m[8 + c];
            out[8 + c] = m[8 + c];
        }
        return out;
    }

    /** A row-major 3x4 as a column-major GLSL mat4 (last row 0 0 0 1). */
    static float[] columnMajor(double[] rowMajor3x4) {
        float[] out = new float[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                out[c * 4 + r] = (float) rowMajor3x4[r * 4 + c];
            }
        }
        out[15] = 1;
        return out;
    }

    static double[] relativeRotation(Camera ref, Camera other) {
        double[] rr = ref.pose().rotation();
        double[] ro = other.pose().rotation();
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += ro[3 * i + k] * rr[3 * j + k]; // (R_o R_r^T)_ij
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    private static double[] relativeTranslation(Camera ref, Camera other, double[] r) {
        double[] tr = ref.pose().translation();
        double[] to = other.pose().translation();
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = to[i] - (r[3 * i] * tr[0] + r[3 * i + 1] * tr[1] + r[3 * i + 2] * tr[2]);
        }
        return out;
    }

    static double[] kInverse(Intrinsics k) {
        return new double[] {1 / k.fx(), 0, -k.cx() / k.fx(), 0, 1 / k.fy(), -k.cy() / k.fy(), 0, 0, 1};
    }

    private static double[] multiply3(double[] a, double[] b) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return out;
    }
}
