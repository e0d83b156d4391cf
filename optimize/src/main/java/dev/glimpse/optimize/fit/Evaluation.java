package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.optimize.metrics.DepthMetrics;
import dev.glimpse.optimize.metrics.ImageMetrics;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.optimize.splat.SplatRasterizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders views of a scene with a set of Gaussians and measures them against the ground truth: PSNR and SSIM on the
 * colour (SPLATTING.md definitions, images composited over the training background) and, where the dataset has
 * depth maps, the depth errors of the rendered depth normalised by its accumulated alpha. Optionally writes, per
 * view, the render, the ground truth and an error image.
 */
public final class Evaluation {
    /** Rendered depth counts as a prediction only where the splats cover the pixel at least this much. */
    public static final float MIN_DEPTH_ALPHA = 0.5f;
    /** Error images show |render - truth| times this gain, so small errors stay visible. */
    static final float ERROR_GAIN = 4f;

    /** Figures of one view; depth fields are NaN when the dataset has no depth for it. */
    public record ViewResult(String name, double psnr, double ssim, double depthAbsRel, double depthRmse,
            double depthWithin105) {}

    /** All views, and their means. */
    public record Result(List<ViewResult> views) {
        public double meanDepthRmse() {
            return meanOf(ViewResult::depthRmse);
        }

        public double meanDepthWithin105() {
            return meanOf(ViewResult::depthWithin105);
        }

        private double meanOf(java.util.function.ToDoubleFunction<ViewResult> f) {
            return views.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        }

        public double meanPsnr() {
            return views.stream().mapToDouble(ViewResult::psnr).average().orElse(Double.NaN);
        }

        public double meanSsim() {
            return views.stream().mapToDouble(ViewResult::ssim).average().orElse(Double.NaN);
        }

        public double meanDepthAbsRel() {
            return meanOf(ViewResult::depthAbsRel);
        }
    }

    private Evaluation() {}

    /**
     * @param indices    views of the scene to evaluate
     * @param masked     evaluate inside the views' masks only (views without a mask count whole)
     * @param rendersDir where to write PNGs, or null to write none
     */
    public static Result run(SplatRasterizer rasterizer, SplatBuffers params, int shDegree, Scene scene, int[] indices,
            float[] background, boolean masked, Path rendersDir) throws IOException {
        if (rendersDir != null) {
            Files.createDirectories(rendersDir);
        }
        List<ViewResult> results = new ArrayList<>();
        for (int index : indices) {
            FitViews.FitView truth = FitViews.decode(scene, index, background);
            RasterOutput out = rasterizer.forward(params, shDegree, truth.camera(), background);
            float[] rgb = rasterizer.readRgb(out);
            float[] target = truth.rgb();
            int w = truth.camera().width();
            int h = truth.camera().height();
            View view = scene.views().get(index);
            boolean[] mask = masked && view.mask() != null ? view.mask().load().inside() : null;
            if (mask != null) {
                rgb = blackOutside(rgb, mask);
                target = blackOutside(target, mask);
            }
            double psnr = ImageMetrics.psnr(rgb, target, w, h, 3, mask);
            double ssim = ImageMetrics.ssim(rgb, target, w, h, 3);
            DepthMetrics depth = null;
            float[] predictedDepth = null;
            if (view.depth() != null) {
                predictedDepth = normalisedDepth(rasterizer.readDepth(out), rasterizer.readAlpha(out));
                DepthMap gt = view.depth().load();
                depth = gt.validCount() > 0 ? DepthMetrics.of(predictedDepth, gt.depth(), mask) : null;
            }
            results.add(new ViewResult(truth.name(), psnr, ssim, depth == null ? Double.NaN : depth.absRel(),
                    depth == null ? Double.NaN : depth.rmse(), depth == null ? Double.NaN : depth.within105()));
            if (rendersDir != null) {
                writeImages(rendersDir, truth.name(), rgb, target, w, h);
            }
        }
        return new Result(results);
    }

    private static float[] blackOutside(float[] rgb, boolean[] mask) {
        float[] out = rgb.clone();
        for (int p = 0; p < mask.length; p++) {
            if (!mask[p]) {
                out[3 * p] = out[3 * p + 1] = out[3 * p + 2] = 0;
            }
        }
        return out;
    }

    /** Expected depth divided by accumulated alpha; 0 (no prediction) where coverage is below the threshold. */
    public static float[] normalisedDepth(float[] depth, float[] alpha) {
        float[] out = new float[depth.length];
        for (int i = 0; i < depth.length; i++) {
            out[i] = alpha[i] >= MIN_DEPTH_ALPHA ? depth[i] / alpha[i] : 0;
        }
        return out;
    }

    private static void writeImages(Path dir, String name, float[] rgb, float[] truth, int w, int h)
            throws IOException {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        ImageFiles.writeRgbPng(dir.resolve(safe + "_render.png"), rgb, w, h, 3);
        ImageFiles.writeRgbPng(dir.resolve(safe + "_gt.png"), truth, w, h, 3);
        float[] err = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            err[i] = ERROR_GAIN * Math.abs(rgb[i] - truth[i]);
        }
        ImageFiles.writeRgbPng(dir.resolve(safe + "_error.png"), err, w, h, 3);
    }
}
