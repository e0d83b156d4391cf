package dev.glimpse.optimize.splat;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;

/**
 * A camera as the splat kernels see it: OpenCV axes, pinhole intrinsics in COLMAP pixel coordinates (pixel (i, j)
 * centred at (i + 0.5, j + 0.5)), and the near plane below which splats are culled.
 *
 * @param worldToCamera world-to-camera 4x4, COLUMN-major as GLSL's mat4 expects [16]
 * @param centre        camera centre in world coordinates [3]
 * @param near          cull splats with camera-space z below this (SPLATTING.md: 0.2)
 */
public record SplatCamera(float[] worldToCamera, float[] centre, float fx, float fy, float cx, float cy, int width,
        int height, float near) {
    /** The reference near plane of 3D Gaussian splatting. */
    public static final float DEFAULT_NEAR = 0.2f;

    public SplatCamera {
        if (worldToCamera.length != 16 || centre.length != 3) {
            throw new IllegalArgumentException("camera needs a 4x4 matrix and a 3-vector centre");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("camera image size must be positive");
        }
    }

    /** The splat camera of a scene camera (distortion must already be removed, as loaders do). */
    public static SplatCamera of(Camera camera) {
        double[] rowMajor = camera.pose().worldToCameraMatrix();
        float[] colMajor = new float[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                colMajor[c * 4 + r] = (float) rowMajor[r * 4 + c];
            }
        }
        double[] c = camera.pose().centre();
        Intrinsics k = camera.intrinsics();
        return new SplatCamera(colMajor, new float[] {(float) c[0], (float) c[1], (float) c[2]}, (float) k.fx(),
                (float) k.fy(), (float) k.cx(), (float) k.cy(), k.width(), k.height(), DEFAULT_NEAR);
    }

    public int pixels() {
        return width * height;
    }
}
