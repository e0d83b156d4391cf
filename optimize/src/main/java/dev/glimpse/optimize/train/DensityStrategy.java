package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * How the set of Gaussians changes during a fit (the reference's adaptive density control, or alternatives such
 * as MCMC relocation). The trainer calls the hooks in the reference's order each iteration (1-based):
 * backward pass, {@link #afterBackward}, {@link #beforeOptimizerStep}, optimiser step, zero gradients.
 */
public interface DensityStrategy extends AutoCloseable {
    /**
     * Records what one view's backward pass says about each Gaussian.
     *
     * @param v_means2d [n][2] float, gradient of the loss w.r.t. the screen centres (pixels)
     * @param radii     [n] int screen radii in pixels, 0 for Gaussians not drawn in this view
     * @param width     image width of the view, pixels
     * @param height    image height of the view, pixels
     */
    void afterBackward(int iteration, GaussianModel model, GpuBuffer v_means2d, GpuBuffer radii, int width,
                       int height);

    /**
     * Changes the model if this iteration calls for it. Returns true when parameter arrays were replaced: the
     * reference then skips the optimiser update of the replaced tensors for this iteration (their gradients are
     * gone), and {@link GaussianModel#params()} must be fetched again.
     */
    boolean beforeOptimizerStep(int iteration, GaussianModel model);

    /** Whether {@link #beforeOptimizerStep} grows or prunes the set at this iteration (so pruning hints help). */
    boolean densifiesAt(int iteration);

    @Override
    void close();
}
