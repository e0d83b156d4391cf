package dev.glimpse.render.live;

import dev.glimpse.optimize.fit.Trainer;

/** The progress reports of a live fit, as growing arrays the plots read: iteration, loss, PSNR, Gaussian count. */
public final class TrainingHistory {
    private double[] iterations = new double[256];
    private double[] loss = new double[256];
    private double[] psnr = new double[256];
    private double[] gaussians = new double[256];
    private int size;

    void add(Trainer.Progress p) {
        if (size == iterations.length) {
            iterations = java.util.Arrays.copyOf(iterations, 2 * size);
            loss = java.util.Arrays.copyOf(loss, 2 * size);
            psnr = java.util.Arrays.copyOf(psnr, 2 * size);
            gaussians = java.util.Arrays.copyOf(gaussians, 2 * size);
        }
        iterations[size] = p.iteration();
        loss[size] = p.loss().total();
        psnr[size] = p.loss().psnr();
        gaussians[size] = p.gaussians();
        size++;
    }

    public int size() {
        return size;
    }

    /** Backing arrays: only the first {@link #size()} entries are meaningful. */
    public double[] iterations() {
        return iterations;
    }

    public double[] loss() {
        return loss;
    }

    public double[] psnr() {
        return psnr;
    }

    public double[] gaussians() {
        return gaussians;
    }
}
