package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses cameras.bin, images.bin and points3D.bin (little endian, uint64 counts, records as COLMAP's documentation
 * lists them). Counts are validated against the bytes left before any allocation, and the same semantic checks as
 * the text reader apply, reported with the record and its byte offset.
 */
final class ColmapBinaryReader {
    /** Smallest encodings: a camera has at least 3 params; an image name is at least its NUL. */
    private static final int MIN_CAMERA_BYTES = 4 + 4 + 8 + 8 + 3 * 8;
    private static final int MIN_IMAGE_BYTES = 4 + 4 * 8 + 3 * 8 + 4 + 1 + 8;
    private static final int POINT2D_BYTES = 8 + 8 + 8;
    private static final int MIN_POINT3D_BYTES = 8 + 3 * 8 + 3 + 8 + 8;
    private static final int TRACK_ELEMENT_BYTES = 4 + 4;

    private final ModelChecker checker = new ModelChecker();

    private ColmapBinaryReader() {}

    static ColmapModel read(Path dir) throws IOException {
        ColmapBinaryReader reader = new ColmapBinaryReader();
        List<ColmapModel.Camera> cameras = reader.readCameras(new LittleEndianInput(dir.resolve(ColmapBinary.CAMERAS)));
        List<ColmapModel.Image> images = reader.readImages(new LittleEndianInput(dir.resolve(ColmapBinary.IMAGES)));
        List<ColmapModel.Point3D> points = reader.readPoints(new LittleEndianInput(dir.resolve(ColmapBinary.POINTS3D)));
        return new ColmapModel(cameras, images, points);
    }

    private List<ColmapModel.Camera> readCameras(LittleEndianInput in) throws IOException {
        int n = in.count("cameras", MIN_CAMERA_BYTES);
        List<ColmapModel.Camera> cameras = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            in.startRecord("camera record " + r);
            int id = in.i32("camera id");
            int modelId = in.i32("model id");
            ColmapCameraModel model = ColmapCameraModel.byId(modelId)
                    .orElseThrow(() -> in.fail("unknown camera model id " + modelId + " (known: 0..10)"));
            int width = in.u64InRange("width", 1);
            int height = in.u64InRange("height", 1);
            double[] params = new double[model.paramCount()];
            for (int i = 0; i < params.length; i++) {
                params[i] = in.f64(model + " param " + model.paramNames().get(i));
            }
            try {
                ColmapModel.Camera camera = new ColmapModel.Camera(id, model, width, height, params);
                checker.addCamera(camera);
                cameras.add(camera);
            } catch (IllegalArgumentException e) {
                throw in.fail(e.getMessage());
            }
        }
        in.requireEnd();
        return cameras;
    }

    private List<ColmapModel.Image> readImages(LittleEndianInput in) throws IOException {
        int n = in.count("images", MIN_IMAGE_BYTES);
        List<ColmapModel.Image> images = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            in.startRecord("image record " + r);
            int id = in.i32("image id");
            double[] qvec = new double[4];
            double[] tvec = new double[3];
            for (int i = 0; i < 4; i++) {
                qvec[i] = in.f64("quaternion");
            }
            for (int i = 0; i < 3; i++) {
                tvec[i] = in.f64("translation");
            }
            int cameraId = in.i32("camera id");
            String name = in.cString("image name");
            int numPoints2D = in.count("points2D", POINT2D_BYTES);
            double[] xy = new double[2 * numPoints2D];
            long[] point3DIds = new long[numPoints2D];
            for (int i = 0; i < numPoints2D; i++) {
                xy[2 * i] = in.f64("point2D x");
                xy[2 * i + 1] = in.f64("point2D y");
                point3DIds[i] = in.i64("point3D id");
            }
            try {
                ColmapModel.Image image = new ColmapModel.Image(id, qvec, tvec, cameraId, name, xy, point3DIds);
                checker.addImage(image);
                images.add(image);
            } catch (IllegalArgumentException e) {
                throw in.fail(e.getMessage());
            }
        }
        in.requireEnd();
        return images;
    }

    private List<ColmapModel.Point3D> readPoints(LittleEndianInput in) throws IOException {
        int n = in.count("points3D", MIN_POINT3D_BYTES);
        List<ColmapModel.Point3D> points = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            in.startRecord("point3D record " + r);
            long id = in.i64("point3D id");
            double[] xyz = new double[3];
            int[] rgb = new int[3];
            for (int i = 0; i < 3; i++) {
                xyz[i] = in.f64("position");
            }
            for (int i = 0; i < 3; i++) {
                rgb[i] = in.u8("colour");
            }
            double error = in.f64("error");
            int trackLength = in.count("track elements", TRACK_ELEMENT_BYTES);
            int[] imageIds = new int[trackLength];
            int[] idxs = new int[trackLength];
            for (int i = 0; i < trackLength; i++) {
                imageIds[i] = in.i32("track image id");
                idxs[i] = in.i32("track point2D index");
            }
            try {
                ColmapModel.Point3D point = new ColmapModel.Point3D(id, xyz, rgb, error, imageIds, idxs);
                checker.addPoint(point);
                points.add(point);
            } catch (IllegalArgumentException e) {
                throw in.fail(e.getMessage());
            }
        }
        in.requireEnd();
        return points;
    }
}
