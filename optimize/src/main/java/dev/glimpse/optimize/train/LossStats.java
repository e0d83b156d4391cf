package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * The small GPU stats buffer the loss kernels write ({@link #WORDS} floats), and its values once read back.
 * Kernels never read it back themselves; callers download it when they want to log (a synchronising readback).
 * Means are over the three channels of the (weighted) pixels.
 *
 * @param l1     mean absolute error
 * @param ssim   mean SSIM (NaN when only {@link ImageMse} ran)
 * @param total  (1 - lambda) l1 + lambda (1 - ssim)
 * @param mse    mean squared error
 * @param psnr   -10 log10(mse)
 * @param weight sum of pixel weights (the pixel count without a mask)
 */
public record LossStats(float l1, float ssim, float total, float mse, float psnr, float weight) {
    public static final int L1 = 0;
    public static final int SSIM = 1;
    public static final int TOTAL = 2;
    public static final int MSE = 3;
    public static final int PSNR = 4;
    public static final int WEIGHT = 5;
    /** Floats in a stats buffer. */
    public static final int WORDS = 6;

    /** A stats buffer of the right size. */
    public static GpuBuffer createBuffer(GlContext ctx, String label) {
        return GpuBuffer.create(ctx, 4L * WORDS, label);
    }

    /** Downloads a stats buffer (synchronising: once per logged iteration at most). */
    public static LossStats read(GpuBuffer stats) {
        float[] s = stats.downloadFloats(0, WORDS);
        return new LossStats(s[L1], s[SSIM], s[TOTAL], s[MSE], s[PSNR], s[WEIGHT]);
    }

    /** The slot defines the loss shaders use. */
    static void define(ComputeProgram.Builder builder) {
        builder.define("STAT_L1", L1).define("STAT_SSIM", SSIM).define("STAT_TOTAL", TOTAL).define("STAT_MSE", MSE)
                .define("STAT_PSNR", PSNR).define("STAT_WEIGHT", WEIGHT).define("STATS_WORDS", WORDS);
    }
}
