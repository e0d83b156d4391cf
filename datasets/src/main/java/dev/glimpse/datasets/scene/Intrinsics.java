package dev.glimpse.datasets.scene;

/**
 * Pinhole intrinsics in pixels, in COLMAP pixel coordinates: the centre of the top-left pixel is at (0.5, 0.5),
 * so a point on the optical axis projects to (cx, cy) and an image spans [0, width] x [0, height].
 */
public record Intrinsics(int width, int height, double fx, double fy, double cx, double cy) {
    public Intrinsics {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException("focal lengths must be finite and positive, got " + fx + ", " + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("principal point must be finite, got " + cx + ", " + cy);
        }
    }

    /**
     * Intrinsics of the same camera with images shrunk by an integer factor. The image size rounds down (as
     * image pyramids and COLMAP's images_N folders do) and focal lengths and principal point scale with the size
     * actually kept, so the field of view stays exact.
     */
    public Intrinsics downscaled(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("downscale factor must be >= 1, got " + factor);
        }
        if (factor == 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        return resized(w, h);
    }

    /** Intrinsics for the same field of view at another image size. */
    public Intrinsics resized(int newWidth, int newHeight) {
        double sx = (double) newWidth / width;
        double sy = (double) newHeight / height;
        return new Intrinsics(newWidth, newHeight, fx * sx, fy * sy, cx * sx, cy * sy);
    }

    /** Horizontal field of view in radians. */
    public double fovX() {
        return 2 * Math.atan(0.5 * width / fx);
    }

    /** Vertical field of view in radians. */
    public double fovY() {
        return 2 * Math.atan(0.5 * height / fy);
    }
}
