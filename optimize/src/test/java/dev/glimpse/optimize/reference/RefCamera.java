package dev.glimpse.optimize.reference;

/**
 * Pinhole camera of the reference pipeline. OpenCV axes (x right, y down, +z forward); a world point p maps
 * to camera space as t = rotation p + translation (world-to-camera, as COLMAP images.txt). Intrinsics fx,
 * fy, cx, cy are in COLMAP pixels: pixel (i, j) (column i, row j) has its centre at (i + 0.5, j + 0.5).
 *
 * @param rotation    world-to-camera rotation [3][3], row-major
 * @param translation world-to-camera translation [3]
 * @param width       image width W in pixels
 * @param height      image height H in pixels
 */
public record RefCamera(double[][] rotation, double[] translation, double fx, double fy, double cx, double cy,
        int width, int height) {

    /** Validates shapes and positivity so a malformed camera fails at construction, not deep in a loop. */
    public RefCamera {
        if (rotation.length != 3 || rotation[0].length != 3 || translation.length != 3) {
            throw new IllegalArgumentException("RefCamera: rotation must be 3x3 and translation length 3");
        }
        if (!(fx > 0 && fy > 0) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("RefCamera: focal lengths and image size must be positive");
        }
    }

    /** tan(fov_x / 2) = W / (2 fx). */
    public double tanHalfFovX() {
        return width / (2.0 * fx);
    }

    /** tan(fov_y / 2) = H / (2 fy). */
    public double tanHalfFovY() {
        return height / (2.0 * fy);
    }

    /** Camera centre in world space, -R^T T. */
    public double[] center() {
        double[] c = RefMath.mulTransposeVec(rotation, translation);
        return new double[] {-c[0], -c[1], -c[2]};
    }

    /** Camera-space point t = R p + T. */
    public double[] toCamera(double[] p) {
        double[] t = RefMath.mulVec(rotation, p);
        return new double[] {t[0] + translation[0], t[1] + translation[1], t[2] + translation[2]};
    }

    /** Number of tile columns, ceil(W / tileSize). */
    public int tilesX(int tileSize) {
        return (width + tileSize - 1) / tileSize;
    }

    /** Number of tile rows, ceil(H / tileSize). */
    public int tilesY(int tileSize) {
        return (height + tileSize - 1) / tileSize;
    }
}
