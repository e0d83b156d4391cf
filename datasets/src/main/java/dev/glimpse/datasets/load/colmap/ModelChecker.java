package dev.glimpse.datasets.load.colmap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a COLMAP model record by record, as readers meet them, so a reader can report a bad reference at the
 * line or offset it came from: unique ids and names, images naming an existing camera, tracks naming an existing
 * image and a feature index inside it. Problems are IllegalArgumentExceptions that readers rethrow with a location.
 */
final class ModelChecker {
    private final Set<Integer> cameraIds = new HashSet<>();
    private final Map<Integer, Integer> numPoints2DByImageId = new HashMap<>();
    private final Set<String> imageNames = new HashSet<>();
    private final Set<Long> point3DIds = new HashSet<>();

    void addCamera(ColmapModel.Camera camera) {
        if (!cameraIds.add(camera.id())) {
            throw new IllegalArgumentException("duplicate camera id " + Integer.toUnsignedString(camera.id()));
        }
    }

    void addImage(ColmapModel.Image image) {
        String id = Integer.toUnsignedString(image.id());
        if (!cameraIds.contains(image.cameraId())) {
            throw new IllegalArgumentException("image " + id + " refers to camera "
                    + Integer.toUnsignedString(image.cameraId()) + ", which is not in the cameras file");
        }
        if (numPoints2DByImageId.putIfAbsent(image.id(), image.numPoints2D()) != null) {
            throw new IllegalArgumentException("duplicate image id " + id);
        }
        if (!imageNames.add(image.name())) {
            throw new IllegalArgumentException("image " + id + " repeats the image name '" + image.name() + "'");
        }
    }

    void addPoint(ColmapModel.Point3D point) {
        String id = Long.toUnsignedString(point.id());
        if (!point3DIds.add(point.id())) {
            throw new IllegalArgumentException("duplicate point3D id " + id);
        }
        int[] imageIds = point.trackImageIds();
        int[] idxs = point.trackPoint2DIdxs();
        for (int i = 0; i < imageIds.length; i++) {
            Integer numPoints2D = numPoints2DByImageId.get(imageIds[i]);
            if (numPoints2D == null) {
                throw new IllegalArgumentException("point3D " + id + " track refers to image "
                        + Integer.toUnsignedString(imageIds[i]) + ", which is not in the images file");
            }
            if (idxs[i] < 0 || idxs[i] >= numPoints2D) {
                throw new IllegalArgumentException("point3D " + id + " track refers to point2D "
                        + Integer.toUnsignedString(idxs[i]) + " of image " + Integer.toUnsignedString(imageIds[i])
                        + ", which has " + numPoints2D + " points2D");
            }
        }
    }
}
