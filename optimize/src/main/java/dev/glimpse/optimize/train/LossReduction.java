package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/loss/loss_reduce.comp}: sums the per-workgroup (L1, SSIM, squared error, weight) sums of an
 * image pass into a {@link LossStats} buffer, in one workgroup and a fixed order. Also the one place that knows
 * how image passes are tiled into workgroups.
 */
final class LossReduction implements AutoCloseable {
    /** Image passes run 16 x 16 pixel workgroups. */
    static final int TILE = 16;
    static final int WORKGROUP_SIZE = 256;
    static final Binding GROUP_SUMS = Binding.storage("GROUP_SUMS_BINDING", 7);
    static final Binding STATS = Binding.storage("STATS_BINDING", 8);

    private final ComputeProgram program;
    private final GpuBuffer groupSums; // [numGroups] vec4, grown on demand

    LossReduction(GlContext ctx) {
        ComputeProgram.Builder b = ComputeProgram.builder(ctx, "loss/loss_reduce.comp").localSize(WORKGROUP_SIZE)
                .bindings(GROUP_SUMS, STATS);
        LossStats.define(b);
        program = b.build();
        groupSums = GpuBuffer.create(ctx, 16, "loss group sums");
    }

    static int groupsX(int width) {
        return ComputeProgram.groupsFor(width, TILE);
    }

    static int groupsY(int height) {
        return ComputeProgram.groupsFor(height, TILE);
    }

    /** The per-workgroup sums buffer, sized for an image of this size. */
    GpuBuffer groupSums(int width, int height) {
        groupSums.ensureCapacity(16L * groupsX(width) * groupsY(height));
        return groupSums;
    }

    void run(int width, int height, float lambda, boolean hasSsim, GpuBuffer stats) {
        if (stats.size() < 4L * LossStats.WORDS) {
            throw new IllegalArgumentException("stats buffer '" + stats.label() + "' holds fewer than "
                    + LossStats.WORDS + " floats");
        }
        program.bind(GROUP_SUMS, groupSums).bind(STATS, stats);
        program.setUint("numGroups", groupsX(width) * groupsY(height));
        program.setFloat("lambda", lambda);
        program.setInt("hasSsim", hasSsim ? 1 : 0);
        program.dispatch(1, 1, 1);
    }

    @Override
    public void close() {
        program.close();
        groupSums.close();
    }
}
