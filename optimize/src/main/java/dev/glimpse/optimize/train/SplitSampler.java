package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/train/densify_split.comp}: after {@link GaussianModel#rebuild} copied split parents into
 * their children, samples each child's position from the parent's Gaussian and shrinks its scales. Random
 * numbers are a counter-based hash of (seed, iteration, parent, child), reproducible from the fit's seed.
 */
final class SplitSampler implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    static final Binding SOURCE_FROM_TARGET = Binding.storage("SOURCE_FROM_TARGET_BINDING", 0);
    static final Binding ACTIONS = Binding.storage("ACTIONS_BINDING", 1);
    static final Binding OLD_MEANS = Binding.storage("OLD_MEANS_BINDING", 2);
    static final Binding OLD_LOG_SCALES = Binding.storage("OLD_LOG_SCALES_BINDING", 3);
    static final Binding OLD_QUATS = Binding.storage("OLD_QUATS_BINDING", 4);
    static final Binding MEANS = Binding.storage("MEANS_BINDING", 5);
    static final Binding LOG_SCALES = Binding.storage("LOG_SCALES_BINDING", 6);

    private final ComputeProgram program;

    SplitSampler(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "train/densify_split.comp").localSize(WORKGROUP_SIZE)
                .bindings(SOURCE_FROM_TARGET, ACTIONS, OLD_MEANS, OLD_LOG_SCALES, OLD_QUATS, MEANS, LOG_SCALES)
                .define("ACTION_SPLIT", DensifyPlanner.ACTION_SPLIT + "u").build();
    }

    /**
     * @param sourceFromTarget [model.count()] uint map words of the rebuild just done
     * @param actions          [old count] uint actions of the plan
     */
    void run(GaussianModel model, GpuBuffer sourceFromTarget, GpuBuffer actions, long seed, int iteration) {
        ParameterGroup means = model.group(GaussianModel.MEANS);
        ParameterGroup scales = model.group(GaussianModel.LOG_SCALES);
        ParameterGroup quats = model.group(GaussianModel.QUATS);
        program.bind(SOURCE_FROM_TARGET, sourceFromTarget).bind(ACTIONS, actions)
                .bind(OLD_MEANS, model.previousValues(means)).bind(OLD_LOG_SCALES, model.previousValues(scales))
                .bind(OLD_QUATS, model.previousValues(quats)).bind(MEANS, means.value())
                .bind(LOG_SCALES, scales.value());
        program.setUint("newCount", model.count());
        program.setUint("seedLo", (int) seed);
        program.setUint("seedHi", (int) (seed >>> 32));
        program.setUint("iteration", iteration);
        program.setFloat("splitLogShrink", DensifyThresholds.SPLIT_LOG_SHRINK);
        program.dispatch(ComputeProgram.groupsFor(model.count(), WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
