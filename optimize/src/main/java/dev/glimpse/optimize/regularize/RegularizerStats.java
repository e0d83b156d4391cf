package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Loss values of the regularisers on reported iterations: one float slot per term, added to by the kernels with
 * float atomics and read back with the photometric loss (only on iterations that report progress).
 */
public record RegularizerStats(float sparse, float mvs, float priorGlobal, float priorLocal, float pseudo,
        float gaussians) {
    static final int SPARSE = 0;
    static final int MVS = 1;
    static final int PRIOR_GLOBAL = 2;
    static final int PRIOR_LOCAL = 3;
    static final int PSEUDO = 4;
    static final int GAUSSIANS = 5;
    static final int WORDS = 6;

    static GpuBuffer createBuffer(GlContext ctx) {
        return GpuBuffer.create(ctx, 4L * WORDS, "regulariser loss values");
    }

    static RegularizerStats read(GpuBuffer buffer) {
        float[] s = buffer.downloadFloats(0, WORDS);
        return new RegularizerStats(s[SPARSE], s[MVS], s[PRIOR_GLOBAL], s[PRIOR_LOCAL], s[PSEUDO], s[GAUSSIANS]);
    }

    /** Sum of all terms. */
    public float total() {
        return sparse + mvs + priorGlobal + priorLocal + pseudo + gaussians;
    }
}
