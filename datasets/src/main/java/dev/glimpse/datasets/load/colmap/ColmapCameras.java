package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import java.util.EnumSet;
import java.util.Set;

/**
 * Maps COLMAP camera parameters to Glimpse's pinhole {@link Intrinsics} and OpenCV-style {@link Distortion}. Only
 * the pinhole-like models fit that lens model; the fisheye, FOV and thin-prism models would need their own
 * undistortion and are refused rather than loaded wrongly.
 */
public final class ColmapCameras {
    /** Models whose distortion is a special case of {@link Distortion}'s rational OpenCV model. */
    public static final Set<ColmapCameraModel> SUPPORTED = EnumSet.of(ColmapCameraModel.SIMPLE_PINHOLE,
            ColmapCameraModel.PINHOLE, ColmapCameraModel.SIMPLE_RADIAL, ColmapCameraModel.RADIAL,
            ColmapCameraModel.OPENCV, ColmapCameraModel.FULL_OPENCV);

    private ColmapCameras() {}

    /** Throws IllegalArgumentException naming the model when Glimpse cannot undistort it. */
    public static void requireSupported(ColmapModel.Camera camera) {
        if (!SUPPORTED.contains(camera.model())) {
            throw new IllegalArgumentException("camera " + Integer.toUnsignedString(camera.id()) + " uses the "
                    + camera.model() + " model, which Glimpse cannot undistort (supported: " + SUPPORTED + ")");
        }
    }

    /** Focal lengths and principal point at the camera's own image size. */
    public static Intrinsics intrinsics(ColmapModel.Camera camera) {
        requireSupported(camera);
        double[] p = camera.params();
        return switch (camera.model()) {
            case SIMPLE_PINHOLE, SIMPLE_RADIAL, RADIAL ->
                    new Intrinsics(camera.width(), camera.height(), p[0], p[0], p[1], p[2]);
            default -> new Intrinsics(camera.width(), camera.height(), p[0], p[1], p[2], p[3]);
        };
    }

    /** The lens distortion; NONE for the pinhole models. */
    public static Distortion distortion(ColmapModel.Camera camera) {
        requireSupported(camera);
        double[] p = camera.params();
        return switch (camera.model()) {
            case SIMPLE_RADIAL -> Distortion.radial(p[3], 0);
            case RADIAL -> Distortion.radial(p[3], p[4]);
            case OPENCV -> Distortion.opencv(p[4], p[5], p[6], p[7]);
            // FULL_OPENCV order: k1 k2 p1 p2 k3 k4 k5 k6.
            case FULL_OPENCV -> new Distortion(p[4], p[5], p[8], p[9], p[10], p[11], p[6], p[7]);
            default -> Distortion.NONE;
        };
    }
}
