package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/loss/mse.comp}: MSE, PSNR and L1 of an image pair (optionally weighted by a pixel mask)
 * into a {@link LossStats} buffer, without the SSIM passes; for evaluation and logging.
 */
public final class ImageMse implements AutoCloseable {
    private final ComputeProgram program;
    private final LossReduction reduction;
    private final GpuBuffer noMask; // [1] float

    public ImageMse(GlContext ctx) {
        program = PhotometricLoss.build(ctx, "loss/mse.comp", PhotometricLoss.RENDERED, PhotometricLoss.TARGET,
                PhotometricLoss.MASK, LossReduction.GROUP_SUMS);
        reduction = new LossReduction(ctx);
        noMask = GpuBuffer.create(ctx, 4, "mse no mask");
    }

    /**
     * Writes l1, mse, psnr and weight of {@code stats} (ssim and total become NaN).
     *
     * @param rendered [height][width][3] float
     * @param target   [height][width][3] float
     * @param mask     [height][width] float pixel weights, or null for all pixels
     */
    public void run(GpuBuffer rendered, GpuBuffer target, GpuBuffer mask, int width, int height, GpuBuffer stats) {
        PhotometricLoss.checkInputs(rendered, target, mask, width, height);
        program.bind(PhotometricLoss.RENDERED, rendered).bind(PhotometricLoss.TARGET, target)
                .bind(PhotometricLoss.MASK, mask == null ? noMask : mask)
                .bind(LossReduction.GROUP_SUMS, reduction.groupSums(width, height));
        PhotometricLoss.setSize(program, width, height);
        program.setInt("useMask", mask == null ? 0 : 1);
        program.dispatch(LossReduction.groupsX(width), LossReduction.groupsY(height), 1);
        reduction.run(width, height, 0, false, stats);
    }

    @Override
    public void close() {
        program.close();
        reduction.close();
        noMask.close();
    }
}
