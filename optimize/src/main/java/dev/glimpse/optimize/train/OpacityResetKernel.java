package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/**
 * Owns {@code shaders/train/opacity_reset.comp}: caps every opacity at 0.01 and, as the reference replaces the
 * opacity tensor in its optimiser, zeroes the opacity group's Adam moments.
 */
final class OpacityResetKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    static final double MAX_OPACITY = 0.01;
    static final Binding LOGIT_OPACITY = Binding.storage("LOGIT_OPACITY_BINDING", 0);

    private final ComputeProgram program;

    OpacityResetKernel(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "train/opacity_reset.comp").localSize(WORKGROUP_SIZE)
                .bindings(LOGIT_OPACITY).build();
    }

    void run(GaussianModel model) {
        ParameterGroup opacity = model.group(GaussianModel.LOGIT_OPACITY);
        program.bind(LOGIT_OPACITY, opacity.value());
        program.setUint("count", model.count());
        program.setFloat("maxLogit", (float) DensifyThresholds.logit(MAX_OPACITY));
        program.dispatch(ComputeProgram.groupsFor(model.count(), WORKGROUP_SIZE), 1, 1);
        opacity.zeroMoments(model.count());
    }

    @Override
    public void close() {
        program.close();
    }
}
