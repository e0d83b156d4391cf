package dev.glimpse.optimize.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Forward checks against values worked out by hand: an identity camera at the origin (fx = 40, fy = 32,
 * principal point on the centre of pixel (16, 12)) looking at Gaussians on the optical axis.
 */
class RefForwardHandTest {

    private static final double EPS = 1e-12;
    private static final RefCamera CAM = new RefCamera(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            new double[] {0, 0, 0}, 40, 32, 16.5, 12.5, 32, 24);
    private static final double[] BG = {0.1, 0.2, 0.3};

    /** One Gaussian per row of {@code means}, scale, quaternion (w, x, y, z), logit and degree-0 colour. */
    private static RefGaussians gaussians(double[][] means, double[][] scales, double[][] quats, double[] logits,
            double[][] dc) {
        int n = means.length;
        double[][] logScales = new double[n][3];
        double[][][] sh = new double[n][1][];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                logScales[i][a] = Math.log(scales[i][a]);
            }
            sh[i][0] = dc[i].clone();
        }
        return new RefGaussians(means, logScales, quats, logits, sh, 0);
    }

    private static RefGaussians single(double z, double[] scale, double[] quat, double logit) {
        return gaussians(new double[][] {{0, 0, z}}, new double[][] {scale}, new double[][] {quat},
                new double[] {logit}, new double[][] {{0.3, -0.2, 1.0}});
    }

    private static RefForwardResult render(RefGaussians g) {
        return RefSplatting.forward(g, CAM, g.degree, BG, 16);
    }

    @Test
    void isotropicGaussianOnTheAxis() {
        // Sigma = 0.01 I at z = 4: J = diag(fx, fy) / 4, Sigma' = diag(0.01 * 100 + 0.3, 0.01 * 64 + 0.3).
        // The stored quaternion (2, 0, 0, 0) is not unit: normalising it must give the identity.
        RefForwardResult f = render(single(4, new double[] {0.1, 0.1, 0.1}, new double[] {2, 0, 0, 0}, 0.0));
        RefProjection p = f.projection;
        assertThat(p.valid[0]).isTrue();
        assertThat(p.uv[0]).containsExactly(new double[] {16.5, 12.5}, within(EPS));
        assertThat(p.cov2d[0]).containsExactly(new double[] {1.3, 0, 0.94}, within(EPS));
        assertThat(p.conic[0]).containsExactly(new double[] {1 / 1.3, 0, 1 / 0.94}, within(EPS));
        assertThat(p.radius[0]).isEqualTo(4); // ceil(3 sqrt(1.3)) = ceil(3.42)
        assertThat(p.tileRect[0]).containsExactly(0, 0, 2, 2);
        assertThat(p.depth[0]).isEqualTo(4.0);

        double peak = 0.5; // sigmoid(0) at the pixel whose centre is the screen centre
        assertPixel(f, 16, 12, peak, p.color[0]);
        assertPixel(f, 17, 12, peak * Math.exp(-0.5 / 1.3), p.color[0]);
        assertPixel(f, 16, 13, peak * Math.exp(-0.5 / 0.94), p.color[0]);
        assertPixel(f, 15, 11, peak * Math.exp(-0.5 * (1 / 1.3 + 1 / 0.94)), p.color[0]);
        // Far corner: alpha far below 1/255, skipped, so exactly the background.
        assertThat(f.rgb[0][0]).containsExactly(BG);
        assertThat(f.numContributors(0, 0)).isZero();
        assertThat(f.numContributors(16, 12)).isEqualTo(1);
    }

    @Test
    void rotationAppliesAsRTimesScaleSquaredTimesRTransposed() {
        // 90 degrees about z maps the long x axis (0.2) onto y: Sigma = diag(0.05^2, 0.2^2, 0.1^2).
        double h = Math.sqrt(0.5);
        RefProjection p = render(single(4, new double[] {0.2, 0.05, 0.1}, new double[] {h, 0, 0, h}, 0.0))
                .projection;
        assertThat(p.cov2d[0]).containsExactly(new double[] {100 * 0.0025 + 0.3, 0, 64 * 0.04 + 0.3}, within(EPS));
    }

    @Test
    void degreeZeroColourIsC0TimesDcPlusHalfAndHigherCoefficientsAreIgnored() {
        RefProjection p = render(single(4, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 0.0))
                .projection;
        assertThat(p.color[0]).containsExactly(new double[] {RefSh.C0 * 0.3 + 0.5, RefSh.C0 * -0.2 + 0.5,
            RefSh.C0 * 1.0 + 0.5}, within(EPS));

        // Stored degree 1, direction (0, 0, 1): degree 1 adds C1 * z * sh[2]; active degree 0 ignores it.
        double[][][] sh = {{{0.3, -0.2, 1.0}, {5, 5, 5}, {0.4, 0.0, -0.1}, {7, 7, 7}}};
        RefGaussians g = new RefGaussians(new double[][] {{0, 0, 4}}, new double[][] {{-2, -2, -2}},
                new double[][] {{1, 0, 0, 0}}, new double[] {0}, sh, 1);
        RefProjection deg1 = RefProjection.project(g, CAM, 1, 16);
        assertThat(deg1.color[0][0]).isCloseTo(RefSh.C0 * 0.3 + RefSh.C1 * 0.4 + 0.5, within(EPS));
        assertThat(deg1.color[0][1]).isCloseTo(RefSh.C0 * -0.2 + 0.5, within(EPS));
        RefProjection deg0 = RefProjection.project(g, CAM, 0, 16);
        assertThat(deg0.color[0]).containsExactly(p.color[0], within(EPS));
    }

    @Test
    void negativeColourIsClampedToZero() {
        RefGaussians g = gaussians(new double[][] {{0, 0, 4}}, new double[][] {{0.1, 0.1, 0.1}},
                new double[][] {{1, 0, 0, 0}}, new double[] {0}, new double[][] {{-3, 0, 0}});
        RefProjection p = render(g).projection;
        assertThat(p.color[0][0]).isZero();
        assertThat(p.colorClamped[0]).containsExactly(true, false, false);
    }

    @Test
    void opaqueGaussianDepthIsItsZ() {
        // sigmoid(10) * exp(0) > 0.99, so alpha is capped: depth = 0.99 z, and depth / alpha = z.
        RefForwardResult f = render(single(3, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 10));
        assertThat(f.alpha[12][16]).isCloseTo(0.99, within(EPS));
        assertThat(f.depth[12][16]).isCloseTo(0.99 * 3, within(EPS));
        assertThat(f.depth[12][16] / f.alpha[12][16]).isCloseTo(3, within(EPS));
        assertThat(f.alphaSaturated[12][16]).containsExactly(true);
    }

    @Test
    void nearPlaneCullsAtZPointTwo() {
        assertThat(render(single(0.19, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 2))
                .projection.valid[0]).isFalse();
        assertThat(render(single(-2, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 2))
                .projection.valid[0]).isFalse();
        RefForwardResult culled = render(single(0.19, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 2));
        assertThat(culled.rgb[12][16]).containsExactly(BG);
        assertThat(culled.alpha[12][16]).isZero();
        assertThat(render(single(0.21, new double[] {0.1, 0.1, 0.1}, new double[] {1, 0, 0, 0}, 2))
                .projection.valid[0]).isTrue();
    }

    @Test
    void frontGaussianOccludesTheBackOneWhateverTheirIndexOrder() {
        double[] scale = {0.1, 0.1, 0.1};
        double[] unit = {1, 0, 0, 0};
        // Index 0 is the BACK one (z = 4, alpha 0.6), index 1 the front one (z = 2, alpha 0.8).
        RefGaussians backFirst = gaussians(new double[][] {{0, 0, 4}, {0, 0, 2}}, new double[][] {scale, scale},
                new double[][] {unit, unit}, new double[] {Math.log(1.5), Math.log(4)},
                new double[][] {{-1, 1, -1}, {1, -1, -1}});
        RefForwardResult f = render(backFirst);
        double[] back = f.projection.color[0];
        double[] front = f.projection.color[1];
        for (int ch = 0; ch < 3; ch++) {
            double expected = front[ch] * 0.8 + back[ch] * 0.6 * 0.2 + BG[ch] * 0.2 * 0.4;
            assertThat(f.rgb[12][16][ch]).isCloseTo(expected, within(EPS));
        }
        assertThat(f.contributors[12][16]).containsExactly(1, 0);
        assertThat(f.depth[12][16]).isCloseTo(2 * 0.8 + 4 * 0.6 * 0.2, within(EPS));
    }

    @Test
    void equalDepthsCompositeInIndexOrder() {
        double[] scale = {0.1, 0.1, 0.1};
        double[] unit = {1, 0, 0, 0};
        RefGaussians g = gaussians(new double[][] {{0, 0, 3}, {0, 0, 3}}, new double[][] {scale, scale},
                new double[][] {unit, unit}, new double[] {Math.log(4), Math.log(1.5)},
                new double[][] {{1, -1, -1}, {-1, 1, -1}});
        RefForwardResult f = render(g);
        assertThat(f.contributors[12][16]).containsExactly(0, 1);
        double expected = f.projection.color[0][0] * 0.8 + f.projection.color[1][0] * 0.6 * 0.2 + BG[0] * 0.08;
        assertThat(f.rgb[12][16][0]).isCloseTo(expected, within(EPS));
    }

    @Test
    void transmittanceCutOffDropsTheSplatThatWouldCrossIt() {
        // Four coincident splats of alpha 0.95: T = 0.05, 0.0025, 1.25e-4, then 6.25e-6 < 1e-4 is refused.
        double[] s = {0.1, 0.1, 0.1};
        double[] q = {1, 0, 0, 0};
        double o = Math.log(19);
        double[] dc = {0, 0, 0};
        RefGaussians g = gaussians(new double[][] {{0, 0, 2}, {0, 0, 3}, {0, 0, 4}, {0, 0, 5}},
                new double[][] {s, s, s, s}, new double[][] {q, q, q, q}, new double[] {o, o, o, o},
                new double[][] {dc, dc, dc, dc});
        RefForwardResult f = render(g);
        assertThat(f.contributors[12][16]).containsExactly(0, 1, 2);
        assertThat(f.cutOff[12][16]).isTrue();
        assertThat(f.finalT[12][16]).isCloseTo(0.05 * 0.05 * 0.05, within(EPS));
        assertThat(f.depth[12][16]).isCloseTo(0.95 * (2 + 3 * 0.05 + 4 * 0.0025), within(EPS));
    }

    @Test
    void gaussianOnlyReachesPixelsOfTheTilesInItsRectangle() {
        // Screen variance 8.9 px^2 (3 sigma = 8.95): radius 9. With u = 6.7 the rectangle ends at tile column 1
        // (ceil(15.7 / 16) = 1), yet at pixel 16 (dx = 9.8 < 3.33 sigma = 9.93) alpha would still exceed 1/255.
        double z = 4;
        double scale = z * Math.sqrt(8.9 - 0.3) / 40;
        double x = (6.7 - 16.5) * z / 40;
        RefGaussians g = gaussians(new double[][] {{x, 0, z}}, new double[][] {{scale, 1e-3, 1e-3}},
                new double[][] {{1, 0, 0, 0}}, new double[] {4}, new double[][] {{1, 1, 1}});
        RefForwardResult f = render(g);
        RefProjection p = f.projection;
        assertThat(p.uv[0][0]).isCloseTo(6.7, within(EPS));
        // Off the axis, J[0][2] = -fx x / z^2 also feeds the (tiny) z variance into Sigma'_xx.
        assertThat(p.cov2d[0][0]).isCloseTo(8.9 + Math.pow(40 * x / (z * z), 2) * 1e-6, within(EPS));
        assertThat(p.radius[0]).isEqualTo(9);
        assertThat(p.tileRect[0][2]).isEqualTo(1);
        double alphaIfEvaluated = p.opacity[0] * Math.exp(RefRasterizer.power(p, 0, 16, 12));
        assertThat(alphaIfEvaluated).isGreaterThan(RefRasterizer.MIN_ALPHA);
        assertThat(f.alpha[12][16]).isZero();
        assertThat(f.alpha[12][15]).isGreaterThan(RefRasterizer.MIN_ALPHA);
    }

    private static void assertPixel(RefForwardResult f, int i, int j, double alpha, double[] color) {
        assertThat(f.alpha[j][i]).isCloseTo(alpha, within(EPS));
        for (int ch = 0; ch < 3; ch++) {
            assertThat(f.rgb[j][i][ch]).isCloseTo(color[ch] * alpha + (1 - alpha) * BG[ch], within(EPS));
        }
        assertThat(f.depth[j][i]).isCloseTo(4 * alpha, within(EPS));
    }
}
