package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses cameras.txt, images.txt and points3D.txt the way COLMAP does: '#' comments and blank lines are skipped,
 * except that the line after each image line is that image's points2D line even when empty. Every problem, from a
 * malformed number to a track naming a missing image, is reported with the file and line number.
 */
final class ColmapTextReader {
    private final ModelChecker checker = new ModelChecker();

    private ColmapTextReader() {}

    static ColmapModel read(Path dir) throws IOException {
        ColmapTextReader reader = new ColmapTextReader();
        List<ColmapModel.Camera> cameras = reader.readCameras(dir.resolve(ColmapText.CAMERAS));
        List<ColmapModel.Image> images = reader.readImages(dir.resolve(ColmapText.IMAGES));
        List<ColmapModel.Point3D> points = reader.readPoints(dir.resolve(ColmapText.POINTS3D));
        return new ColmapModel(cameras, images, points);
    }

    private List<ColmapModel.Camera> readCameras(Path file) throws IOException {
        List<ColmapModel.Camera> cameras = new ArrayList<>();
        try (TextLines lines = new TextLines(file)) {
            String[] t;
            while ((t = lines.nextDataLine()) != null) {
                if (t.length < 4) {
                    throw lines.fail("expected CAMERA_ID MODEL WIDTH HEIGHT PARAMS[], got " + t.length + " values");
                }
                int id = lines.unsignedInt(t[0], "camera id");
                String modelName = t[1];
                ColmapCameraModel model = ColmapCameraModel.byName(modelName).orElseThrow(() -> lines.fail(
                        "unknown camera model '" + modelName + "' (known: "
                                + Arrays.toString(ColmapCameraModel.values()) + ")"));
                int width = lines.intInRange(t[2], "width", 1, Integer.MAX_VALUE);
                int height = lines.intInRange(t[3], "height", 1, Integer.MAX_VALUE);
                if (t.length - 4 != model.paramCount()) {
                    throw lines.fail("camera model " + model + " needs " + model.paramCount() + " params "
                            + model.paramNames() + ", got " + (t.length - 4));
                }
                double[] params = new double[model.paramCount()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = lines.real(t[4 + i], "param " + model.paramNames().get(i));
                }
                try {
                    ColmapModel.Camera camera = new ColmapModel.Camera(id, model, width, height, params);
                    checker.addCamera(camera);
                    cameras.add(camera);
                } catch (IllegalArgumentException e) {
                    throw lines.fail(e.getMessage());
                }
            }
        }
        return cameras;
    }

    private List<ColmapModel.Image> readImages(Path file) throws IOException {
        List<ColmapModel.Image> images = new ArrayList<>();
        try (TextLines lines = new TextLines(file)) {
            String[] t;
            while ((t = lines.nextDataLine()) != null) {
                if (t.length != 10) {
                    throw lines.fail("expected IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME, got " + t.length
                            + " values" + (t.length > 10 ? " (image names cannot contain spaces)" : ""));
                }
                int id = lines.unsignedInt(t[0], "image id");
                double[] qvec = new double[4];
                double[] tvec = new double[3];
                for (int i = 0; i < 4; i++) {
                    qvec[i] = lines.real(t[1 + i], "quaternion value");
                }
                for (int i = 0; i < 3; i++) {
                    tvec[i] = lines.real(t[5 + i], "translation value");
                }
                int cameraId = lines.unsignedInt(t[8], "camera id");
                String name = t[9];
                ColmapModel.Image image = readPoints2D(lines, id, qvec, tvec, cameraId, name);
                images.add(image);
            }
        }
        return images;
    }

    private ColmapModel.Image readPoints2D(TextLines lines, int id, double[] qvec, double[] tvec, int cameraId,
            String name) throws IOException {
        int imageLine = lines.lineNumber();
        String[] p = lines.nextLineTokens("image " + Integer.toUnsignedString(id) + " has no points2D line");
        if (p.length % 3 != 0) {
            throw lines.fail("points2D line has " + p.length + " values, not a multiple of 3 (X Y POINT3D_ID)");
        }
        int n = p.length / 3;
        double[] xy = new double[2 * n];
        long[] point3DIds = new long[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = lines.real(p[3 * i], "point2D x");
            xy[2 * i + 1] = lines.real(p[3 * i + 1], "point2D y");
            String idToken = p[3 * i + 2];
            point3DIds[i] = idToken.equals("-1") ? ColmapModel.NO_POINT3D : lines.unsignedLong(idToken, "point3D id");
        }
        try {
            ColmapModel.Image image = new ColmapModel.Image(id, qvec, tvec, cameraId, name, xy, point3DIds);
            checker.addImage(image);
            return image;
        } catch (IllegalArgumentException e) {
            // The pose, camera and name are on the image line, the features were already checked.
            throw lines.failAt(imageLine, e.getMessage());
        }
    }

    private List<ColmapModel.Point3D> readPoints(Path file) throws IOException {
        List<ColmapModel.Point3D> points = new ArrayList<>();
        try (TextLines lines = new TextLines(file)) {
            String[] t;
            while ((t = lines.nextDataLine()) != null) {
                if (t.length < 8 || (t.length - 8) % 2 != 0) {
                    throw lines.fail("expected POINT3D_ID X Y Z R G B ERROR then (IMAGE_ID POINT2D_IDX) pairs, got "
                            + t.length + " values");
                }
                long id = lines.unsignedLong(t[0], "point3D id");
                double[] xyz = new double[3];
                int[] rgb = new int[3];
                for (int i = 0; i < 3; i++) {
                    xyz[i] = lines.real(t[1 + i], "coordinate");
                    rgb[i] = lines.intInRange(t[4 + i], "colour value", 0, 255);
                }
                double error = lines.real(t[7], "error");
                int trackLength = (t.length - 8) / 2;
                int[] imageIds = new int[trackLength];
                int[] idxs = new int[trackLength];
                for (int i = 0; i < trackLength; i++) {
                    imageIds[i] = lines.unsignedInt(t[8 + 2 * i], "track image id");
                    idxs[i] = lines.intInRange(t[9 + 2 * i], "track point2D index", 0, Integer.MAX_VALUE);
                }
                try {
                    ColmapModel.Point3D point = new ColmapModel.Point3D(id, xyz, rgb, error, imageIds, idxs);
                    checker.addPoint(point);
                    points.add(point);
                } catch (IllegalArgumentException e) {
                    throw lines.fail(e.getMessage());
                }
            }
        }
        return points;
    }
}
