package dev.glimpse.datasets.scene;

/** Near and far scene depth for a view, in world units, where the format gives them (LLFF bounds). */
public record DepthRange(double near, double far) {
    public DepthRange {
        if (!(near > 0) || !(far > near) || !Double.isFinite(far)) {
            throw new IllegalArgumentException("depth range needs 0 < near < far, got " + near + ", " + far);
        }
    }
}
