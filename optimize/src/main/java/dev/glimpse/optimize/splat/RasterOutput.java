package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * What {@link SplatRasterizer#forward} produced and what its {@link SplatRasterizer#backward} consumes: the
 * output images, the per-Gaussian radii and the saved intermediate state. The buffers belong to the rasteriser
 * and are reused: this object is valid only until the next {@code forward} of the same rasteriser (the
 * optimiser renders one view per iteration); later use throws. Buffers may be larger than the frame: only the
 * prefix given by the shape comments is meaningful.
 */
public final class RasterOutput {
    private final SplatRasterizer owner;
    private final long frame;
    private final SplatBuffers params;
    private final int activeShDegree;
    private final SplatCamera camera;
    final float[] background;
    final int tilesX;
    final int tilesY;
    private final int intersections;
    final ProjectedGaussians projected;
    final TileIntersections list;
    final RasterImages images;

    RasterOutput(SplatRasterizer owner, long frame, SplatBuffers params, int activeShDegree, SplatCamera camera,
            float[] background, int tilesX, int tilesY, int intersections, ProjectedGaussians projected,
            TileIntersections list, RasterImages images) {
        this.owner = owner;
        this.frame = frame;
        this.params = params;
        this.activeShDegree = activeShDegree;
        this.camera = camera;
        this.background = background.clone();
        this.tilesX = tilesX;
        this.tilesY = tilesY;
        this.intersections = intersections;
        this.projected = projected;
        this.list = list;
        this.images = images;
    }

    /** Throws unless this is the latest forward of {@code rasterizer}. */
    void checkCurrent(SplatRasterizer rasterizer) {
        if (rasterizer != owner) {
            throw new IllegalStateException("RasterOutput belongs to another SplatRasterizer");
        }
        owner.checkLatest(frame);
    }

    /** [H][W][3] float colour, background composited. */
    public GpuBuffer rgb() {
        owner.checkLatest(frame);
        return images.rgb;
    }

    /** [H][W] float accumulated alpha, 1 - T_final. */
    public GpuBuffer alpha() {
        owner.checkLatest(frame);
        return images.alpha;
    }

    /** [H][W] float expected depth sum z alpha T, not divided by alpha. */
    public GpuBuffer depth() {
        owner.checkLatest(frame);
        return images.depth;
    }

    /** [n] int screen radius in pixels of each Gaussian, 0 when culled (densification uses it). */
    public GpuBuffer radii() {
        owner.checkLatest(frame);
        return projected.radii;
    }

    /** Number of tile/Gaussian intersections rendered (the one number read back per frame). */
    public int intersections() {
        return intersections;
    }

    public SplatBuffers params() {
        return params;
    }

    public int activeShDegree() {
        return activeShDegree;
    }

    public SplatCamera camera() {
        return camera;
    }

    public int width() {
        return camera.width();
    }

    public int height() {
        return camera.height();
    }
}
