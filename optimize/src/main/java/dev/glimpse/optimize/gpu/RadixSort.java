package dev.glimpse.optimize.gpu;

/**
 * Stable LSD radix sort of (key, value) pairs on the GPU: 64-bit keys stored as two uint32 buffers (hi, lo)
 * and uint32 values, sorted in place by {@code (hi & (2^hiBits - 1), lo & (2^loBits - 1))}, so only the
 * significant bits cost passes (4 bits per pass). Bits above the sorted widths are carried along but ignored.
 * Built for Gaussian/tile intersections keyed {@code tile << 32 | depthBits}: the caller knows the count on
 * the CPU (one readback of the intersection total per iteration) and passes it in.
 *
 * <p>Each pass: per-tile digit histograms ({@code sort/radix_count.comp}), an exclusive {@link PrefixSum} over
 * them, then a stable scatter ({@code sort/radix_scatter.comp}) into ping-pong scratch buffers owned here
 * and grown as needed.
 */
public final class RadixSort implements AutoCloseable {
    static final int RADIX_BITS = 4;
    private static final int RADIX = 1 << RADIX_BITS;
    static final int WORKGROUP_SIZE = 256;
    static final int ITEMS_PER_THREAD = 16;
    private static final int TILE_SIZE = WORKGROUP_SIZE * ITEMS_PER_THREAD;

    private static final Binding KEYS_HI = Binding.storage("KEYS_HI_BINDING", 0);
    private static final Binding KEYS_LO = Binding.storage("KEYS_LO_BINDING", 1);
    private static final Binding VALUES = Binding.storage("VALUES_BINDING", 2);
    private static final Binding HISTOGRAMS = Binding.storage("HISTOGRAMS_BINDING", 3);
    private static final Binding OFFSETS = Binding.storage("OFFSETS_BINDING", 3);
    private static final Binding OUT_KEYS_HI = Binding.storage("OUT_KEYS_HI_BINDING", 4);
    private static final Binding OUT_KEYS_LO = Binding.storage("OUT_KEYS_LO_BINDING", 5);
    private static final Binding OUT_VALUES = Binding.storage("OUT_VALUES_BINDING", 6);

    private final ComputeProgram count;
    private final ComputeProgram scatter;
    private final PrefixSum prefixSum;
    private final GpuBuffer histograms;
    private final GpuBuffer scratchHi;
    private final GpuBuffer scratchLo;
    private final GpuBuffer scratchValues;

    public RadixSort(GlContext context) {
        count = program(context, "sort/radix_count.comp").bindings(KEYS_HI, KEYS_LO, HISTOGRAMS).build();
        scatter = program(context, "sort/radix_scatter.comp")
                .bindings(KEYS_HI, KEYS_LO, VALUES, OFFSETS, OUT_KEYS_HI, OUT_KEYS_LO, OUT_VALUES).build();
        prefixSum = new PrefixSum(context);
        histograms = GpuBuffer.create(context, 4L * RADIX, "radix histograms");
        scratchHi = GpuBuffer.create(context, 4, "radix scratch keys hi");
        scratchLo = GpuBuffer.create(context, 4, "radix scratch keys lo");
        scratchValues = GpuBuffer.create(context, 4, "radix scratch values");
    }

    private static ComputeProgram.Builder program(GlContext context, String path) {
        return ComputeProgram.builder(context, path).localSize(WORKGROUP_SIZE)
                .define("RADIX_BITS", RADIX_BITS).define("ITEMS_PER_THREAD", ITEMS_PER_THREAD);
    }

    /** Number of scatter passes a sort of the given key widths runs. */
    public static int passes(int loBits, int hiBits) {
        return (loBits + RADIX_BITS - 1) / RADIX_BITS + (hiBits + RADIX_BITS - 1) / RADIX_BITS;
    }

    /**
     * Sorts the first {@code count} entries of the three buffers in place, stably, by the low {@code hiBits}
     * of {@code keysHi} then the low {@code loBits} of {@code keysLo} (each 0..32).
     */
    public void sort(GpuBuffer keysHi, GpuBuffer keysLo, GpuBuffer values, int count, int loBits, int hiBits) {
        if (loBits < 0 || loBits > 32 || hiBits < 0 || hiBits > 32) {
            throw new GpuException("RadixSort: bit counts must be 0..32, got loBits=" + loBits + " hiBits=" + hiBits);
        }
        for (GpuBuffer b : new GpuBuffer[] {keysHi, keysLo, values}) {
            if (count < 0 || 4L * count > b.size()) {
                throw new GpuException("RadixSort: count " + count + " does not fit '" + b.label() + "' ("
                        + b.size() + " bytes)");
            }
        }
        int passes = passes(loBits, hiBits);
        if (count <= 1 || passes == 0) {
            return;
        }
        int numTiles = ComputeProgram.groupsFor(count, TILE_SIZE);
        histograms.ensureCapacity(4L * RADIX * numTiles);
        scratchHi.ensureCapacity(4L * count);
        scratchLo.ensureCapacity(4L * count);
        scratchValues.ensureCapacity(4L * count);
        GpuBuffer[] source = {keysHi, keysLo, values};
        GpuBuffer[] target = {scratchHi, scratchLo, scratchValues};
        for (int pass = 0; pass < passes; pass++) {
            int loPasses = (loBits + RADIX_BITS - 1) / RADIX_BITS;
            boolean hiWord = pass >= loPasses;
            int shift = (hiWord ? pass - loPasses : pass) * RADIX_BITS;
            int width = Math.min(RADIX_BITS, (hiWord ? hiBits : loBits) - shift);
            runPass(source, target, count, numTiles, hiWord, shift, (1 << width) - 1);
            GpuBuffer[] swap = source;
            source = target;
            target = swap;
        }
        if (source[0] != keysHi) {
            source[0].copyTo(keysHi, 0, 0, 4L * count);
            source[1].copyTo(keysLo, 0, 0, 4L * count);
            source[2].copyTo(values, 0, 0, 4L * count);
        }
    }

    private void runPass(GpuBuffer[] in, GpuBuffer[] out, int n, int numTiles, boolean hiWord, int shift, int mask) {
        for (ComputeProgram p : new ComputeProgram[] {count, scatter}) {
            p.bind(KEYS_HI, in[0]).bind(KEYS_LO, in[1]);
            p.setUint("count", n);
            p.setUint("numTiles", numTiles);
            p.setUint("useHiWord", hiWord ? 1 : 0);
            p.setUint("shift", shift);
            p.setUint("digitMask", mask);
        }
        count.bind(HISTOGRAMS, histograms).dispatch(numTiles, 1, 1);
        prefixSum.exclusiveScan(histograms, RADIX * numTiles);
        scatter.bind(VALUES, in[2]).bind(OFFSETS, histograms)
                .bind(OUT_KEYS_HI, out[0]).bind(OUT_KEYS_LO, out[1]).bind(OUT_VALUES, out[2])
                .dispatch(numTiles, 1, 1);
    }

    @Override
    public void close() {
        scratchValues.close();
        scratchLo.close();
        scratchHi.close();
        histograms.close();
        prefixSum.close();
        scatter.close();
        count.close();
    }
}
