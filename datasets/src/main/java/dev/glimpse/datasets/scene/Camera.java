package dev.glimpse.datasets.scene;

/**
 * One view's camera: pinhole intrinsics, lens distortion (NONE once images are undistorted at load time), the
 * world-to-camera pose in OpenCV axes, and the name of the camera model the file used (for reports).
 */
public record Camera(Intrinsics intrinsics, Distortion distortion, Pose pose, String modelName) {
    public Camera {
        if (intrinsics == null || distortion == null || pose == null || modelName == null) {
            throw new IllegalArgumentException("camera fields must not be null");
        }
    }

    public static Camera pinhole(Intrinsics intrinsics, Pose pose) {
        return new Camera(intrinsics, Distortion.NONE, pose, "PINHOLE");
    }

    public int width() {
        return intrinsics.width();
    }

    public int height() {
        return intrinsics.height();
    }

    public Camera withIntrinsics(Intrinsics k) {
        return new Camera(k, distortion, pose, modelName);
    }

    public Camera withPose(Pose p) {
        return new Camera(intrinsics, distortion, p, modelName);
    }

    public Camera withDistortion(Distortion d) {
        return new Camera(intrinsics, d, pose, modelName);
    }

    /**
     * Projects a world point to pixel coordinates (COLMAP convention) through the pinhole model, ignoring
     * distortion. Returns {u, v, z} with z the camera-space depth; u and v are meaningless when z <= 0.
     */
    public double[] project(double x, double y, double z) {
        double[] c = pose.toCamera(x, y, z);
        return new double[] {
            intrinsics.fx() * c[0] / c[2] + intrinsics.cx(),
            intrinsics.fy() * c[1] / c[2] + intrinsics.cy(),
            c[2]
        };
    }
}
