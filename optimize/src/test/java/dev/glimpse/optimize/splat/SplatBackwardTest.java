package dev.glimpse.optimize.splat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.reference.RefForwardResult;
import dev.glimpse.optimize.reference.RefScenes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GPU backward against the reference VJP with the same random cotangents. Error norm per parameter group
 * and scene: ||g_gpu - g_ref|| / ||g_ref|| over all components of the group (means, log-scales, quaternions,
 * logit opacities, SH, screen-centre v_uv).
 */
class SplatBackwardTest extends RasterizerTestSupport {
    /** The project's acceptance bar, for every group of every scene. */
    static final double BAR = 1e-2;
    /** Scenes where no pixel or Gaussian is near a float/double branch threshold must be far better. */
    static final double CLEAN = 1e-4;

    /** Runs forward + backward on the GPU; optional cotangents/outputs left out when {@code withOptional} is false. */
    static GradientGroups gpuGradients(SplatRasterizer rasterizer, RefScenes.Scene s, boolean withOptional,
            float initial) {
        int n = s.gaussians().size();
        SplatBuffers params = GpuScene.upload(ctx, s.gaussians());
        SplatBuffers grads = GpuScene.zeroGradients(ctx, s.gaussians());
        List<GpuBuffer> owned = new ArrayList<>();
        for (GpuBuffer b : new GpuBuffer[] {grads.means(), grads.logScales(), grads.quats(), grads.logitOpacity(),
            grads.sh()}) {
            b.fill(initial);
        }
        GpuBuffer vRgb = own(owned, GpuScene.buffer(ctx, "v_rgb", GpuScene.flatRgb(s.v_rgb())));
        GpuBuffer vAlpha = withOptional ? own(owned, GpuScene.buffer(ctx, "v_alpha", GpuScene.flat(s.v_alpha()))) : null;
        GpuBuffer vDepth = withOptional ? own(owned, GpuScene.buffer(ctx, "v_depth", GpuScene.flat(s.v_depth()))) : null;
        GpuBuffer vUv = withOptional ? own(owned, GpuScene.zeros(ctx, "v_uv", 2 * n)) : null;
        if (vUv != null) {
            vUv.fill(initial);
        }
        RasterOutput out = rasterizer.forward(params, s.activeDegree(), GpuScene.camera(s.camera()),
                GpuScene.background(s));
        rasterizer.backward(out, vRgb, vAlpha, vDepth, grads, vUv);
        GradientGroups g = GradientGroups.download(grads, vUv);
        owned.forEach(GpuBuffer::close);
        GpuScene.close(params);
        GpuScene.close(grads);
        return g;
    }

    private static GpuBuffer own(List<GpuBuffer> owned, GpuBuffer b) {
        owned.add(b);
        return b;
    }

    static boolean clean(RefScenes.Scene s, RefForwardResult f) {
        ReferenceMargins m = new ReferenceMargins(f, s.camera());
        for (int n = 0; n < f.projection.size(); n++) {
            if (m.rectNearInteger[n] || m.depthNearTie[n]) {
                return false;
            }
        }
        return m.pixelsNearThreshold == 0;
    }

