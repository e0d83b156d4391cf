package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Per-Gaussian outputs of the projection stage, kept for the rest of the forward and for the backward. Grown to
 * the largest Gaussian count seen, never shrunk; only the first {@code n} entries of a frame are meaningful.
 */
final class ProjectedGaussians implements AutoCloseable {
    final GpuBuffer xys;           // [n][2] float screen centre (u, v), COLMAP pixels
    final GpuBuffer conicOpacity;  // [n][4] float conic (a, b, c), sigmoid(logit opacity)
    final GpuBuffer colors;        // [n][3] float clamped SH colour
    final GpuBuffer depths;        // [n] float camera-space z
    final GpuBuffer radii;         // [n] int pixels, 0 when culled
    final GpuBuffer tilesTouched;  // [n] uint tiles in the rectangle, 0 when culled
    final GpuBuffer tileRects;     // [n][4] uint xmin, ymin, xmax, ymax (max exclusive), tiles
    final GpuBuffer offsets;       // [n] uint exclusive prefix sum of tilesTouched

    ProjectedGaussians(GlContext context) {
        xys = GpuBuffer.create(context, 4, "splat xys");
        conicOpacity = GpuBuffer.create(context, 4, "splat conic opacity");
        colors = GpuBuffer.create(context, 4, "splat colors");
        depths = GpuBuffer.create(context, 4, "splat depths");
        radii = GpuBuffer.create(context, 4, "splat radii");
        tilesTouched = GpuBuffer.create(context, 4, "splat tiles touched");
        tileRects = GpuBuffer.create(context, 4, "splat tile rects");
        offsets = GpuBuffer.create(context, 4, "splat intersection offsets");
    }

    void ensure(int n) {
        long words = Math.max(1, n);
        xys.ensureCapacity(8 * words);
        conicOpacity.ensureCapacity(16 * words);
        colors.ensureCapacity(12 * words);
        depths.ensureCapacity(4 * words);
        radii.ensureCapacity(4 * words);
        tilesTouched.ensureCapacity(4 * words);
        tileRects.ensureCapacity(16 * words);
        offsets.ensureCapacity(4 * words);
    }

    @Override
    public void close() {
        for (GpuBuffer b : new GpuBuffer[] {offsets, tileRects, tilesTouched, radii, depths, colors, conicOpacity,
            xys}) {
            b.close();
        }
    }
}
