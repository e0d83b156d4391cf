package dev.glimpse.optimize.regularize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.train.GaussianModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Opacity entropy, anisotropy and size penalties: GPU gradients and loss against a plain-Java reference, and the
 * reference against central finite differences (away from the penalties' kinks).
 */
class GaussianRegularizersTest extends GpuTestSupport {
    static final int N = 300;
    static final double EXTENT = 2.0;

    static RegularizeConfig config() {
        RegularizeConfig c = new RegularizeConfig();
        c.opacityEntropy = 0.3;
        c.anisotropy = 0.2;
        c.maxAnisotropy = 4;
        c.size = 0.5;
        c.maxSize = 0.1;
        return c;
    }

    /** Random Gaussians; log-scale differences kept away from the kinks of the hinge penalties. */
    static GaussianPlyData gaussians(long seed) {
        Random r = new Random(seed);
        GaussianPlyData g = GaussianPlyData.allocate(N, 0);
        for (int i = 0; i < N; i++) {
            g.logitOpacity()[i] = (float) (4 * r.nextGaussian());
            for (int a = 0; a < 3; a++) {
                g.logScales()[3 * i + a] = (float) (Math.log(0.05) + 1.5 * r.nextGaussian());
            }
            g.quats()[4 * i] = 1;
        }
        return g;
    }

    /** The reference loss; adds d/d(logit) and d/d(log-scales) to the arrays. */
    static double reference(double[] logit, double[] logScales, RegularizeConfig c, double[] vLogit, double[] vScales) {
        double loss = 0;
        double logRatio = Math.log(c.maxAnisotropy);
        double logMax = Math.log(c.maxSize * EXTENT);
        for (int i = 0; i < N; i++) {
            double a = 1 / (1 + Math.exp(-logit[i]));
            loss += c.opacityEntropy / N * -(a * Math.log(a) + (1 - a) * Math.log(1 - a));
            vLogit[i] += c.opacityEntropy / N * (-logit[i] * a * (1 - a));
            int hi = 0, lo = 0;
            for (int k = 1; k < 3; k++) {
                hi = logScales[3 * i + k] > logScales[3 * i + hi] ? k : hi;
                lo = logScales[3 * i + k] < logScales[3 * i + lo] ? k : lo;
            }
            double excess = logScales[3 * i + hi] - logScales[3 * i + lo] - logRatio;
            if (excess > 0) {
                loss += c.anisotropy / N * excess;
                vScales[3 * i + hi] += c.anisotropy / N;
                vScales[3 * i + lo] -= c.anisotropy / N;
            }
            double big = logScales[3 * i + hi] - logMax;
            if (big > 0) {
                loss += c.size / N * big;
                vScales[3 * i + hi] += c.size / N;
            }
        }
        return loss;
    }

    @Test
    void gpuMatchesReference() {
        RegularizeConfig c = config();
        for (long seed = 0; seed < 5; seed++) {
            GaussianPlyData g = gaussians(seed);
            double[] logit = toDoubles(g.logitOpacity());
            double[] scales = toDoubles(g.logScales());
            double[] vLogit = new double[N];
            double[] vScales = new double[3 * N];
            double loss = reference(logit, scales, c, vLogit, vScales);
            try (GaussianModel model = GaussianModel.of(ctx, g, 0, N);
                    GaussianRegularizers kernel = new GaussianRegularizers(ctx);
                    GpuBuffer stats = RegularizerStats.createBuffer(ctx)) {
                stats.clear();
                model.zeroGradients();
                kernel.run(model, c, EXTENT, stats, RegularizerStats.GAUSSIANS);
                float[] gpuLogit = model.grads().logitOpacity().downloadFloats(0, N);
                float[] gpuScales = model.grads().logScales().downloadFloats(0, 3 * N);
                for (int i = 0; i < N; i++) {
                    assertThat((double) gpuLogit[i]).isCloseTo(vLogit[i], within(1e-6 * Math.abs(vLogit[i]) + 1e-9));
                }
                for (int i = 0; i < 3 * N; i++) {
                    assertThat((double) gpuScales[i]).isCloseTo(vScales[i], within(1e-9));
                }
                assertThat(RegularizerStats.read(stats).gaussians()).isCloseTo((float) loss, within((float) (1e-5 * loss)));
                assertThat(loss).isGreaterThan(0);
            }
        }
    }

    @Test
    void penaltiesAreOffAtZeroWeight() {
        GaussianPlyData g = gaussians(7);
        try (GaussianModel model = GaussianModel.of(ctx, g, 0, N);
                GaussianRegularizers kernel = new GaussianRegularizers(ctx);
                GpuBuffer stats = RegularizerStats.createBuffer(ctx)) {
            stats.clear();
            model.zeroGradients();
            kernel.run(model, new RegularizeConfig(), EXTENT, stats, RegularizerStats.GAUSSIANS);
            for (float v : model.grads().logitOpacity().downloadFloats(0, N)) {
                assertThat(v).isZero();
            }
            for (float v : model.grads().logScales().downloadFloats(0, 3 * N)) {
                assertThat(v).isZero();
            }
        }
    }

    @Test
    void referenceMatchesFiniteDifferences() {
        RegularizeConfig c = config();
        GaussianPlyData g = gaussians(3);
        double[] logit = toDoubles(g.logitOpacity());
        double[] scales = toDoubles(g.logScales());
        double[] vLogit = new double[N];
        double[] vScales = new double[3 * N];
        reference(logit, scales, c, vLogit, vScales);
        double h = 1e-6;
        int checked = 0;
        for (int i = 0; i < N; i++) {
            double fd = (reference(bump(logit, i, h), scales, c, new double[N], new double[3 * N])
                    - reference(bump(logit, i, -h), scales, c, new double[N], new double[3 * N])) / (2 * h);
            assertThat(fd).isCloseTo(vLogit[i], within(1e-7 + 1e-5 * Math.abs(fd)));
        }
        for (int j = 0; j < 3 * N; j++) {
            double plus = reference(logit, bump(scales, j, h), c, new double[N], new double[3 * N]);
            double minus = reference(logit, bump(scales, j, -h), c, new double[N], new double[3 * N]);
            double fd = (plus - minus) / (2 * h);
            if (Math.abs(fd - vScales[j]) > 1e-7 && nearKink(scales, j / 3, c, 2 * h)) {
                continue; // the hinge or the max/min choice switches inside the step
            }
            assertThat(fd).isCloseTo(vScales[j], within(1e-7 + 1e-5 * Math.abs(fd)));
            checked++;
        }
        assertThat(checked).isGreaterThan(3 * N - 10);
    }

    private static boolean nearKink(double[] s, int i, RegularizeConfig c, double h) {
        double a = s[3 * i], b = s[3 * i + 1], d = s[3 * i + 2];
        double hi = Math.max(a, Math.max(b, d));
        double lo = Math.min(a, Math.min(b, d));
        return Math.abs(hi - lo - Math.log(c.maxAnisotropy)) < h || Math.abs(hi - Math.log(c.maxSize * EXTENT)) < h;
    }

    private static double[] bump(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