    @Test
    void fuzzedAndHandScenesMatchTheReferenceVjp() {
        List<RefScenes.Scene> scenes = new ArrayList<>();
        for (int seed = 0; seed < SplatForwardTest.SEEDS; seed++) {
            scenes.add(RefScenes.fuzzed(seed));
        }
        scenes.addAll(List.of(HandScenes.centred(), HandScenes.opaqueStack(), HandScenes.edges(),
                HandScenes.depthTie()));
        double[] worst = new double[GradientGroups.NAMES.length];
        double[] worstClean = new double[GradientGroups.NAMES.length];
        int cleanScenes = 0;
        for (int k = 0; k < scenes.size(); k++) {
            RefScenes.Scene s = GpuScene.rounded(scenes.get(k));
            RefForwardResult f = s.forward();
            GradientGroups ref = GradientGroups.of(s.backward(f));
            double[] errors = gpuGradients(rasterizer, s, true, 0f).relativeErrors(ref);
            boolean clean = clean(s, f);
            cleanScenes += clean ? 1 : 0;
            for (int q = 0; q < errors.length; q++) {
                worst[q] = Math.max(worst[q], errors[q]);
                assertThat(errors[q]).as("scene %d, group %s", k, GradientGroups.NAMES[q]).isLessThan(BAR);
                if (clean) {
                    worstClean[q] = Math.max(worstClean[q], errors[q]);
                    assertThat(errors[q]).as("clean scene %d, group %s", k, GradientGroups.NAMES[q])
                            .isLessThan(CLEAN);
                }
            }
        }
        StringBuilder report = new StringBuilder("backward vs reference, max relative error per group over "
                + scenes.size() + " scenes (" + cleanScenes + " clean):");
        for (int q = 0; q < worst.length; q++) {
            report.append(String.format(" %s %.1e (clean %.1e);", GradientGroups.NAMES[q], worst[q], worstClean[q]));
        }
        System.out.println(report);
        assertThat(cleanScenes).isGreaterThan(scenes.size() / 2);
    }

    @Test
    void absentOptionalCotangentsCountAsZero() {
        for (int seed : new int[] {3, 8}) {
            RefScenes.Scene full = GpuScene.rounded(RefScenes.fuzzed(seed));
            int h = full.camera().height();
            int w = full.camera().width();
            RefScenes.Scene s = new RefScenes.Scene(full.gaussians(), full.camera(), full.activeDegree(),
                    full.background(), full.v_rgb(), new double[h][w], new double[h][w]);
            RefForwardResult f = s.forward();
            GradientGroups ref = GradientGroups.of(s.backward(f));
            double[] errors = gpuGradients(rasterizer, s, false, 0f).relativeErrors(ref);
            for (int q = 0; q < 5; q++) {   // v_uv was not requested
                assertThat(errors[q]).as("seed %d, group %s", seed, GradientGroups.NAMES[q]).isLessThan(CLEAN);
            }
        }
    }

    @Test
    void gradientsAreAddedAndUnreachedEntriesKeepTheirValue() {
        float initial = 0.25f;
        for (int seed : new int[] {5, 12, 19}) {
            RefScenes.Scene s = GpuScene.rounded(RefScenes.fuzzed(seed));
            RefForwardResult f = s.forward();
            GradientGroups fresh = gpuGradients(rasterizer, s, true, 0f);
            GradientGroups added = gpuGradients(rasterizer, s, true, initial);
            int n = s.gaussians().size();
            int k = s.gaussians().sh[0].length;
            int active = (s.activeDegree() + 1) * (s.activeDegree() + 1);
            int[] perGaussian = {3, 3, 4, 1, 3 * k, 2};
            for (int q = 0; q < perGaussian.length; q++) {
                for (int i = 0; i < n * perGaussian[q]; i++) {
                    int gaussian = i / perGaussian[q];
                    boolean inactiveSh = q == 4 && (i % (3 * k)) / 3 >= active;
                    double value = added.groups[q][i];
                    if (!f.projection.valid[gaussian] || inactiveSh) {
                        assertThat(value).as("group %s entry %d untouched", GradientGroups.NAMES[q], i)
                                .isEqualTo(initial);
                    } else {
                        assertThat(value - initial).as("group %s entry %d", GradientGroups.NAMES[q], i)
                                .isCloseTo(fresh.groups[q][i], org.assertj.core.data.Offset.offset(
                                        1e-6 * Math.max(1, Math.abs(fresh.groups[q][i]))));
                    }
                }
            }
        }
    }

    @Test
    void timerSeesEveryStageUnderItsName() {
        RefScenes.Scene s = GpuScene.rounded(HandScenes.wide());
        try (GpuTimer timer = GpuTimer.create(ctx, "splat stages");
             SplatRasterizer timed = new SplatRasterizer(ctx, timer)) {
            gpuGradients(timed, s, false, 0f);
            assertThat(timer.awaitResults()).containsOnlyKeys("project", "sort", "rasterize", "rasterize_backward",
                    "project_backward");
        }
    }
}
