package dev.glimpse.optimize.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Makes the finite-difference tests meaningful: the fuzzed scenes they use must reach every branch of the
 * pipeline (else a wrong gradient on that branch would go unnoticed), and {@link RefForwardResult#sameBranches}
 * must notice when a perturbation crosses one of them (else FD would compare against a jump).
 */
class RefBranchCoverageTest {

    private static final double[] BG = {0.2, 0.4, 0.6};

    @Test
    void fuzzedScenesReachEveryBranch() {
        int nearCulled = 0;
        int jacobianClampedVisible = 0;
        int colorClampedVisible = 0;
        int saturated = 0;
        int cutOff = 0;
        int reducedDegree = 0;
        for (long seed = 0; seed < RefGradientFdTest.SCENES; seed++) {
            RefScenes.Scene scene = RefScenes.fuzzed(seed);
            RefForwardResult f = scene.forward();
            RefProjection p = f.projection;
            boolean[] visible = new boolean[p.size()];
            for (int j = 0; j < f.height; j++) {
                for (int i = 0; i < f.width; i++) {
                    for (int k = 0; k < f.contributors[j][i].length; k++) {
                        visible[f.contributors[j][i][k]] = true;
                        saturated += f.alphaSaturated[j][i][k] ? 1 : 0;
                    }
                    cutOff += f.cutOff[j][i] ? 1 : 0;
                }
            }
            for (int n = 0; n < p.size(); n++) {
                double tz = scene.camera().toCamera(scene.gaussians().means[n])[2];
                nearCulled += tz < RefProjection.NEAR_PLANE ? 1 : 0;
                if (visible[n]) {
                    jacobianClampedVisible += p.jacobianClamped[n][0] || p.jacobianClamped[n][1] ? 1 : 0;
                    for (boolean c : p.colorClamped[n]) {
                        colorClampedVisible += c ? 1 : 0;
                    }
                }
            }
            reducedDegree += scene.activeDegree() < scene.gaussians().degree ? 1 : 0;
        }
        System.out.printf("branches: near-culled %d, visible Jacobian-clamped %d, visible colour-clamped channels %d,"
                + " saturated alphas %d, cut-off pixels %d, scenes with reduced SH degree %d%n", nearCulled,
                jacobianClampedVisible, colorClampedVisible, saturated, cutOff, reducedDegree);
        assertThat(nearCulled).isGreaterThan(5);
        assertThat(jacobianClampedVisible).isGreaterThan(5);
        assertThat(colorClampedVisible).isGreaterThan(5);
        assertThat(saturated).isGreaterThan(5);
        assertThat(cutOff).isGreaterThan(5);
        assertThat(reducedDegree).isGreaterThan(0);
    }

    @Test
    void crossingTheNearPlaneIsDetected() {
        RefCamera cam = identityCamera();
        RefForwardResult in = render(cam, onAxis(RefProjection.NEAR_PLANE + 1e-9, 0, new double[] {0, 0, 0}));
        RefForwardResult out = render(cam, onAxis(RefProjection.NEAR_PLANE - 1e-9, 0, new double[] {0, 0, 0}));
        assertThat(in.sameBranches(out)).isFalse();
        assertThat(in.sameBranches(render(cam, onAxis(RefProjection.NEAR_PLANE + 2e-9, 0,
                new double[] {0, 0, 0})))).isTrue();
    }

    @Test
    void crossingTheColourClampIsDetected() {
        RefCamera cam = identityCamera();
        double dcZero = -0.5 / RefSh.C0;
        RefForwardResult above = render(cam, onAxis(3, 0, new double[] {dcZero + 1e-9, 0, 0}));
        RefForwardResult below = render(cam, onAxis(3, 0, new double[] {dcZero - 1e-9, 0, 0}));
        assertThat(above.sameBranches(below)).isFalse();
    }

    @Test
    void crossingTheJacobianClampIsDetected() {
        RefCamera cam = identityCamera();
        double edge = RefPerspective.FOV_CLAMP * cam.tanHalfFovX() * 3;
        RefGaussians inside = onAxis(3, 0, new double[] {0, 0, 0});
        inside.means[0][0] = edge - 1e-9;
        inside.logScales[0][0] = Math.log(1.0); // wide enough to reach the image from beyond its edge
        RefGaussians outside = inside.copy();
        outside.means[0][0] = edge + 1e-9;
        RefForwardResult a = render(cam, inside);
        assertThat(a.alpha[12][31]).isGreaterThan(0);
        assertThat(a.sameBranches(render(cam, outside))).isFalse();
    }

    @Test
    void crossingTheAlphaThresholdOrTheCapIsDetected() {
        RefCamera cam = identityCamera();
        RefForwardResult base = render(cam, onAxis(3, 0, new double[] {0, 0, 0}));
        // Through the forward hook: set the opacity so the centre pixel's alpha sits on 1/255, then on 0.99.
        for (double target : new double[] {RefRasterizer.MIN_ALPHA, RefRasterizer.MAX_ALPHA}) {
            double g = Math.exp(RefRasterizer.power(base.projection, 0, 16, 12));
            RefProjection lo = base.projection.copy();
            RefProjection hi = base.projection.copy();
            lo.opacity[0] = target / g - 1e-9;
            hi.opacity[0] = target / g + 1e-9;
            assertThat(RefRasterizer.forward(lo, cam, BG).sameBranches(RefRasterizer.forward(hi, cam, BG)))
                    .as("alpha crossing %s", target).isFalse();
        }
    }

    private static RefCamera identityCamera() {
        return new RefCamera(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 0, 0}, 40, 40,
                16.5, 12.5, 32, 24);
    }

    private static RefGaussians onAxis(double z, double logit, double[] dc) {
        return new RefGaussians(new double[][] {{0, 0, z}}, new double[][] {{-2.3, -2.3, -2.3}},
                new double[][] {{1, 0, 0, 0}}, new double[] {logit}, new double[][][] {{dc.clone()}}, 0);
    }

    private static RefForwardResult render(RefCamera cam, RefGaussians g) {
        return RefSplatting.forward(g, cam, 0, BG, 16);
    }
}
