package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plane-sweep multi-view stereo over a set of views on the GPU: every view in turn is the reference, swept
 * against its best-suited sources ({@link SourceSelection}) over its depth range ({@link DepthRanges}); then every
 * depth map is checked for geometric consistency against all the others, and pixels that are confident and
 * agreed on by enough views keep the mean of the agreeing depths. {@link MvsFusion} turns the result into a
 * coloured point cloud.
 */
public final class MultiViewStereo {
    private MultiViewStereo() {}

    /**
     * @param indices    views of the scene to use (at least two)
     * @param background colour RGBA images are composited over (their alpha also masks the stereo)
     * @param log        receives one line per finished stage (may be null)
     */
    public static List<MvsDepthMap> run(GlContext ctx, Scene scene, int[] indices, MvsConfig config,
            float[] background, Consumer<String> log) throws IOException {
        if (indices.length < 2) {
            throw new IllegalArgumentException("multi-view stereo needs at least two views, got " + indices.length);
        }
        List<MvsView> views = new ArrayList<>();
        for (int i : indices) {
            views.add(MvsView.of(scene, i, background));
        }
        return run(ctx, views, scene.points(), scene.bounds(), config, log);
    }

    /**
     * Runs on decoded views; the sparse points and scene bounds (either may be null) give the depth ranges of
     * views without near/far bounds.
     */
    public static List<MvsDepthMap> run(GlContext ctx, List<MvsView> views, SparsePoints points, SceneBounds bounds,
            MvsConfig config, Consumer<String> log) {
        int n = views.size();
        int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + views.get(v).width() * views.get(v).height();
        }
        float[] allGrey = new float[offsets[n]];
        float[] allMask = new float[offsets[n]];
        for (int v = 0; v < n; v++) {
            System.arraycopy(views.get(v).grey(), 0, allGrey, offsets[v], views.get(v).grey().length);
            System.arraycopy(views.get(v).mask(), 0, allMask, offsets[v], views.get(v).mask().length);
        }
        DepthRange[] ranges = new DepthRange[n];
        double[][] centres = new double[n][];
        for (int v = 0; v < n; v++) {
            ranges[v] = DepthRanges.of(views.get(v), points, bounds, config.depthMargin);
            centres[v] = views.get(v).camera().pose().centre();
        }
        double[] up = PlaneNormals.dominantNormal(views, points);
        List<GpuBuffer> depths = new ArrayList<>();
        List<GpuBuffer> confidences = new ArrayList<>();
        int[][] sources = new int[n][];
        try (GpuBuffer grey = GpuBuffer.of(ctx, "mvs grey", allGrey);
                GpuBuffer mask = GpuBuffer.of(ctx, "mvs mask", allMask);
                PlaneSweep sweep = new PlaneSweep(ctx, config);
                ConsistencyCheck check = new ConsistencyCheck(ctx)) {
            long t0 = System.nanoTime();
            for (int v = 0; v < n; v++) {
                MvsView ref = views.get(v);
                sources[v] = SourceSelection.sources(v, centres, lookAt(ref.camera(), ranges[v]), config.sources);
                PlaneSweep.Source[] matched = new PlaneSweep.Source[sources[v].length];
                for (int s = 0; s < matched.length; s++) {
                    MvsView src = views.get(sources[v][s]);
                    matched[s] = new PlaneSweep.Source(StereoGeometry.pixelToPixel(ref.camera(), src.camera()),
                            src.width(), src.height(), offsets[sources[v][s]]);
                }
                GpuBuffer depth = GpuBuffer.create(ctx, 4L * ref.grey().length, "mvs depth " + ref.name());
                GpuBuffer confidence = GpuBuffer.create(ctx, 4L * ref.grey().length, "mvs confidence " + ref.name());
                depths.add(depth);
                confidences.add(confidence);
                sweep.run(grey, mask, offsets[v], ref.camera(), matched, PlaneNormals.of(ref.camera(), up, config),
                        ranges[v], depth, confidence);
            }
            depths.get(n - 1).downloadFloats(0, 1); // wait for the sweeps, so the log's time means something
            if (log != null) {
                log.accept(String.format(java.util.Locale.ROOT, "plane sweep of %d views in %.1f s", n,
                        (System.nanoTime() - t0) * 1e-9));
            }
            List<MvsDepthMap> out = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                out.add(filter(ctx, check, views, v, ranges[v], sources[v], depths, confidences, config));
            }
            return out;
        } finally {
            depths.forEach(GpuBuffer::close);
            confidences.forEach(GpuBuffer::close);
        }
    }

    /** The scene point the reference looks at: on its axis at the geometric mean of its depth range. */
    private static double[] lookAt(Camera camera, DepthRange range) {
        double[] c = camera.pose().centre();
        double[] f = camera.pose().forward();
        double d = Math.sqrt(range.near() * range.far());
        return new double[] {c[0] + d * f[0], c[1] + d * f[1], c[2] + d * f[2]};
    }

    private static MvsDepthMap filter(GlContext ctx, ConsistencyCheck check, List<MvsView> views, int v,
            DepthRange range, int[] sources, List<GpuBuffer> depths, List<GpuBuffer> confidences, MvsConfig config) {
        MvsView ref = views.get(v);
        int pixels = ref.grey().length;
        try (GpuBuffer consistent = GpuBuffer.create(ctx, 4L * pixels, "mvs consistent views");
                GpuBuffer depthSum = GpuBuffer.create(ctx, 4L * pixels, "mvs depth sum")) {
            consistent.clear();
            depthSum.clear();
            for (int o = 0; o < views.size(); o++) {
                if (o != v) {
                    check.run(ref.camera(), depths.get(v), views.get(o).camera(), depths.get(o), consistent, depthSum,
                            config);
                }
            }
            float[] raw = depths.get(v).downloadFloats(0, pixels);
            float[] rawConfidence = confidences.get(v).downloadFloats(0, pixels);
            int[] agree = consistent.downloadInts(0, pixels);
            float[] sums = depthSum.downloadFloats(0, pixels);
            int needed = Math.min(config.minConsistentViews, views.size() - 1);
            float[] depth = new float[pixels];
            float[] confidence = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                if (raw[p] > 0 && agree[p] >= needed && rawConfidence[p] >= config.minConfidence) {
                    depth[p] = (raw[p] + sums[p]) / (1 + agree[p]);
                    confidence[p] = rawConfidence[p];
                }
            }
            if (config.edgeJump > 0) {
                boolean[] nearEdge = DepthEdges.near(depth, ref.width(), ref.height(), config.edgeJump,
                        config.edgeRadius);
                for (int p = 0; p < pixels; p++) {
                    if (nearEdge[p]) {
                        depth[p] = 0;
                        confidence[p] = 0;
                    }
                }
            }
            return new MvsDepthMap(ref, range, sources, raw, rawConfidence, agree, depth, confidence);
        }
    }
}
