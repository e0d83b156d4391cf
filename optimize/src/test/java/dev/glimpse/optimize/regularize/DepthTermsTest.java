package dev.glimpse.optimize.regularize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image-space depth regularisers: GPU loss values and depth/alpha cotangents against the plain-Java reference
 * {@link RefDepthTerms} on random renders (several seeds, an image size that is not a multiple of the tile), and
 * the reference's gradients against central finite differences of its own loss in double precision.
 */
class DepthTermsTest extends GpuTestSupport {
    static final int W = 40;
    static final int H = 36;
    static final float ALPHA_MIN = 0.05f;
    static final int SEEDS = 5;
    /** Cotangents start here, not at 0: the kernels must add to them. Small, so float keeps the gradients' bits. */
    static final float START = 1e-6f;

    private static DepthTargetLoss target;
    private static DepthPearsonLoss pearson;
    private static DepthSmoothnessLoss smoothness;

    @BeforeAll
    static void kernels() {
        target = new DepthTargetLoss(ctx);
        pearson = new DepthPearsonLoss(ctx);
        smoothness = new DepthSmoothnessLoss(ctx);
    }

    @AfterAll
    static void close() {
        target.close();
        pearson.close();
        smoothness.close();
    }

    /** A random render: D_hat in [1.5, 3], alpha in [0.2, 1] except 10 % of pixels below alphaMin. */
    record Scene(double[] depth, double[] alpha, float[] rgb, float[] target, float[] prior) {
        static Scene random(long seed) {
            Random r = new Random(seed);
            int n = W * H;
            double[] d = new double[n];
            double[] a = new double[n];
            float[] rgb = new float[3 * n];
            float[] t = new float[2 * n];
            float[] prior = new float[n];
            for (int p = 0; p < n; p++) {
                // float-exact inputs, so GPU and reference see the same numbers
                a[p] = r.nextInt(10) == 0 ? 0.02f : (float) (0.2 + 0.8 * r.nextDouble());
                double hat = 1.5 + 1.5 * r.nextDouble() + 0.3 * Math.sin(p % W * 0.3);
                d[p] = (float) (hat * a[p]);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * p + c] = r.nextFloat();
                }
                if (r.nextInt(5) < 3) {
                    t[2 * p] = (float) (hat * (1 + 0.1 * r.nextGaussian()));
                    t[2 * p + 1] = 0.1f + r.nextFloat();
                }
                prior[p] = r.nextInt(6) == 0 ? 0 : (float) (2 * hat + 1 + 0.3 * r.nextGaussian());
            }
            return new Scene(d, a, rgb, t, prior);
        }
    }

    interface Term {
        double reference(Scene s, double[] d, double[] a, double[] vDepth, double[] vAlpha);

        void gpu(DepthTermBindings.Rendered in, Scene s, DepthTermBindings.Cotangents v, GpuBuffer stats);
    }

    static final Term TARGET = new Term() {
        public double reference(Scene s, double[] d, double[] a, double[] vd, double[] va) {
            return RefDepthTerms.target(d, a, s.target(), 0.05, 0.01, ALPHA_MIN, vd, va);
        }

        public void gpu(DepthTermBindings.Rendered in, Scene s, DepthTermBindings.Cotangents v, GpuBuffer stats) {
            try (GpuBuffer t = GpuBuffer.of(ctx, "target", s.target())) {
                target.run(in, t, 0.05f, 0.01f, v, stats, 0, ALPHA_MIN);
                stats.downloadFloats(0, 1);
            }
        }
    };

    /** Local patches of 16 with the grid shifted by (5, 11), and the global (whole image) correlation. */
    static final Term LOCAL = pearsonTerm(16, 5, 11);
    static final Term GLOBAL = pearsonTerm(0, 0, 0);

    static Term pearsonTerm(int side, int shiftX, int shiftY) {
        return new Term() {
            public double reference(Scene s, double[] d, double[] a, double[] vd, double[] va) {
                int size = side > 0 ? side : Math.max(W, H);
                int ox = side > 0 ? -shiftX : 0;
                int oy = side > 0 ? -shiftY : 0;
                int patches = ceilDiv(W - ox, size) * ceilDiv(H - oy, size);
                int min = (int) Math.ceil(DepthPearsonLoss.MIN_VALID_SHARE * Math.min(size, W) * Math.min(size, H));
                return RefDepthTerms.pearson(d, a, s.prior(), W, H, size, ox, oy, 0.5 / patches, min, ALPHA_MIN, vd,
                        va);
            }

            public void gpu(DepthTermBindings.Rendered in, Scene s, DepthTermBindings.Cotangents v, GpuBuffer stats) {
                try (GpuBuffer prior = GpuBuffer.of(ctx, "prior", s.prior())) {
                    pearson.run(in, prior, side, shiftX, shiftY, 0.5f, v, stats, 0, ALPHA_MIN);
                    stats.downloadFloats(0, 1);
                }
            }
        };
    }

    static final Term SMOOTH = new Term() {
        public double reference(Scene s, double[] d, double[] a, double[] vd, double[] va) {
            return RefDepthTerms.smoothness(d, a, s.rgb(), W, H, 10, 0.3 / (W * H), ALPHA_MIN, vd, va);
        }

        public void gpu(DepthTermBindings.Rendered in, Scene s, DepthTermBindings.Cotangents v, GpuBuffer stats) {
            smoothness.run(in, 0.3f, 10f, v, stats, 0, ALPHA_MIN);
            stats.downloadFloats(0, 1);
        }
    };

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Test
    void targetLossMatchesReference() {
        compareWithReference("target", TARGET);
    }

    @Test
    void localPearsonMatchesReference() {
        compareWithReference("local pearson", LOCAL);
    }

    @Test
    void globalPearsonMatchesReference() {
        compareWithReference("global pearson", GLOBAL);
    }

    @Test
    void smoothnessMatchesReference() {
        compareWithReference("smoothness", SMOOTH);
    }

    @Test
    void referenceGradientsMatchFiniteDifferences() {
        for (Term term : new Term[] {TARGET, LOCAL, GLOBAL, SMOOTH}) {
            for (long seed = 0; seed < 3; seed++) {
                Scene s = Scene.random(seed);
                double[] vd = new double[W * H];
                double[] va = new double[W * H];
                term.reference(s, s.depth(), s.alpha(), vd, va);
                Random pick = new Random(seed + 100);
                double maxErr = 0;
                int checked = 0;
                for (int k = 0; k < 60; k++) {
                    int p = pick.nextInt(W * H);
                    if (s.alpha()[p] < ALPHA_MIN) {
                        continue;
                    }
                    double h = 1e-5;
                    double fdD = fd(term, s, p, h, true);
                    double fdA = fd(term, s, p, h, false);
                    maxErr = Math.max(maxErr, relErr(fdD, vd[p]));
                    maxErr = Math.max(maxErr, relErr(fdA, va[p]));
                    checked++;
                }
                assertThat(checked).isGreaterThan(30);
                assertThat(maxErr).as("reference vs finite differences").isLessThan(1e-5);
            }
        }
    }

    private static double fd(Term term, Scene s, int p, double h, boolean depth) {
        double[] d = s.depth().clone();
        double[] a = s.alpha().clone();
        double[] x = depth ? d : a;
        double x0 = x[p];
        x[p] = x0 + h;
        double plus = term.reference(s, d, a, new double[W * H], new double[W * H]);
        x[p] = x0 - h;
        double minus = term.reference(s, d, a, new double[W * H], new double[W * H]);
        return (plus - minus) / (2 * h);
    }

    /** Relative error with a floor, so gradients at the round-off level are compared absolutely. */
    private static double relErr(double expected, double actual) {
        return Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-4);
    }

    private static void compareWithReference(String name, Term term) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Scene s = Scene.random(seed);
            double[] vd = new double[W * H];
            double[] va = new double[W * H];
            double loss = term.reference(s, s.depth(), s.alpha(), vd, va);
            float[] d = toFloats(s.depth());
            float[] a = toFloats(s.alpha());
            float[] start = new float[W * H];
            java.util.Arrays.fill(start, START);
            try (GpuBuffer depth = GpuBuffer.of(ctx, "depth", d); GpuBuffer alpha = GpuBuffer.of(ctx, "alpha", a);
                    GpuBuffer rgb = GpuBuffer.of(ctx, "rgb", s.rgb());
                    GpuBuffer vDepth = GpuBuffer.of(ctx, "v_depth", start);
                    GpuBuffer vAlpha = GpuBuffer.of(ctx, "v_alpha", start);
                    GpuBuffer stats = RegularizerStats.createBuffer(ctx)) {
                stats.clear();
                term.gpu(new DepthTermBindings.Rendered(depth, alpha, rgb, W, H), s,
                        new DepthTermBindings.Cotangents(vDepth, vAlpha), stats);
                float gpuLoss = stats.downloadFloats(0, 1)[0];
                assertThat(loss).as("%s loss, seed %d", name, seed).isGreaterThan(0);
                assertThat(Math.abs(gpuLoss - loss) / loss).as("%s loss, seed %d", name, seed).isLessThan(1e-4);
                assertThat(gradientError(vDepth.downloadFloats(0, W * H), vd))
                        .as("%s v_depth, seed %d", name, seed).isLessThan(1e-4);
                assertThat(gradientError(vAlpha.downloadFloats(0, W * H), va))
                        .as("%s v_alpha, seed %d", name, seed).isLessThan(1e-4);
            }
        }
    }

    /** Relative L2 error of a GPU gradient (offset by the START it began from) against the reference. */
    private static double gradientError(float[] gpu, double[] ref) {
        double diff = 0, norm = 0;
        for (int i = 0; i < ref.length; i++) {
            double g = gpu[i] - START;
            diff += (g - ref[i]) * (g - ref[i]);
            norm += ref[i] * ref[i];
        }
        assertThat(norm).as("gradient must not vanish").isGreaterThan(0);
        return Math.sqrt(diff / norm);
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
