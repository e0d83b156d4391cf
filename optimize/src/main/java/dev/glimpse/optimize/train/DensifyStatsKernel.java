package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** Owns {@code shaders/train/densify_stats.comp}: accumulates a view's screen gradients into the model's stats. */
final class DensifyStatsKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    static final Binding V_MEANS2D = Binding.storage("V_MEANS2D_BINDING", 0);
    static final Binding RADII = Binding.storage("RADII_BINDING", 1);
    static final Binding GRAD_ACCUM = Binding.storage("GRAD_ACCUM_BINDING", 2);
    static final Binding GRAD_DENOM = Binding.storage("GRAD_DENOM_BINDING", 3);
    static final Binding MAX_RADIUS = Binding.storage("MAX_RADIUS_BINDING", 4);

    private final ComputeProgram program;

    DensifyStatsKernel(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "train/densify_stats.comp").localSize(WORKGROUP_SIZE)
                .bindings(V_MEANS2D, RADII, GRAD_ACCUM, GRAD_DENOM, MAX_RADIUS).build();
    }

    /**
     * @param v_means2d [n][2] float, gradient w.r.t. the screen centres in pixels
     * @param radii     [n] int screen radii in pixels, 0 for Gaussians not drawn
     */
    void run(GaussianModel model, GpuBuffer v_means2d, GpuBuffer radii, int width, int height) {
        program.bind(V_MEANS2D, v_means2d).bind(RADII, radii).bind(GRAD_ACCUM, model.gradAccum())
                .bind(GRAD_DENOM, model.gradDenom()).bind(MAX_RADIUS, model.maxRadius());
        program.setUint("count", model.count());
        program.setVec2("halfImageSize", 0.5f * width, 0.5f * height);
        program.dispatch(ComputeProgram.groupsFor(model.count(), WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
