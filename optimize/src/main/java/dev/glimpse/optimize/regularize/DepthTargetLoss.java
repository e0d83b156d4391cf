package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** Owns {@code shaders/regularize/depth_target_loss.comp}: the robust per-pixel depth loss against a target map. */
final class DepthTargetLoss implements AutoCloseable {
    static final Binding TARGET = Binding.storage("TARGET_BINDING", 5);
    private final ComputeProgram program;

    DepthTargetLoss(GlContext ctx) {
        program = DepthTermBindings.build(ctx, "regularize/depth_target_loss.comp", TARGET);
    }

    /**
     * @param target [H][W][2] float (depth, weight); weight 0 where there is no target
     * @param scale  term weight / number of target pixels
     */
    void run(DepthTermBindings.Rendered out, GpuBuffer target, float sigma, float scale, DepthTermBindings.Cotangents v,
            GpuBuffer stats, int slot, float alphaMin) {
        DepthTermBindings.bind(program, out, v, stats, slot, alphaMin);
        program.bind(TARGET, target);
        program.setFloat("sigma", sigma);
        program.setFloat("scale", scale);
        DepthTermBindings.dispatchImage(program, out);
    }

    @Override
    public void close() {
        program.close();
    }
}
