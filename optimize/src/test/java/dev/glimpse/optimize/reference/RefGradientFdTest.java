package dev.glimpse.optimize.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Central finite differences of L = sum(v_rgb rgb) + sum(v_alpha alpha) + sum(v_depth depth) against the
 * reference backward, for every component of every parameter group on {@value #SCENES} fuzzed scenes.
 *
 * <p>A component is excluded when the +h or -h forward takes a different branch than the unperturbed one
 * (a Gaussian culled or not, a colour or Jacobian clamp toggled, a pixel's contributor list changed by the
 * 1/255 alpha threshold, the 1e-4 transmittance cut-off, a tile boundary or a depth swap, or alpha crossing
 * the 0.99 cap): the loss is not differentiable across such a point, so a finite difference there measures a
 * jump, not a derivative. Exclusions are counted and must stay a small fraction.
 */
class RefGradientFdTest {

    static final int SCENES = 24;
    static final double STEP = 1e-6;
    static final double TOLERANCE = 1e-4;
    /**
     * Denominator floor of the relative error. FD round-off: each changed pixel output (~1) carries ~1e-16
     * error, / 2h = 2e-6 gives ~1e-10 per pixel and ~1e-9 over the ~100 pixels a Gaussian touches, which is
     * already 1e-4 of a 1e-5 gradient. Gradients below 1e-5 are therefore held to |fd - analytic| &lt;= 1e-9
     * (TOLERANCE x FLOOR) instead of a relative bound that would only measure round-off.
     */
    static final double FLOOR = 1e-5;
    static final double MAX_EXCLUDED_FRACTION = 0.02;

    /** The parameter groups of {@link RefGaussians}, each with access to one scalar component. */
    enum Group {
        MEANS, LOG_SCALES, QUATS, LOGIT_OPACITY, SH;

        int components(RefGaussians g) {
            return switch (this) {
                case MEANS, LOG_SCALES -> 3;
                case QUATS -> 4;
                case LOGIT_OPACITY -> 1;
                case SH -> 3 * RefSh.coefficientCount(g.degree);
            };
        }

        double get(RefGaussians g, int n, int c) {
            return switch (this) {
                case MEANS -> g.means[n][c];
                case LOG_SCALES -> g.logScales[n][c];
                case QUATS -> g.quats[n][c];
                case LOGIT_OPACITY -> g.logitOpacity[n];
                case SH -> g.sh[n][c / 3][c % 3];
            };
        }

        void set(RefGaussians g, int n, int c, double x) {
            switch (this) {
                case MEANS -> g.means[n][c] = x;
                case LOG_SCALES -> g.logScales[n][c] = x;
                case QUATS -> g.quats[n][c] = x;
                case LOGIT_OPACITY -> g.logitOpacity[n] = x;
                case SH -> g.sh[n][c / 3][c % 3] = x;
            }
        }

        double gradient(RefGradients v, int n, int c) {
            return switch (this) {
                case MEANS -> v.v_means[n][c];
                case LOG_SCALES -> v.v_logScales[n][c];
                case QUATS -> v.v_quats[n][c];
                case LOGIT_OPACITY -> v.v_logitOpacity[n];
                case SH -> v.v_sh[n][c / 3][c % 3];
            };
        }
    }

    /** Per-group tallies. */
    static final class Stats {
        int compared;
        int nonZero;
        int belowFloor;
        int excluded;
        double maxRelErr;
        double maxAbsGrad;
    }

    @Test
    void everyParameterGroupMatchesFiniteDifferences() {
        Map<Group, Stats> stats = new EnumMap<>(Group.class);
        for (Group group : Group.values()) {
            stats.put(group, new Stats());
        }
        for (long seed = 0; seed < SCENES; seed++) {
            RefScenes.Scene scene = RefScenes.fuzzed(seed);
            RefForwardResult base = scene.forward();
            RefGradients grads = scene.backward(base);
            RefGaussians work = scene.gaussians().copy();
            for (Group group : Group.values()) {
                checkGroup(scene, base, grads, work, group, stats.get(group), seed);
            }
        }
        int total = 0;
        int excluded = 0;
        for (Group group : Group.values()) {
            Stats s = stats.get(group);
            System.out.printf("FD %-13s compared %5d (non-zero %5d, below floor %5d) excluded %3d  max rel err %.3e"
                    + "  max |grad| %.3e%n", group, s.compared, s.nonZero, s.belowFloor, s.excluded, s.maxRelErr,
                    s.maxAbsGrad);
            total += s.compared + s.excluded;
            excluded += s.excluded;
        }
        for (Group group : Group.values()) {
            Stats s = stats.get(group);
            assertThat(s.maxRelErr).as("max relative error of %s", group).isLessThanOrEqualTo(TOLERANCE);
            assertThat(s.nonZero).as("non-zero gradients checked in %s", group).isGreaterThan(50);
        }
        System.out.printf("FD excluded %d of %d components (%.3f%%)%n", excluded, total, 100.0 * excluded / total);
        assertThat((double) excluded / total).isLessThanOrEqualTo(MAX_EXCLUDED_FRACTION);
    }

    private static void checkGroup(RefScenes.Scene scene, RefForwardResult base, RefGradients grads,
            RefGaussians work, Group group, Stats s, long seed) {
        for (int n = 0; n < work.size(); n++) {
            for (int c = 0; c < group.components(work); c++) {
                double x0 = group.get(work, n, c);
                group.set(work, n, c, x0 + STEP);
                RefForwardResult plus = scene.forward(work);
                group.set(work, n, c, x0 - STEP);
                RefForwardResult minus = scene.forward(work);
                group.set(work, n, c, x0);
                if (!base.sameBranches(plus) || !base.sameBranches(minus)) {
                    s.excluded++;
                    continue;
                }
                double fd = lossDifference(scene, plus, minus) / (2 * STEP);
                double an = group.gradient(grads, n, c);
                double err = Math.abs(fd - an) / Math.max(FLOOR, Math.max(Math.abs(fd), Math.abs(an)));
                if (err > TOLERANCE) {
                    System.out.printf("FD mismatch seed %d %s gaussian %d component %d: analytic %.9e fd %.9e%n",
                            seed, group, n, c, an, fd);
                }
                s.compared++;
                if (an != 0) {
                    s.nonZero++;
                }
                if (Math.max(Math.abs(fd), Math.abs(an)) < FLOOR) {
                    s.belowFloor++;
                }
                s.maxRelErr = Math.max(s.maxRelErr, err);
                s.maxAbsGrad = Math.max(s.maxAbsGrad, Math.abs(an));
            }
        }
    }

    /**
     * L(plus) - L(minus) summed per pixel: pixels the perturbed Gaussian does not reach are bit-identical and
     * cancel exactly, so round-off comes only from the pixels that really changed (not from all of |L|).
     */
    static double lossDifference(RefScenes.Scene scene, RefForwardResult plus, RefForwardResult minus) {
        double d = 0;
        for (int j = 0; j < plus.height; j++) {
            for (int i = 0; i < plus.width; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    d += scene.v_rgb()[j][i][ch] * (plus.rgb[j][i][ch] - minus.rgb[j][i][ch]);
                }
                d += scene.v_alpha()[j][i] * (plus.alpha[j][i] - minus.alpha[j][i]);
                d += scene.v_depth()[j][i] * (plus.depth[j][i] - minus.depth[j][i]);
            }
        }
        return d;
    }
}
