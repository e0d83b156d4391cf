package dev.glimpse.datasets.load.colmap;

import java.util.Arrays;
import java.util.List;

/**
 * A COLMAP sparse model exactly as cameras, images and points3D files hold it: COLMAP's own ids, its
 * world-to-camera quaternion poses and the records in file order, so that reading and writing again reproduces the
 * same values. Conversion to Glimpse's scene model is {@link ColmapLoader}'s job. The constructor checks that ids
 * are unique and that every reference resolves (image to camera, track to image and point2D index); it does not
 * require each point2D's point3D id to exist, as tools that filter points3D often leave those behind.
 *
 * @param cameras  in file order
 * @param images   in file order
 * @param points3D in file order
 */
public record ColmapModel(List<Camera> cameras, List<Image> images, List<Point3D> points3D) {
    /** The point3D id COLMAP writes for a point2D without a 3D point (-1; the maximum uint64 in binary files). */
    public static final long NO_POINT3D = -1;

    public ColmapModel {
        cameras = List.copyOf(cameras);
        images = List.copyOf(images);
        points3D = List.copyOf(points3D);
        ModelChecker checker = new ModelChecker();
        cameras.forEach(checker::addCamera);
        images.forEach(checker::addImage);
        points3D.forEach(checker::addPoint);
    }

    /**
     * One camera (intrinsics shared by the images that name it).
     *
     * @param id     camera id (uint32 in COLMAP, kept as the same 32 bits)
     * @param params the model's parameters in file order [model.paramCount()]
     */
    public record Camera(int id, ColmapCameraModel model, int width, int height, double[] params) {
        public Camera {
            if (model == null || params == null) {
                throw new IllegalArgumentException("camera " + Integer.toUnsignedString(id) + " needs a model and params");
            }
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("camera " + Integer.toUnsignedString(id)
                        + " has image size " + width + "x" + height + ", must be positive");
            }
            if (params.length != model.paramCount()) {
                throw new IllegalArgumentException("camera " + Integer.toUnsignedString(id) + " of model " + model
                        + " needs " + model.paramCount() + " params " + model.paramNames() + ", got " + params.length);
            }
            requireFinite(params, "camera " + Integer.toUnsignedString(id) + " params");
            params = params.clone();
        }

