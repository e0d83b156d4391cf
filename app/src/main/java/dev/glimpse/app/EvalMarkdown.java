package dev.glimpse.app;

import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.metrics.GeometryMetrics;
import java.util.Locale;

/**
 * Evaluations as Markdown tables, ready to paste into docs/results.md: one table per fit with its test views, and
 * a summary table with one row per fit (image quality, depth, geometry of centres and of stereo points).
 */
final class EvalMarkdown {
    private EvalMarkdown() {}

    static String perView(Evaluation.Result r) {
        StringBuilder b = new StringBuilder("| view | PSNR | SSIM | depth AbsRel | depth RMSE | depth <1.05 |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (Evaluation.ViewResult v : r.views()) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f | %.4f | %s | %s | %s |%n", v.name(), v.psnr(), v.ssim(),
                    num(v.depthAbsRel(), 4), num(v.depthRmse(), 4), num(v.depthWithin105(), 3)));
        }
        b.append(String.format(Locale.ROOT, "| **mean** | **%.2f** | **%.4f** | %s | %s | %s |%n", r.meanPsnr(),
                r.meanSsim(), num(r.meanDepthAbsRel(), 4), num(r.meanDepthRmse(), 4), num(r.meanDepthWithin105(), 3)));
        return b.toString();
    }

    static String summaryHeader() {
        return "| fit | train views | test views | PSNR | SSIM | depth AbsRel | depth <1.05 | Gaussians "
                + "| centres Chamfer | centres F | MVS Chamfer | MVS F |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    static String summaryRow(String fit, int trainViews, int gaussians, Evaluation.Result r, GeometryEvaluation g) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.4f | %s | %s | %,d | %s | %s | %s | %s |%n", fit,
                trainViews, r.views().size(), r.meanPsnr(), r.meanSsim(), num(r.meanDepthAbsRel(), 4),
                num(r.meanDepthWithin105(), 3), gaussians, chamfer(g == null ? null : g.centres()),
                fScore(g == null ? null : g.centres()), chamfer(g == null ? null : g.stereo()),
                fScore(g == null ? null : g.stereo()));
    }

    /** A line saying what the geometry columns mean, for under the summary table. */
    static String geometryNote(GeometryEvaluation g) {
        return g == null ? "" : String.format(Locale.ROOT, "Chamfer in world units to the ground-truth surface points;"
                + " F-score at tau = %.4f; centres with opacity >= %.1f.%n", g.tau(), GeometryEvaluation.MIN_OPACITY);
    }

    private static String chamfer(GeometryMetrics m) {
        return m == null ? "-" : String.format(Locale.ROOT, "%.4f", m.chamfer());
    }

    private static String fScore(GeometryMetrics m) {
        return m == null ? "-" : String.format(Locale.ROOT, "%.3f", m.fScore());
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
