package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.gpu.PrefixSum;
import dev.glimpse.optimize.gpu.RadixSort;

/**
 * The differentiable Gaussian-splat tile rasteriser: a forward that renders colour, alpha and expected depth,
 * and a backward that adds the gradients of a scalar loss to parameter gradient buffers. It owns every stage
 * kernel and the scratch buffers, which grow as needed and are never shrunk. One instance per GL context and
 * thread; see the package documentation for the stages and conventions.
 */
public final class SplatRasterizer implements AutoCloseable {
    /** Tile edge in pixels; injected into the shaders as TILE_SIZE. */
    public static final int TILE_SIZE = 16;

    private final ProjectKernel project;
    private final DuplicateKeysKernel duplicateKeys;
    private final TileRangesKernel tileRanges;
    private final RasterizeKernel rasterize;
    private final RasterizeBackwardKernel rasterizeBackward;
    private final ProjectBackwardKernel projectBackward;
    private final PrefixSum prefixSum;
    private final RadixSort radixSort;
    private final ProjectedGaussians projected;
    private final TileIntersections list;
    private final RasterImages images;
    private final GpuBuffer screenGrads;   // [n][SCREEN_GRAD_STRIDE] float, zeroed per backward
    private final GpuBuffer unused;        // bound where an optional input is absent
    private final GpuTimer timer;
    private long frame;

    public SplatRasterizer(GlContext context) {
        this(context, null);
    }

    /** @param timer optional: receives the stages project, sort, rasterize, rasterize_backward, project_backward */
    public SplatRasterizer(GlContext context, GpuTimer timer) {
        this.timer = timer;
        project = new ProjectKernel(context);
        duplicateKeys = new DuplicateKeysKernel(context);
        tileRanges = new TileRangesKernel(context);
        rasterize = new RasterizeKernel(context);
        rasterizeBackward = new RasterizeBackwardKernel(context);
        projectBackward = new ProjectBackwardKernel(context);
        prefixSum = new PrefixSum(context);
        radixSort = new RadixSort(context);
        projected = new ProjectedGaussians(context);
        list = new TileIntersections(context);
        images = new RasterImages(context);
        screenGrads = GpuBuffer.create(context, 4, "splat screen-space gradients");
        unused = GpuBuffer.create(context, 16, "splat absent input");
    }

    /**
     * Renders {@code params} seen by {@code camera}, SH evaluated up to {@code activeShDegree}, over
     * {@code background} (RGB). Reads back one number (the intersection count). The result is valid until the
     * next forward of this rasteriser.
     */
    public RasterOutput forward(SplatBuffers params, int activeShDegree, SplatCamera camera, float[] background) {
        if (activeShDegree < 0 || activeShDegree > params.shDegree()) {
            throw new IllegalArgumentException("active SH degree " + activeShDegree + " outside 0.."
                    + params.shDegree() + " (the stored degree)");
        }
        if (background.length != 3) {
            throw new IllegalArgumentException("background needs 3 components, got " + background.length);
        }
        BufferChecks.params("parameters", params);
        int n = params.count();
        int tilesX = (camera.width() + TILE_SIZE - 1) / TILE_SIZE;
        int tilesY = (camera.height() + TILE_SIZE - 1) / TILE_SIZE;
        int numTiles = tilesX * tilesY;
        frame++;
        projected.ensure(n);
        images.ensure(camera.pixels());
        long total;
        try (GpuTimer.Stage s = stage("project")) {
            project.run(params, activeShDegree, camera, tilesX, tilesY, projected);
            prefixSum.exclusiveScan(projected.tilesTouched, projected.offsets, n);
            total = prefixSum.readTotal();
        }
        if (total > Integer.MAX_VALUE / 4) {
            throw new IllegalStateException(total + " tile/Gaussian intersections exceed the buffer limits");
        }
        int intersections = (int) total;
        try (GpuTimer.Stage s = stage("sort")) {
            list.ensure(intersections, numTiles);
            if (intersections > 0) {
                duplicateKeys.run(n, tilesX, projected, list);
                int tileBits = 32 - Integer.numberOfLeadingZeros(numTiles - 1);
                radixSort.sort(list.keysHi, list.keysLo, list.gaussianIds, intersections, 32, tileBits);
            }
            tileRanges.run(intersections, numTiles, list);
        }
        try (GpuTimer.Stage s = stage("rasterize")) {
            rasterize.run(camera, background, tilesX, tilesY, projected, list, images);
        }
        return new RasterOutput(this, frame, params, activeShDegree, camera, background, tilesX, tilesY,
                intersections, projected, list, images);
    }

