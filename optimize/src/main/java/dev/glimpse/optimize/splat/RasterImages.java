package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** The rasteriser's per-pixel outputs and saved state; grown to the largest image seen, never shrunk. */
final class RasterImages implements AutoCloseable {
    final GpuBuffer rgb;       // [H][W][3] float
    final GpuBuffer alpha;     // [H][W] float 1 - T_final
    final GpuBuffer depth;     // [H][W] float sum z alpha T (not normalised)
    final GpuBuffer finalT;    // [H][W] float T_final
    final GpuBuffer nContrib;  // [H][W] uint list entries processed (1 + position of the last contributor)

    RasterImages(GlContext context) {
        rgb = GpuBuffer.create(context, 4, "splat rgb");
        alpha = GpuBuffer.create(context, 4, "splat alpha");
        depth = GpuBuffer.create(context, 4, "splat depth");
        finalT = GpuBuffer.create(context, 4, "splat final transmittance");
        nContrib = GpuBuffer.create(context, 4, "splat entries processed");
    }

    void ensure(int pixels) {
        rgb.ensureCapacity(12L * pixels);
        alpha.ensureCapacity(4L * pixels);
        depth.ensureCapacity(4L * pixels);
        finalT.ensureCapacity(4L * pixels);
        nContrib.ensureCapacity(4L * pixels);
    }

    @Override
    public void close() {
        for (GpuBuffer b : new GpuBuffer[] {nContrib, finalT, depth, alpha, rgb}) {
            b.close();
        }
    }
}
