package dev.glimpse.optimize.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Checks the rasteriser backward on its own: the screen-space inputs of each Gaussian (u, v, conic, colour,
 * opacity, depth) are perturbed directly in a copy of the projection (the forward hook) and the finite
 * difference of the loss compared with {@link RefRasterGrads}. In particular this is the check of v_uv,
 * the densification statistic.
 */
class RefScreenGradientTest {

    private static final int SCENES = 20;

    /** One screen-space input: its row in the projection and its gradient row. */
    private enum Input {
        UV(2), CONIC(3), COLOR(3), OPACITY(1), DEPTH(1);

        final int width;

        Input(int width) {
            this.width = width;
        }

        /** Adds {@code delta} to component c of Gaussian n. */
        void nudge(RefProjection p, int n, int c, double delta) {
            switch (this) {
                case UV -> p.uv[n][c] += delta;
                case CONIC -> p.conic[n][c] += delta;
                case COLOR -> p.color[n][c] += delta;
                case OPACITY -> p.opacity[n] += delta;
                case DEPTH -> p.depth[n] += delta;
            }
        }

        double gradient(RefRasterGrads g, int n, int c) {
            return switch (this) {
                case UV -> g.v_uv[n][c];
                case CONIC -> g.v_conic[n][c];
                case COLOR -> g.v_color[n][c];
                case OPACITY -> g.v_opacity[n];
                case DEPTH -> g.v_depth[n];
            };
        }
    }

    @Test
    void screenSpaceGradientsMatchFiniteDifferences() {
        double worst = 0;
        int compared = 0;
        int nonZero = 0;
        int excluded = 0;
        for (long seed = 100; seed < 100 + SCENES; seed++) {
            RefScenes.Scene scene = RefScenes.fuzzed(seed);
            RefForwardResult base = scene.forward();
            RefRasterGrads grads = RefRasterizer.backward(base, scene.v_rgb(), scene.v_alpha(), scene.v_depth());
            for (int n = 0; n < base.projection.size(); n++) {
                if (!base.projection.valid[n]) {
                    continue;
                }
                for (Input input : Input.values()) {
                    for (int c = 0; c < input.width; c++) {
                        RefForwardResult plus = rasterizeNudged(scene, base, input, n, c, RefGradientFdTest.STEP);
                        RefForwardResult minus = rasterizeNudged(scene, base, input, n, c, -RefGradientFdTest.STEP);
                        if (!base.sameBranches(plus) || !base.sameBranches(minus)) {
                            excluded++;
                            continue;
                        }
                        double fd = RefGradientFdTest.lossDifference(scene, plus, minus)
                                / (2 * RefGradientFdTest.STEP);
                        double an = input.gradient(grads, n, c);
                        double err = Math.abs(fd - an)
                                / Math.max(RefGradientFdTest.FLOOR, Math.max(Math.abs(fd), Math.abs(an)));
                        assertThat(err).as("seed %d Gaussian %d %s[%d]: analytic %s fd %s", seed, n, input, c, an, fd)
                                .isLessThanOrEqualTo(RefGradientFdTest.TOLERANCE);
                        worst = Math.max(worst, err);
                        compared++;
                        nonZero += an != 0 ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("screen FD: compared %d (non-zero %d), excluded %d, max rel err %.3e%n",
                compared, nonZero, excluded, worst);
        assertThat(nonZero).isGreaterThan(1000);
        assertThat((double) excluded / (compared + excluded)).isLessThanOrEqualTo(0.02);
    }

    @Test
    void meanGradientFromUvIsTheChainedPerspectiveVjp() {
        // v_means restricted to a pure v_uv input must equal W^T projectMeanVjp(v_uv): feed only v_uv.
        RefScenes.Scene scene = RefScenes.fuzzed(7);
        RefForwardResult base = scene.forward();
        RefRasterGrads full = RefRasterizer.backward(base, scene.v_rgb(), scene.v_alpha(), scene.v_depth());
        RefRasterGrads onlyUv = new RefRasterGrads(base.projection.size());
        for (int n = 0; n < onlyUv.v_uv.length; n++) {
            onlyUv.v_uv[n] = full.v_uv[n].clone();
        }
        RefGradients g = RefSplatting.projectBackward(scene.gaussians(), scene.camera(), scene.activeDegree(),
                base.projection, onlyUv);
        int checked = 0;
        for (int n = 0; n < onlyUv.v_uv.length; n++) {
            if (!base.projection.valid[n]) {
                assertThat(g.v_means[n]).containsOnly(0.0);
                continue;
            }
            // Independent route: move the mean along each world axis and difference the screen centre.
            for (int a = 0; a < 3; a++) {
                double[] p = scene.gaussians().means[n].clone();
                p[a] += 1e-6;
                double[] up = RefPerspective.projectMean(scene.camera(), scene.camera().toCamera(p));
                p[a] -= 2e-6;
                double[] um = RefPerspective.projectMean(scene.camera(), scene.camera().toCamera(p));
                double expected = ((up[0] - um[0]) * full.v_uv[n][0] + (up[1] - um[1]) * full.v_uv[n][1]) / 2e-6;
                assertThat(g.v_means[n][a]).isCloseTo(expected,
                        Offset.offset(1e-6 * (1 + Math.abs(expected))));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    private static RefForwardResult rasterizeNudged(RefScenes.Scene scene, RefForwardResult base, Input input,
            int n, int c, double delta) {
        RefProjection p = base.projection.copy();
        input.nudge(p, n, c, delta);
        return RefRasterizer.forward(p, scene.camera(), scene.background());
    }
}
