package dev.glimpse.datasets.load.nerfstudio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.load.blender.TransformsJson;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import java.nio.file.Path;
import java.util.List;

/**
 * The camera fields of a nerfstudio / instant-ngp {@code transforms.json}: intrinsics and distortion are given once
 * at the top level and any of them may be overridden inside a frame (nerfstudio's per-frame cameras).
 */
final class NerfstudioCameras {
    /** Models whose images are a pinhole projection plus OpenCV radial-tangential distortion. */
    static final List<String> SUPPORTED_MODELS = List.of("OPENCV", "PINHOLE", "SIMPLE_PINHOLE", "SIMPLE_RADIAL",
            "RADIAL");

    /** nerfstudio's default when {@code camera_model} is absent. */
    static final String DEFAULT_MODEL = "OPENCV";

    private NerfstudioCameras() {}

    /** The camera model name, refusing the non-pinhole models nerfstudio also writes (fisheye, 360 degrees). */
    static String model(JsonNode meta, Path file) throws DatasetException {
        String model = TransformsJson.optionalText(meta, "camera_model", file, "");
        if (model == null) {
            return DEFAULT_MODEL;
        }
        if (!SUPPORTED_MODELS.contains(model)) {
            throw new DatasetException(file, "camera_model '" + model + "' is not supported (supported: "
                    + String.join(", ", SUPPORTED_MODELS) + ")");
        }
        return model;
    }

    /**
     * Full-resolution intrinsics of a frame. Focal lengths come from {@code fl_x}/{@code fl_y}, else from
     * instant-ngp's {@code camera_angle_x}/{@code camera_angle_y} (fy = fx when neither vertical field is given);
     * the principal point defaults to the image centre; {@code headerSize} is the image's own size, used when
     * {@code w}/{@code h} are absent.
     */
    static Intrinsics intrinsics(JsonNode meta, JsonNode frame, Path file, String where, int[] headerSize)
            throws DatasetException {
        int w = has(meta, frame, "w") ? TransformsJson.positiveInt(pick(meta, frame, "w"), "w", file, where)
                : headerSize[0];
        int h = has(meta, frame, "h") ? TransformsJson.positiveInt(pick(meta, frame, "h"), "h", file, where)
                : headerSize[1];
        double fx;
        if (has(meta, frame, "fl_x")) {
            fx = TransformsJson.positive(pick(meta, frame, "fl_x"), "fl_x", file, where);
        } else if (has(meta, frame, "camera_angle_x")) {
            fx = focalFromAngle(meta, frame, "camera_angle_x", w, file, where);
        } else {
            throw new DatasetException(file, where + "missing field 'fl_x' (or 'camera_angle_x')");
        }
        double fy;
        if (has(meta, frame, "fl_y")) {
            fy = TransformsJson.positive(pick(meta, frame, "fl_y"), "fl_y", file, where);
        } else if (has(meta, frame, "camera_angle_y")) {
            fy = focalFromAngle(meta, frame, "camera_angle_y", h, file, where);
        } else {
            fy = fx;
        }
        double cx = TransformsJson.number(pick(meta, frame, "cx"), "cx", 0.5 * w, file, where);
        double cy = TransformsJson.number(pick(meta, frame, "cy"), "cy", 0.5 * h, file, where);
        return new Intrinsics(w, h, fx, fy, cx, cy);
    }

    /** Whether the frame needs its image header for its size (neither it nor the top level gives w and h). */
    static boolean needsHeaderSize(JsonNode meta, JsonNode frame) {
        return !has(meta, frame, "w") || !has(meta, frame, "h");
    }

    private static double focalFromAngle(JsonNode meta, JsonNode frame, String field, int size, Path file,
            String where) throws DatasetException {
        double angle = TransformsJson.positive(pick(meta, frame, field), field, file, where);
        if (angle >= Math.PI) {
            throw new DatasetException(file, where + field + " must be below pi radians, got " + angle);
        }
        return 0.5 * size / Math.tan(0.5 * angle);
    }

    /**
     * nerfstudio's distortion k1 k2 k3 p1 p2 as OpenCV's model (k4..k6 = 0). Its fourth radial term k4 multiplies
     * r^8 in nerfstudio but the denominator in OpenCV, so a non-zero k4 is refused rather than misread.
     */
    static Distortion distortion(JsonNode meta, JsonNode frame, Path file, String where) throws DatasetException {
        double k4 = coefficient(meta, frame, "k4", file, where);
        if (k4 != 0) {
            throw new DatasetException(file, where + "distortion k4 = " + k4 + " is not supported (k1 k2 k3 p1 p2 only)");
        }
        return new Distortion(coefficient(meta, frame, "k1", file, where), coefficient(meta, frame, "k2", file, where),
                coefficient(meta, frame, "k3", file, where), 0, 0, 0, coefficient(meta, frame, "p1", file, where),
                coefficient(meta, frame, "p2", file, where));
    }

    private static double coefficient(JsonNode meta, JsonNode frame, String field, Path file, String where)
            throws DatasetException {
        return TransformsJson.number(pick(meta, frame, field), field, 0, file, where);
    }

    private static boolean has(JsonNode meta, JsonNode frame, String field) {
        return TransformsJson.has(frame, field) || TransformsJson.has(meta, field);
    }

    /** The object that supplies a field: the frame when it overrides it, else the top level. */
    private static JsonNode pick(JsonNode meta, JsonNode frame, String field) {
        return TransformsJson.has(frame, field) ? frame : meta;
    }
}
