package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** Owns {@code shaders/regularize/depth_smoothness.comp}: edge-aware log-depth smoothness of a (pseudo) view. */
final class DepthSmoothnessLoss implements AutoCloseable {
    static final Binding RGB = Binding.storage("RGB_BINDING", 5);
    private final ComputeProgram program;

    DepthSmoothnessLoss(GlContext ctx) {
        program = DepthTermBindings.build(ctx, "regularize/depth_smoothness.comp", RGB);
    }

    void run(DepthTermBindings.Rendered out, float weight, float edgeGain, DepthTermBindings.Cotangents v, GpuBuffer stats,
            int slot, float alphaMin) {
        DepthTermBindings.bind(program, out, v, stats, slot, alphaMin);
        program.bind(RGB, out.rgb());
        program.setFloat("edgeGain", edgeGain);
        program.setFloat("scale", weight / out.pixels());
        DepthTermBindings.dispatchImage(program, out);
    }

    @Override
    public void close() {
        program.close();
    }
}
