package dev.glimpse.optimize.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Exclusive prefix sum (scan) of uint32 words on the GPU, in place or out of place, for any count the workgroup
 * limits allow (more than 60M). Multi-level: each block of {@link #BLOCK_SIZE} items is scanned by one
 * workgroup, the block totals are scanned recursively, then added back. Sums wrap modulo 2^32.
 * After every scan {@link #total()} holds the sum of all inputs on the GPU, so callers that need it on the CPU
 * read one word ({@link #readTotal()}).
 */
public final class PrefixSum implements AutoCloseable {
    static final int WORKGROUP_SIZE = 128;
    static final int ITEMS_PER_THREAD = 8;
    /** Items scanned by one workgroup. */
    public static final int BLOCK_SIZE = WORKGROUP_SIZE * ITEMS_PER_THREAD;

    private static final Binding INPUT = Binding.storage("INPUT_BINDING", 0);
    private static final Binding OUTPUT = Binding.storage("OUTPUT_BINDING", 1);
    private static final Binding BLOCK_SUMS = Binding.storage("BLOCK_SUMS_BINDING", 2);

    private final GlContext context;
    private final ComputeProgram scanBlocks;
    private final ComputeProgram addOffsets;
    /** Block totals per level, level 0 holding the totals of the caller's blocks; grown on demand. */
    private final List<GpuBuffer> blockSums = new ArrayList<>();
    private final GpuBuffer total;

    public PrefixSum(GlContext context) {
        this.context = context;
        scanBlocks = ComputeProgram.builder(context, "gpu/prefix_sum_blocks.comp").localSize(WORKGROUP_SIZE)
                .define("ITEMS_PER_THREAD", ITEMS_PER_THREAD).bindings(INPUT, OUTPUT, BLOCK_SUMS).build();
        addOffsets = ComputeProgram.builder(context, "gpu/prefix_sum_add.comp").localSize(WORKGROUP_SIZE)
                .define("ITEMS_PER_THREAD", ITEMS_PER_THREAD).bindings(OUTPUT, BLOCK_SUMS).build();
        total = GpuBuffer.create(context, 4, "prefix sum total");
    }

    /** Replaces {@code values[0, count)} by its exclusive prefix sum. */
    public void exclusiveScan(GpuBuffer values, int count) {
        exclusiveScan(values, values, count);
    }

    /** Writes the exclusive prefix sum of {@code input[0, count)} to {@code output[0, count)}. */
    public void exclusiveScan(GpuBuffer input, GpuBuffer output, int count) {
        if (count < 0 || 4L * count > input.size() || 4L * count > output.size()) {
            throw new GpuException("PrefixSum: count " + count + " does not fit '" + input.label() + "' ("
                    + input.size() + " bytes) / '" + output.label() + "' (" + output.size() + " bytes)");
        }
        if (count == 0) {
            total.clear();
            return;
        }
        scanLevel(input, output, count, 0);
    }

    private void scanLevel(GpuBuffer input, GpuBuffer output, int count, int level) {
        int blocks = ComputeProgram.groupsFor(count, BLOCK_SIZE);
        GpuBuffer sums = blockSums(level, blocks);
        scanBlocks.bind(INPUT, input).bind(OUTPUT, output).bind(BLOCK_SUMS, sums);
        scanBlocks.setUint("count", count);
        scanBlocks.dispatch(blocks, 1, 1);
        if (blocks == 1) {
            sums.copyTo(total, 0, 0, 4);
            return;
        }
        scanLevel(sums, sums, blocks, level + 1);
        addOffsets.bind(OUTPUT, output).bind(BLOCK_SUMS, sums);
        addOffsets.setUint("count", count);
        addOffsets.dispatch(blocks, 1, 1);
    }

    private GpuBuffer blockSums(int level, int blocks) {
        if (level == blockSums.size()) {
            blockSums.add(GpuBuffer.create(context, 4L * blocks, "prefix sum block totals " + level));
        } else {
            blockSums.get(level).ensureCapacity(4L * blocks);
        }
        return blockSums.get(level);
    }

    /** One word: the sum of all inputs of the latest scan (0 for an empty scan). */
    public GpuBuffer total() {
        return total;
    }

    /** Downloads {@link #total()}; a synchronising readback, so once per iteration at most. */
    public long readTotal() {
        return Integer.toUnsignedLong(total.downloadInts(0, 1)[0]);
    }

    @Override
    public void close() {
        for (GpuBuffer b : blockSums) {
            b.close();
        }
        total.close();
        addOffsets.close();
        scanBlocks.close();
    }
}