    /**
     * Adds to {@code gradients} the gradients of L = sum(v_rgb rgb) + sum(v_alpha alpha) + sum(v_depth depth)
     * for the forward {@code saved}. Cotangents: {@code vRgb} [H][W][3] float (required), {@code vAlphaOrNull}
     * and {@code vDepthOrNull} [H][W] float (null: zero). {@code gradients} has the shapes of the parameters;
     * its logit-opacity gradient is w.r.t. the stored logit. {@code vUvOrNull} [n][2] float, if given, gets the
     * screen-centre gradient in pixels added (densification statistics). Culled Gaussians and SH coefficients
     * above the active degree receive nothing. Float atomics make the result order-dependent in the last bits.
     */
    public void backward(RasterOutput saved, GpuBuffer vRgb, GpuBuffer vAlphaOrNull, GpuBuffer vDepthOrNull,
            SplatBuffers gradients, GpuBuffer vUvOrNull) {
        saved.checkCurrent(this);
        SplatBuffers params = saved.params();
        int n = params.count();
        int pixels = saved.camera().pixels();
        if (gradients.count() != n || gradients.shDegree() != params.shDegree()) {
            throw new IllegalArgumentException("gradient buffers hold " + gradients.count() + " Gaussians of SH degree "
                    + gradients.shDegree() + ", the parameters " + n + " of degree " + params.shDegree());
        }
        BufferChecks.params("gradients", gradients);
        BufferChecks.words("v_rgb", vRgb, 3L * pixels);
        BufferChecks.words("v_alpha", vAlphaOrNull, pixels);
        BufferChecks.words("v_depth", vDepthOrNull, pixels);
        BufferChecks.words("v_uv", vUvOrNull, 2L * n);
        long gradBytes = 4L * SplatBindings.SCREEN_GRAD_STRIDE * n;
        screenGrads.ensureCapacity(gradBytes);
        screenGrads.fill(0, gradBytes, 0);
        try (GpuTimer.Stage s = stage("rasterize_backward")) {
            rasterizeBackward.run(saved, vRgb, vAlphaOrNull, vDepthOrNull, unused, screenGrads);
        }
        try (GpuTimer.Stage s = stage("project_backward")) {
            projectBackward.run(saved, screenGrads, gradients, vUvOrNull, unused);
        }
    }

    /** Downloads the colour image [H][W][3]. */
    public float[] readRgb(RasterOutput out) {
        return out.rgb().downloadFloats(0, 3 * out.camera().pixels());
    }

    /** Downloads the accumulated alpha [H][W]. */
    public float[] readAlpha(RasterOutput out) {
        return out.alpha().downloadFloats(0, out.camera().pixels());
    }

    /** Downloads the expected depth [H][W]. */
    public float[] readDepth(RasterOutput out) {
        return out.depth().downloadFloats(0, out.camera().pixels());
    }

    /** Downloads the radii [n] (0 = culled). */
    public int[] readRadii(RasterOutput out) {
        return out.radii().downloadInts(0, out.params().count());
    }

    void checkLatest(long outputFrame) {
        if (outputFrame != frame) {
            throw new IllegalStateException("RasterOutput of frame " + outputFrame
                    + " used after a later forward (frame " + frame + ") reused its buffers");
        }
    }

    private GpuTimer.Stage stage(String name) {
        return timer == null ? null : timer.stage(name);
    }

    @Override
    public void close() {
        unused.close();
        screenGrads.close();
        images.close();
        list.close();
        projected.close();
        radixSort.close();
        prefixSum.close();
        projectBackward.close();
        rasterizeBackward.close();
        rasterize.close();
        tileRanges.close();
        duplicateKeys.close();
        project.close();
    }
}
