package dev.glimpse.app;

import dev.glimpse.optimize.fit.Trainer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress line of a fit: iteration, loss (and the regularisers' share), training PSNR, Gaussian count, iterations per second and ETA.
 * On a terminal it is a live bar; otherwise (CI, logs) a plain line every {@link #LOG_EVERY} iterations.
 */
final class FitProgress implements AutoCloseable {
    static final int LOG_EVERY = 100;
    private final PrintWriter log;
    private final ProgressBar bar;
    private final int iterations;

    FitProgress(int iterations, int start, PrintWriter log) {
        this.log = log;
        this.iterations = iterations;
        bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("fit").setInitialMax(iterations)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).startsFrom(start,
                        java.time.Duration.ZERO).build();
    }

    void update(Trainer.Progress p) {
        String regularizers = p.regularizers() == null ? ""
                : String.format(Locale.ROOT, " + reg %.4f", p.regularizers().total());
        String message = String.format(Locale.ROOT, "loss %.4f%s  PSNR %.2f  %,d splats  %.1f it/s", p.loss().total(),
                regularizers, p.loss().psnr(), p.gaussians(), p.iterationsPerSecond());
        if (bar != null) {
            bar.stepTo(p.iteration());
            bar.setExtraMessage("  " + message);
        } else if (p.iteration() % LOG_EVERY == 0 || p.iteration() == p.iterations()) {
            double eta = (p.iterations() - p.iteration()) / Math.max(p.iterationsPerSecond(), 1e-9);
            log.printf(Locale.ROOT, "fit %d/%d  %s  ETA %s%n", p.iteration(), p.iterations(), message, duration(eta));
            log.flush();
        }
    }

    void finish(int reached) {
        if (bar != null) {
            bar.stepTo(reached);
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
