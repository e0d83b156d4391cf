package dev.glimpse.optimize.splat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.reference.RefGaussians;
import dev.glimpse.optimize.reference.RefScenes;
import org.junit.jupiter.api.Test;

/**
 * Central differences of the GPU forward itself (float32 outputs, loss summed in double) against the GPU
 * backward, for every component of every parameter group on well-conditioned hand scenes. Components whose
 * +-step crosses a branch of the reference (a contributor set, clamp or cut-off change) are skipped: the loss is
 * not differentiable across them.
 */
class SplatFiniteDifferenceTest extends GpuTestSupport {
    static final double STEP = 1e-2;
    static final double TOLERANCE = 1e-2;

    @Test
    void wideSceneGradientsMatchFiniteDifferences() {
        check("wide", HandScenes.wide());
    }

    @Test
    void degree3SceneGradientsMatchFiniteDifferences() {
        check("wide degree 3", HandScenes.wideDegree3());
    }

    private static void check(String name, RefScenes.Scene scene) {
        RefScenes.Scene s = GpuScene.rounded(scene);
        RefGaussians g = s.gaussians();
        int n = g.size();
        int k = g.sh[0].length;
        SplatBuffers params = GpuScene.upload(ctx, g);
        GpuBuffer[] buffers = {params.means(), params.logScales(), params.quats(), params.logitOpacity(), params.sh()};
        int[] perGaussian = {3, 3, 4, 1, 3 * k};
        var base = s.forward();
        StringBuilder report = new StringBuilder("finite differences, " + name + ":");
        try (SplatRasterizer r = new SplatRasterizer(ctx)) {
            GradientGroups analytic = SplatBackwardTest.gpuGradients(r, s, true, 0f);
            for (int q = 0; q < buffers.length; q++) {
                double diff = 0;
                double norm = 0;
                int skipped = 0;
                int total = n * perGaussian[q];
                for (int i = 0; i < total; i++) {
                    double x = component(g, q, i, perGaussian[q]);
                    float plus = (float) (x + STEP);
                    float minus = (float) (x - STEP);
                    if (!sameBranches(s, q, i, perGaussian[q], plus, minus, base)) {
                        skipped++;
                        continue;
                    }
                    buffers[q].upload(4L * i, new float[] {plus});
                    double lossPlus = gpuLoss(r, s, params);
                    buffers[q].upload(4L * i, new float[] {minus});
                    double lossMinus = gpuLoss(r, s, params);
                    buffers[q].upload(4L * i, new float[] {(float) x});
                    double fd = (lossPlus - lossMinus) / ((double) plus - minus);
                    double an = analytic.groups[q][i];
                    diff += (fd - an) * (fd - an);
                    norm += an * an;
                }
                double relative = Math.sqrt(diff / norm);
                report.append(String.format(" %s %.1e (%d/%d skipped);", GradientGroups.NAMES[q], relative, skipped,
                        total));
                assertThat(norm).as("%s: gradient must not vanish", GradientGroups.NAMES[q]).isGreaterThan(1e-4);
                assertThat(skipped).as("%s: components across a branch", GradientGroups.NAMES[q])
                        .isLessThan(total / 4 + 1);
                assertThat(relative).as("%s relative error", GradientGroups.NAMES[q]).isLessThan(TOLERANCE);
            }
        } finally {
            GpuScene.close(params);
        }
        System.out.println(report);
    }

    private static double gpuLoss(SplatRasterizer r, RefScenes.Scene s, SplatBuffers params) {
        RasterOutput out = r.forward(params, s.activeDegree(), GpuScene.camera(s.camera()), GpuScene.background(s));
        float[] rgb = r.readRgb(out);
        float[] alpha = r.readAlpha(out);
        float[] depth = r.readDepth(out);
        int w = out.width();
        double loss = 0;
        for (int j = 0; j < out.height(); j++) {
            for (int i = 0; i < w; i++) {
                int p = j * w + i;
                for (int ch = 0; ch < 3; ch++) {
                    loss += s.v_rgb()[j][i][ch] * rgb[3 * p + ch];
                }
                loss += s.v_alpha()[j][i] * alpha[p] + s.v_depth()[j][i] * depth[p];
            }
        }
        return loss;
    }

    /** Component {@code i} of group {@code q} in the GPU buffer layout. */
    private static double component(RefGaussians g, int q, int i, int per) {
        return array(g, q, i, per)[index(q, i, per)];
    }

    private static double[] array(RefGaussians g, int q, int i, int per) {
        int n = i / per;
        return switch (q) {
            case 0 -> g.means[n];
            case 1 -> g.logScales[n];
            case 2 -> g.quats[n];
            case 3 -> g.logitOpacity;
            default -> g.sh[n][(i % per) / 3];
        };
    }

    private static int index(int q, int i, int per) {
        return switch (q) {
            case 3 -> i;
            case 4 -> i % 3;
            default -> i % per;
        };
    }

    private static boolean sameBranches(RefScenes.Scene s, int q, int i, int per, float plus, float minus,
            dev.glimpse.optimize.reference.RefForwardResult base) {
        for (float value : new float[] {plus, minus}) {
            RefGaussians moved = s.gaussians().copy();
            array(moved, q, i, per)[index(q, i, per)] = value;
            if (!base.sameBranches(s.forward(moved))) {
                return false;
            }
        }
        return true;
    }
}
