package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.train.GaussianModel;

/** Owns {@code shaders/regularize/gaussian_regularizers.comp}: opacity entropy, anisotropy and size penalties. */
final class GaussianRegularizers implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    static final Binding LOGIT_OPACITY = Binding.storage("LOGIT_OPACITY_BINDING", 0);
    static final Binding LOG_SCALES = Binding.storage("LOG_SCALES_BINDING", 1);
    static final Binding V_LOGIT_OPACITY = Binding.storage("V_LOGIT_OPACITY_BINDING", 2);
    static final Binding V_LOG_SCALES = Binding.storage("V_LOG_SCALES_BINDING", 3);
    static final Binding REG_STATS = Binding.storage("REG_STATS_BINDING", 4);
    private final ComputeProgram program;

    GaussianRegularizers(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "regularize/gaussian_regularizers.comp").localSize(WORKGROUP_SIZE)
                .bindings(LOGIT_OPACITY, LOG_SCALES, V_LOGIT_OPACITY, V_LOG_SCALES, REG_STATS)
                .define("REG_STATS_WORDS", RegularizerStats.WORDS).build();
    }

    static boolean any(RegularizeConfig c) {
        return c.opacityEntropy > 0 || c.anisotropy > 0 || c.size > 0;
    }

    /** Adds the penalties' gradients to the model's gradient buffers. */
    void run(GaussianModel model, RegularizeConfig c, double extent, GpuBuffer stats, int slot) {
        int n = model.count();
        if (n == 0) {
            return;
        }
        program.bind(LOGIT_OPACITY, model.params().logitOpacity()).bind(LOG_SCALES, model.params().logScales())
                .bind(V_LOGIT_OPACITY, model.grads().logitOpacity()).bind(V_LOG_SCALES, model.grads().logScales())
                .bind(REG_STATS, stats);
        program.setUint("count", n);
        program.setFloat("opacityScale", (float) (c.opacityEntropy / n));
        program.setFloat("anisotropyScale", (float) (c.anisotropy / n));
        program.setFloat("logMaxRatio", (float) Math.log(c.maxAnisotropy));
        program.setFloat("sizeScale", (float) (c.size / n));
        program.setFloat("logMaxScale", (float) Math.log(c.maxSize * extent));
        program.setInt("statSlot", slot);
        program.dispatch(ComputeProgram.groupsFor(n, WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
