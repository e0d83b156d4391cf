package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.mvs.MultiViewStereo;
import dev.glimpse.optimize.mvs.MvsDepthMap;
import dev.glimpse.optimize.mvs.MvsFiles;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.mvs.MvsView;
import dev.glimpse.optimize.regularize.ViewPriors;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a fit knows about depth before training, per training view: the sparse SfM points as pixel targets
 * (only points at least {@code sparseMinViews} training views saw: the few-view protocol must not use points only
 * other views could triangulate), the multi-view stereo maps (run on the training views, or read from a
 * {@code glimpse mvs} folder), the dataset's depth maps when a dense prior asks for them, and the masks.
 *
 * @param views  per training view, aligned with {@code FitViews.train()}
 * @param stereo the stereo maps when the stereo ran here (null when it did not run or was read from a folder)
 * @param cloud  their fused cloud (null with them)
 */
public record FitPriors(List<ViewPriors> views, List<MvsDepthMap> stereo, MvsFusion.Cloud cloud) {

    /**
     * @param mvsDir a {@code glimpse mvs} output to use instead of running the stereo (may be null)
     * @param log    receives progress lines
     */
    public static FitPriors build(GlContext ctx, FitViews fit, TrainConfig config, Path mvsDir, Consumer<String> log)
            throws IOException {
        boolean needMvs = config.regularize.needsMvs() || config.init.method.equals("mvs");
        Scene scene = fit.scene();
        List<MvsView> decoded = new ArrayList<>();
        for (FitViews.FitView v : fit.train()) {
            decoded.add(MvsView.of(scene, v.index(), config.data.background));
        }
        float[][] stereo = new float[decoded.size()][];
        MvsFusion.Cloud cloud = null;
        List<MvsDepthMap> ran = null;
        if (needMvs && mvsDir != null) {
            Map<String, MvsFiles.Maps> maps = MvsFiles.read(mvsDir);
            for (int i = 0; i < decoded.size(); i++) {
                MvsView v = decoded.get(i);
                MvsFiles.Maps m = maps.get(v.name());
                if (m == null || m.width() != v.width() || m.height() != v.height()) {
                    throw new DatasetException(mvsDir, "has no " + v.width() + "x" + v.height() + " depth map for"
                            + " training view " + v.name() + " (run glimpse mvs with the fit's data settings)");
                }
                stereo[i] = interleave(m.depth(), m.confidence());
            }
            cloud = MvsFiles.readCloud(mvsDir);
        } else if (needMvs && decoded.size() >= 2) {
            List<MvsDepthMap> maps = MultiViewStereo.run(ctx, decoded, scene.points(), scene.bounds(), config.mvs, log);
            ran = maps;
            for (int i = 0; i < maps.size(); i++) {
                stereo[i] = interleave(maps.get(i).depth(), maps.get(i).confidence());
            }
            cloud = MvsFusion.fuse(maps, config.mvs.maxFusedPoints);
            log.accept(String.format("stereo: %,d fused points", cloud.count()));
        }
        int[] trainIndices = fit.train().stream().mapToInt(FitViews.FitView::index).toArray();
        List<ViewPriors> out = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            MvsView v = decoded.get(i);
            float[] sparse = config.regularize.sparseDepth > 0
                    ? sparseTarget(scene.points(), v.index(), v.camera(), trainIndices,
                            config.regularize.sparseMinViews)
                    : null;
            float[] dense = config.regularize.needsDatasetDepth() ? datasetDepth(scene.views().get(v.index())) : null;
            out.add(new ViewPriors(sparse, stereo[i], dense, v.mask()));
        }
        return new FitPriors(out, ran, cloud);
    }

    /** Sparse points seen by at least {@code minViews} of the training views (positions into scene points). */
    static int[] pointsSeenByTraining(SparsePoints points, int[] trainIndices, int minViews) {
        int[] kept = new int[points.count()];
        int n = 0;
        for (int p = 0; p < points.count(); p++) {
            int seen = 0;
            for (int view : points.viewsSeeing()[p]) {
                if (Arrays.stream(trainIndices).anyMatch(t -> t == view)) {
                    seen++;
                }
            }
            if (seen >= minViews) {
                kept[n++] = p;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * [H][W][2] (depth, weight) at the pixels of the points this view saw; where several land on one pixel the
     * nearest wins. The weight falls with the point's reprojection error, exp(-e^2 / (2 s^2)) with s twice the
     * median error (DS-NeRF trusts well-triangulated points more); 1 when errors are unknown.
     */
    static float[] sparseTarget(SparsePoints points, int viewIndex, Camera camera, int[] trainIndices, int minViews) {
        int w = camera.width();
        int h = camera.height();
        float[] target = new float[2 * w * h];
        if (points == null) {
            return target;
        }
        int[] kept = pointsSeenByTraining(points, trainIndices, minViews);
        double[] errors = Arrays.stream(kept).mapToDouble(p -> points.error()[p]).filter(Double::isFinite).sorted()
                .toArray();
        double s = errors.length > 0 ? Math.max(2 * errors[errors.length / 2], 1e-3) : Double.NaN;
        for (int p : kept) {
            if (Arrays.stream(points.viewsSeeing()[p]).noneMatch(v -> v == viewIndex)) {
                continue;
            }
            float[] xyz = points.xyz();
            double[] uvz = camera.project(xyz[3 * p], xyz[3 * p + 1], xyz[3 * p + 2]);
            if (uvz[2] <= 0) {
                continue;
            }
            int u = (int) Math.floor(uvz[0]);
            int v = (int) Math.floor(uvz[1]);
            if (u < 0 || v < 0 || u >= w || v >= h) {
                continue;
            }
            int pixel = v * w + u;
            double e = points.error()[p];
            float weight = Double.isFinite(e) && Double.isFinite(s) ? (float) Math.exp(-e * e / (2 * s * s)) : 1f;
            if (target[2 * pixel + 1] == 0 || uvz[2] < target[2 * pixel]) {
                target[2 * pixel] = (float) uvz[2];
                target[2 * pixel + 1] = Math.max(weight, 1e-3f);
            }
        }
        return target;
    }

    private static float[] datasetDepth(View view) throws IOException {
        if (view.depth() == null) {
            throw new DatasetException(view.image().file(), "has no depth map, but regularize.depthPrior is"
                    + " \"dataset\"");
        }
        DepthMap d = view.depth().load();
        return d.depth().clone();
    }

    private static float[] interleave(float[] depth, float[] confidence) {
        float[] out = new float[2 * depth.length];
        for (int i = 0; i < depth.length; i++) {
            boolean kept = depth[i] > 0 && confidence[i] > 0;
            out[2 * i] = kept ? depth[i] : 0;
            out[2 * i + 1] = kept ? confidence[i] : 0;
        }
        return out;
    }
}
