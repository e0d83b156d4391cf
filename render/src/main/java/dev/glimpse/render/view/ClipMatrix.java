package dev.glimpse.render.view;

import dev.glimpse.optimize.splat.SplatCamera;

/**
 * The OpenGL clip-from-world matrix that puts points exactly where the splat rasteriser puts them for the same
 * {@link SplatCamera}: pinhole intrinsics in COLMAP pixel coordinates (image row 0 at the top) mapped to GL's
 * normalised device coordinates (y up), and camera z mapped to window depth between {@code near} and {@code far}.
 */
public final class ClipMatrix {
    private ClipMatrix() {}

    /** Column-major 4x4 clip-from-camera for OpenCV camera axes. */
    public static float[] projection(SplatCamera c, float near, float far) {
        float w = c.width();
        float h = c.height();
        float[] p = new float[16];
        p[0] = 2 * c.fx() / w;
        p[8] = 2 * c.cx() / w - 1;
        p[5] = -2 * c.fy() / h;
        p[9] = 1 - 2 * c.cy() / h;
        float[] ab = depthToNdc(near, far);
        p[10] = ab[0];
        p[14] = ab[1];
        p[11] = 1;
        return p;
    }

    /** (a, b) with z_ndc = a + b / z: near maps to -1, far to +1. */
    public static float[] depthToNdc(float near, float far) {
        return new float[] {(far + near) / (far - near), -2 * far * near / (far - near)};
    }

    /** Column-major clip-from-world = projection x worldToCamera. */
    public static float[] clipFromWorld(SplatCamera c, float near, float far) {
        return multiply(projection(c, near, far), c.worldToCamera());
    }

    static float[] multiply(float[] a, float[] b) {
        float[] m = new float[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 4; row++) {
                float s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[k * 4 + row] * b[col * 4 + k];
                }
                m[col * 4 + row] = s;
            }
        }
        return m;
    }
}
