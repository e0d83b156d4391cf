package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/train/gather.comp}: rebuilds one per-Gaussian array through a target-to-source index map,
 * the single compaction kernel shared by every parameter group (values and Adam moments alike).
 */
final class GatherKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    /** Grid-stride loops keep dispatches below the workgroup-count limit for any array size. */
    static final int MAX_GROUPS = 4096;
    /** Map word flag: the target is a new Gaussian (its Adam moments start at zero). */
    static final int FRESH = 1;
    /** Map word flag: the target is the second child of a split. */
    static final int SECOND_CHILD = 2;

    static final Binding SOURCE = Binding.storage("SOURCE_BINDING", 0);
    static final Binding TARGET = Binding.storage("TARGET_BINDING", 1);
    static final Binding SOURCE_FROM_TARGET = Binding.storage("SOURCE_FROM_TARGET_BINDING", 2);

    private final ComputeProgram program;

    GatherKernel(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "train/gather.comp").localSize(WORKGROUP_SIZE)
                .bindings(SOURCE, TARGET, SOURCE_FROM_TARGET).build();
    }

    /** Map word for a target Gaussian. */
    static int mapWord(int source, boolean secondChild, boolean fresh) {
        return source << 2 | (secondChild ? SECOND_CHILD : 0) | (fresh ? FRESH : 0);
    }

    /**
     * @param source            [oldCount][floatsPerGaussian] float
     * @param target            [targetCount][floatsPerGaussian] float
     * @param sourceFromTarget  [targetCount] uint map words
     * @param zeroFresh         write zeros for fresh targets instead of copying (Adam moments)
     */
    void run(GpuBuffer source, GpuBuffer target, GpuBuffer sourceFromTarget, int targetCount, int floatsPerGaussian,
             boolean zeroFresh) {
        program.bind(SOURCE, source).bind(TARGET, target).bind(SOURCE_FROM_TARGET, sourceFromTarget);
        program.setUint("targetCount", targetCount);
        program.setUint("floatsPerGaussian", floatsPerGaussian);
        program.setInt("zeroFresh", zeroFresh ? 1 : 0);
        long total = (long) targetCount * floatsPerGaussian;
        program.dispatch(dispatchGroups(total), 1, 1);
    }

    /** Workgroups for a grid-stride loop over {@code items}. */
    static int dispatchGroups(long items) {
        return (int) Math.min(ComputeProgram.groupsFor(items, WORKGROUP_SIZE), MAX_GROUPS);
    }

    @Override
    public void close() {
        program.close();
    }
}
