package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/regularize/depth_pearson.comp}: 1 - Pearson correlation of rendered and prior depth, over
 * the whole image (scale- and shift-invariant) or over patches whose grid is shifted randomly each call.
 */
final class DepthPearsonLoss implements AutoCloseable {
    static final Binding PRIOR = Binding.storage("PRIOR_BINDING", 5);
    /** A patch needs this share of valid pixels to count. */
    static final double MIN_VALID_SHARE = 0.25;
    private final ComputeProgram program;

    DepthPearsonLoss(GlContext ctx) {
        program = DepthTermBindings.build(ctx, "regularize/depth_pearson.comp", PRIOR);
    }

    /**
     * @param prior     [H][W] float, 0 where there is none
     * @param patchSize patch side; 0 for one patch covering the image
     * @param shiftX    grid shift in [0, patchSize), pixels (local patches only)
     */
    void run(DepthTermBindings.Rendered out, GpuBuffer prior, int patchSize, int shiftX, int shiftY, float weight,
            DepthTermBindings.Cotangents v, GpuBuffer stats, int slot, float alphaMin) {
        int w = out.width();
        int h = out.height();
        int side = patchSize > 0 ? patchSize : Math.max(w, h);
        int ox = patchSize > 0 ? -shiftX : 0;
        int oy = patchSize > 0 ? -shiftY : 0;
        int gx = ComputeProgram.groupsFor(w - ox, side);
        int gy = ComputeProgram.groupsFor(h - oy, side);
        DepthTermBindings.bind(program, out, v, stats, slot, alphaMin);
        program.bind(PRIOR, prior);
        program.setUint("patchSize", side);
        program.setInt("originX", ox);
        program.setInt("originY", oy);
        program.setFloat("scale", weight / (gx * gy));
        program.setUint("minPixels", (int) Math.ceil(MIN_VALID_SHARE * Math.min(side, w) * Math.min(side, h)));
        program.dispatch(gx, gy, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