        @Override
        public double[] params() {
            return params.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Camera c && id == c.id && model == c.model && width == c.width && height == c.height
                    && Arrays.equals(params, c.params);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * id + model.hashCode()) + Arrays.hashCode(params);
        }

        @Override
        public String toString() {
            return "Camera[" + id + " " + model + " " + width + "x" + height + " " + Arrays.toString(params) + "]";
        }
    }

    /**
     * One registered image: its world-to-camera pose x_cam = R(q) x_world + t (OpenCV axes) and its 2D features.
     *
     * @param qvec       (qw, qx, qy, qz) as stored (not renormalised) [4]
     * @param tvec       (tx, ty, tz) [3]
     * @param name       file name relative to the images folder
     * @param xy         feature positions (x0, y0, x1, y1, ...) in COLMAP pixel coordinates [numPoints2D][2]
     * @param point3DIds for each feature, the point3D id it observes or {@link #NO_POINT3D} [numPoints2D]
     */
    public record Image(int id, double[] qvec, double[] tvec, int cameraId, String name, double[] xy,
            long[] point3DIds) {
        public Image {
            String what = "image " + Integer.toUnsignedString(id);
            if (qvec == null || tvec == null || name == null || xy == null || point3DIds == null) {
                throw new IllegalArgumentException(what + " has a missing field");
            }
            if (qvec.length != 4 || tvec.length != 3) {
                throw new IllegalArgumentException(what + " needs 4 quaternion and 3 translation values");
            }
            requireFinite(qvec, what + " quaternion");
            requireFinite(tvec, what + " translation");
            double norm = Math.sqrt(qvec[0] * qvec[0] + qvec[1] * qvec[1] + qvec[2] * qvec[2] + qvec[3] * qvec[3]);
            if (!(norm > 1e-12) || !Double.isFinite(norm)) {
                throw new IllegalArgumentException(what + " quaternion " + Arrays.toString(qvec)
                        + " cannot be normalised to a rotation");
            }
            if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(what + " has an empty name or one with NUL or line breaks");
            }
            if (xy.length != 2 * point3DIds.length) {
                throw new IllegalArgumentException(what + " has " + xy.length + " feature coordinates for "
                        + point3DIds.length + " point3D ids");
            }
            requireFinite(xy, what + " point2D coordinates");
            qvec = qvec.clone();
            tvec = tvec.clone();
            xy = xy.clone();
            point3DIds = point3DIds.clone();
        }

        public int numPoints2D() {
            return point3DIds.length;
        }

        @Override
        public double[] qvec() {
            return qvec.clone();
        }

        @Override
        public double[] tvec() {
            return tvec.clone();
        }

        @Override
        public double[] xy() {
            return xy.clone();
        }

        @Override
        public long[] point3DIds() {
            return point3DIds.clone();
        }

        public double x(int point2DIdx) {
            return xy[2 * point2DIdx];
        }

        public double y(int point2DIdx) {
            return xy[2 * point2DIdx + 1];
        }

        public long point3DId(int point2DIdx) {
            return point3DIds[point2DIdx];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && id == i.id && cameraId == i.cameraId && name.equals(i.name)
                    && Arrays.equals(qvec, i.qvec) && Arrays.equals(tvec, i.tvec) && Arrays.equals(xy, i.xy)
                    && Arrays.equals(point3DIds, i.point3DIds);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * id + name.hashCode()) + Arrays.hashCode(qvec);
        }

        @Override
        public String toString() {
            return "Image[" + id + " " + name + " camera " + cameraId + " q=" + Arrays.toString(qvec)
                    + " t=" + Arrays.toString(tvec) + " " + numPoints2D() + " points2D]";
        }
    }

    /**
     * One triangulated point and its track.
     *
     * @param id                point3D id (uint64 in COLMAP, kept as the same 64 bits)
     * @param xyz               world position [3]
     * @param rgb               colour, each 0..255 [3]
     * @param error             mean reprojection error in pixels
     * @param trackImageIds     the images observing it [trackLength]
     * @param trackPoint2DIdxs  the index of the observing feature within each image's points2D [trackLength]
     */
    public record Point3D(long id, double[] xyz, int[] rgb, double error, int[] trackImageIds,
            int[] trackPoint2DIdxs) {
        public Point3D {
            String what = "point3D " + Long.toUnsignedString(id);
            if (xyz == null || rgb == null || trackImageIds == null || trackPoint2DIdxs == null) {
                throw new IllegalArgumentException(what + " has a missing field");
            }
            if (xyz.length != 3 || rgb.length != 3) {
                throw new IllegalArgumentException(what + " needs 3 coordinates and 3 colour values");
            }
            requireFinite(xyz, what + " position");
            requireFinite(new double[] {error}, what + " error");
            for (int c : rgb) {
                if (c < 0 || c > 255) {
                    throw new IllegalArgumentException(what + " colour " + c + " is outside 0..255");
                }
            }
            if (trackImageIds.length != trackPoint2DIdxs.length) {
                throw new IllegalArgumentException(what + " track has unequal image and point2D lists");
            }
            xyz = xyz.clone();
            rgb = rgb.clone();
            trackImageIds = trackImageIds.clone();
            trackPoint2DIdxs = trackPoint2DIdxs.clone();
        }

        public int trackLength() {
            return trackImageIds.length;
        }

        @Override
        public double[] xyz() {
            return xyz.clone();
        }

        @Override
        public int[] rgb() {
            return rgb.clone();
        }

        @Override
        public int[] trackImageIds() {
            return trackImageIds.clone();
        }

        @Override
        public int[] trackPoint2DIdxs() {
            return trackPoint2DIdxs.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point3D p && id == p.id && Double.compare(error, p.error) == 0
                    && Arrays.equals(xyz, p.xyz) && Arrays.equals(rgb, p.rgb)
                    && Arrays.equals(trackImageIds, p.trackImageIds)
                    && Arrays.equals(trackPoint2DIdxs, p.trackPoint2DIdxs);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(id) + Arrays.hashCode(xyz);
        }

        @Override
        public String toString() {
            return "Point3D[" + id + " " + Arrays.toString(xyz) + " rgb " + Arrays.toString(rgb) + " error " + error
                    + " track " + trackLength() + "]";
        }
    }

    static void requireFinite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + ": non-finite value " + v);
            }
        }
    }
}
