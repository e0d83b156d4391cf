package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.metrics.ImageMetrics;

/**
 * The training loss (1 - lambda) L1 + lambda (1 - SSIM) on the GPU, forward and backward: values go to a
 * {@link LossStats} buffer (not read back here), the gradient w.r.t. the rendered image to {@code v_rgb}.
 * Both terms are means over pixels and channels, as the reference's (the gradient scale feeds the densification
 * threshold). SSIM is ImageMetrics' definition (11 x 11 Gaussian window, zero padding) computed by separable
 * blurs; its backward blurs the per-pixel partials of SSIM w.r.t. the local statistics. An optional per-pixel
 * weight (mask) turns both means into weighted means.
 *
 * <p>Owns shaders/loss/ssim_forward_rows.comp, ssim_forward_cols.comp, ssim_backward_rows.comp and
 * ssim_backward_cols.comp (the stages of one op in order).
 */
public final class PhotometricLoss implements AutoCloseable {
    static final Binding RENDERED = Binding.storage("RENDERED_BINDING", 0);
    static final Binding TARGET = Binding.storage("TARGET_BINDING", 1);
    static final Binding MASK = Binding.storage("MASK_BINDING", 2);
    static final Binding ROW_STATS = Binding.storage("ROW_STATS_BINDING", 3);
    static final Binding PARTIALS = Binding.storage("PARTIALS_BINDING", 4);
    static final Binding ROW_PARTIALS = Binding.storage("ROW_PARTIALS_BINDING", 5);
    static final Binding V_RGB = Binding.storage("V_RGB_BINDING", 6);
    /** Row-blurred inputs x, y, x^2, y^2, xy per channel; partials dS/d(mu_x, A, C) per channel. */
    private static final int STAT_PLANES = 15;
    private static final int PARTIAL_PLANES = 9;

    private final ComputeProgram forwardRows;
    private final ComputeProgram forwardCols;
    private final ComputeProgram backwardRows;
    private final ComputeProgram backwardCols;
    private final LossReduction reduction;
    private final GpuBuffer noMask;      // [1] float, bound when no mask is given
    private final GpuBuffer rowStats;    // [15][H][W] float
    private final GpuBuffer partials;    // [9][H][W] float
    private final GpuBuffer rowPartials; // [9][H][W] float

    public PhotometricLoss(GlContext ctx) {
        forwardRows = build(ctx, "loss/ssim_forward_rows.comp", RENDERED, TARGET, ROW_STATS);
        forwardCols = build(ctx, "loss/ssim_forward_cols.comp", RENDERED, TARGET, MASK, ROW_STATS, PARTIALS,
                LossReduction.GROUP_SUMS);
        backwardRows = build(ctx, "loss/ssim_backward_rows.comp", PARTIALS, ROW_PARTIALS);
        backwardCols = build(ctx, "loss/ssim_backward_cols.comp", RENDERED, TARGET, MASK, ROW_PARTIALS,
                LossReduction.STATS, V_RGB);
        reduction = new LossReduction(ctx);
        noMask = GpuBuffer.create(ctx, 4, "loss no mask");
        rowStats = GpuBuffer.create(ctx, 4, "ssim row stats");
        partials = GpuBuffer.create(ctx, 4, "ssim partials");
        rowPartials = GpuBuffer.create(ctx, 4, "ssim row partials");
    }

    /** Builds an image pass with the SSIM window and stats slots injected. */
    static ComputeProgram build(GlContext ctx, String path, Binding... bindings) {
        double[] g = ImageMetrics.ssimKernel();
        StringBuilder weights = new StringBuilder("float[" + g.length + "](");
        for (int i = 0; i < g.length; i++) {
            weights.append(i > 0 ? ", " : "").append((float) g[i]);
        }
        ComputeProgram.Builder b = ComputeProgram.builder(ctx, path)
                .localSize(LossReduction.TILE, LossReduction.TILE, 1).bindings(bindings)
                .define("SSIM_RADIUS", g.length / 2).define("SSIM_WEIGHTS", weights.append(')'));
        LossStats.define(b);
        return b.build();
    }

