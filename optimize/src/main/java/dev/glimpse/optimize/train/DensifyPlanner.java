package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.PrefixSum;

/**
 * Plans one clone / split / prune step on the GPU: flags growth candidates, ranks them (prefix sum) to honour
 * the Gaussian cap, marks every Gaussian's action and surviving outputs, scans the output counts, reads back the
 * new total (the step's only readback) and writes the target-to-source index map for {@link GaussianModel#rebuild}.
 * Owns shaders/train/densify_select.comp, densify_mark.comp and densify_index.comp (stages in that order).
 */
final class DensifyPlanner implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    static final int ACTION_KEEP = 0;
    static final int ACTION_CLONE = 1;
    static final int ACTION_SPLIT = 2;

    static final Binding GRAD_ACCUM = Binding.storage("GRAD_ACCUM_BINDING", 0);
    static final Binding GRAD_DENOM = Binding.storage("GRAD_DENOM_BINDING", 1);
    static final Binding LOG_SCALES = Binding.storage("LOG_SCALES_BINDING", 2);
    static final Binding GROW_FLAGS = Binding.storage("GROW_FLAGS_BINDING", 3);
    static final Binding LOGIT_OPACITY = Binding.storage("LOGIT_OPACITY_BINDING", 4);
    static final Binding MAX_RADIUS = Binding.storage("MAX_RADIUS_BINDING", 5);
    static final Binding GROW_RANKS = Binding.storage("GROW_RANKS_BINDING", 6);
    static final Binding ACTIONS = Binding.storage("ACTIONS_BINDING", 7);
    static final Binding COUNTS = Binding.storage("COUNTS_BINDING", 8);
    static final Binding OFFSETS = Binding.storage("OFFSETS_BINDING", 9);
    static final Binding SOURCE_FROM_TARGET = Binding.storage("SOURCE_FROM_TARGET_BINDING", 10);

    private final ComputeProgram select;
    private final ComputeProgram mark;
    private final ComputeProgram index;
    private final PrefixSum prefixSum;
    private final GpuBuffer growFlags;        // [n] uint
    private final GpuBuffer growRanks;        // [n] uint
    private final GpuBuffer actions;          // [n] uint: action | survivors << 2
    private final GpuBuffer counts;           // [n] uint
    private final GpuBuffer offsets;          // [n] uint
    private final GpuBuffer sourceFromTarget; // [newCount] uint map words

    DensifyPlanner(GlContext ctx) {
        select = build(ctx, "train/densify_select.comp", GRAD_ACCUM, GRAD_DENOM, LOG_SCALES, GROW_FLAGS);
        mark = build(ctx, "train/densify_mark.comp", GRAD_ACCUM, GRAD_DENOM, LOG_SCALES, LOGIT_OPACITY, MAX_RADIUS,
                GROW_RANKS, ACTIONS, COUNTS);
        index = build(ctx, "train/densify_index.comp", ACTIONS, OFFSETS, SOURCE_FROM_TARGET);
        prefixSum = new PrefixSum(ctx);
        growFlags = GpuBuffer.create(ctx, 4, "densify grow flags");
        growRanks = GpuBuffer.create(ctx, 4, "densify grow ranks");
        actions = GpuBuffer.create(ctx, 4, "densify actions");
        counts = GpuBuffer.create(ctx, 4, "densify counts");
        offsets = GpuBuffer.create(ctx, 4, "densify offsets");
        sourceFromTarget = GpuBuffer.create(ctx, 4, "densify source_from_target");
    }

    /** A densify-stage program with the action codes injected. */
    static ComputeProgram build(GlContext ctx, String path, Binding... bindings) {
        return ComputeProgram.builder(ctx, path).localSize(WORKGROUP_SIZE).bindings(bindings)
                .define("ACTION_KEEP", ACTION_KEEP + "u").define("ACTION_CLONE", ACTION_CLONE + "u")
                .define("ACTION_SPLIT", ACTION_SPLIT + "u").build();
    }

    /** Plans the step for the live Gaussians of {@code model}; returns the new count. */
    int plan(GaussianModel model, DensifyThresholds t) {
        int n = model.count();
        for (GpuBuffer b : new GpuBuffer[] {growFlags, growRanks, actions, counts, offsets}) {
            b.ensureCapacity(4L * n);
        }
        int groups = ComputeProgram.groupsFor(n, WORKGROUP_SIZE);
        GpuBuffer logScales = model.group(GaussianModel.LOG_SCALES).value();
        for (ComputeProgram p : new ComputeProgram[] {select, mark}) {
            p.bind(GRAD_ACCUM, model.gradAccum()).bind(GRAD_DENOM, model.gradDenom()).bind(LOG_SCALES, logScales);
            p.setUint("count", n);
            p.setFloat("gradThreshold", t.gradThreshold());
        }
        select.bind(GROW_FLAGS, growFlags);
        select.dispatch(groups, 1, 1);
        prefixSum.exclusiveScan(growFlags, growRanks, n);

        mark.bind(LOGIT_OPACITY, model.group(GaussianModel.LOGIT_OPACITY).value()).bind(MAX_RADIUS, model.maxRadius())
                .bind(GROW_RANKS, growRanks).bind(ACTIONS, actions).bind(COUNTS, counts);
        mark.setUint("growthBudget", t.growthBudget());
        mark.setFloat("cloneMaxLogScale", t.cloneMaxLogScale());
        mark.setFloat("splitLogShrink", DensifyThresholds.SPLIT_LOG_SHRINK);
        mark.setFloat("pruneLogitOpacity", t.pruneLogitOpacity());
        mark.setInt("sizePrune", t.sizePrune() ? 1 : 0);
        mark.setFloat("maxScreenRadius", t.maxScreenRadius());
        mark.setFloat("maxWorldLogScale", t.maxWorldLogScale());
        mark.dispatch(groups, 1, 1);
        prefixSum.exclusiveScan(counts, offsets, n);
        int newCount = (int) prefixSum.readTotal();

        sourceFromTarget.ensureCapacity(4L * Math.max(1, newCount));
        index.bind(ACTIONS, actions).bind(OFFSETS, offsets).bind(SOURCE_FROM_TARGET, sourceFromTarget);
        index.setUint("count", n);
        index.dispatch(groups, 1, 1);
        return newCount;
    }

    /** [newCount] uint map words of the latest plan. */
    GpuBuffer sourceFromTarget() {
        return sourceFromTarget;
    }

    /** [oldCount] uint action | survivors << 2 of the latest plan. */
    GpuBuffer actions() {
        return actions;
    }

    @Override
    public void close() {
        for (ComputeProgram p : new ComputeProgram[] {select, mark, index}) {
            p.close();
        }
        prefixSum.close();
        for (GpuBuffer b : new GpuBuffer[] {growFlags, growRanks, actions, counts, offsets, sourceFromTarget}) {
            b.close();
        }
    }
}