    /**
     * Computes the loss into {@code stats} and its gradient into {@code v_rgb}.
     *
     * @param rendered [height][width][3] float, the rendered image
     * @param target   [height][width][3] float, the ground truth
     * @param mask     [height][width] float pixel weights (0 excludes a pixel), or null for all pixels
     * @param lambda   weight of the D-SSIM term
     * @param stats    [LossStats.WORDS] float, written
     * @param v_rgb    [height][width][3] float, written: d(total loss)/d(rendered)
     */
    public void run(GpuBuffer rendered, GpuBuffer target, GpuBuffer mask, int width, int height, float lambda,
                    GpuBuffer stats, GpuBuffer v_rgb) {
        forward(rendered, target, mask, width, height, lambda, stats);
        checkSize(v_rgb, 3L * width * height, "v_rgb");
        int gx = LossReduction.groupsX(width);
        int gy = LossReduction.groupsY(height);
        backwardRows.bind(PARTIALS, partials).bind(ROW_PARTIALS, rowPartials);
        setSize(backwardRows, width, height);
        backwardRows.dispatch(gx, gy, 1);
        backwardCols.bind(RENDERED, rendered).bind(TARGET, target).bind(MASK, mask == null ? noMask : mask)
                .bind(ROW_PARTIALS, rowPartials).bind(LossReduction.STATS, stats).bind(V_RGB, v_rgb);
        setSize(backwardCols, width, height);
        backwardCols.setInt("useMask", mask == null ? 0 : 1);
        backwardCols.setFloat("lambda", lambda);
        backwardCols.dispatch(gx, gy, 1);
    }

    /** Computes only the loss values into {@code stats} (e.g. for evaluation views). */
    public void forward(GpuBuffer rendered, GpuBuffer target, GpuBuffer mask, int width, int height, float lambda,
                        GpuBuffer stats) {
        checkInputs(rendered, target, mask, width, height);
        long plane = (long) width * height;
        rowStats.ensureCapacity(4L * STAT_PLANES * plane);
        partials.ensureCapacity(4L * PARTIAL_PLANES * plane);
        rowPartials.ensureCapacity(4L * PARTIAL_PLANES * plane);
        int gx = LossReduction.groupsX(width);
        int gy = LossReduction.groupsY(height);
        forwardRows.bind(RENDERED, rendered).bind(TARGET, target).bind(ROW_STATS, rowStats);
        setSize(forwardRows, width, height);
        forwardRows.dispatch(gx, gy, 1);
        forwardCols.bind(RENDERED, rendered).bind(TARGET, target).bind(MASK, mask == null ? noMask : mask)
                .bind(ROW_STATS, rowStats).bind(PARTIALS, partials)
                .bind(LossReduction.GROUP_SUMS, reduction.groupSums(width, height));
        setSize(forwardCols, width, height);
        forwardCols.setInt("useMask", mask == null ? 0 : 1);
        forwardCols.dispatch(gx, gy, 1);
        reduction.run(width, height, lambda, true, stats);
    }

    static void setSize(ComputeProgram program, int width, int height) {
        program.setUint("width", width);
        program.setUint("height", height);
    }

    /** Rejects buffers too small for the image size, naming the buffer. */
    static void checkInputs(GpuBuffer rendered, GpuBuffer target, GpuBuffer mask, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("loss image size " + width + "x" + height + " is empty");
        }
        long pixels = (long) width * height;
        checkSize(rendered, 3 * pixels, "rendered");
        checkSize(target, 3 * pixels, "target");
        if (mask != null) {
            checkSize(mask, pixels, "mask");
        }
    }

    private static void checkSize(GpuBuffer buffer, long floats, String role) {
        if (buffer.size() < 4 * floats) {
            throw new IllegalArgumentException(role + " buffer '" + buffer.label() + "' has " + buffer.size() / 4
                    + " floats, the image needs " + floats);
        }
    }

    @Override
    public void close() {
        for (ComputeProgram p : new ComputeProgram[] {forwardRows, forwardCols, backwardRows, backwardCols}) {
            p.close();
        }
        reduction.close();
        noMask.close();
        rowStats.close();
        partials.close();
        rowPartials.close();
    }
}
