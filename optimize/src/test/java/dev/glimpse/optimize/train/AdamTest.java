package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamTest extends GpuTestSupport {
    /** Plain-Java Adam in double, PyTorch's formulation. */
    static final class JavaAdam {
        final double[] p, m, v;
        final int floats, head;

        JavaAdam(float[] init, int floats, int head) {
            p = new double[init.length];
            for (int i = 0; i < init.length; i++) {
                p[i] = init[i];
            }
            m = new double[init.length];
            v = new double[init.length];
            this.floats = floats;
            this.head = head;
        }

        void step(float[] g, int t, double lrHead, double lrTail) {
            for (int i = 0; i < p.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * (double) g[i] * g[i];
                double mhat = m[i] / (1 - Math.pow(0.9, t));
                double vhat = v[i] / (1 - Math.pow(0.999, t));
                double lr = i % floats < head ? lrHead : lrTail;
                p[i] -= lr * mhat / (Math.sqrt(vhat) + 1e-15);
            }
        }
    }

    private static float[] random(Random r, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (r.nextGaussian() * scale);
        }
        return out;
    }

    @Test
    void everyGroupMatchesJavaAdamOverSeveralSteps() {
        int n = 300;
        Random r = new Random(3);
        GaussianPlyData data = new GaussianPlyData(n, 1, random(r, 3 * n, 1), random(r, 3 * n, 1),
                random(r, 4 * n, 1), random(r, n, 1), random(r, 12 * n, 1));
        TrainConfig.LearningRates lr = new TrainConfig.LearningRates();
        LearningRateSchedule schedule = new LearningRateSchedule(lr, 2.5, 100);
        try (GaussianModel model = GaussianModel.of(ctx, data, 1, 1000); Adam adam = new Adam(ctx)) {
            JavaAdam[] ref = new JavaAdam[model.groups().size()];
            for (int k = 0; k < ref.length; k++) {
                ParameterGroup g = model.groups().get(k);
                ref[k] = new JavaAdam(g.value().downloadFloats(0, n * g.floatsPerGaussian()), g.floatsPerGaussian(),
                        g.headFloats());
            }
            for (int t = 1; t <= 5; t++) {
                for (int k = 0; k < ref.length; k++) {
                    ParameterGroup g = model.groups().get(k);
                    // Step 4 has zero gradients: moments must still decay and parameters still move.
                    float[] grad = t == 4 ? new float[n * g.floatsPerGaussian()]
                            : random(r, n * g.floatsPerGaussian(), 1e-3 * t);
                    g.grad().upload(0, grad);
                    Adam.Rates rates = schedule.rates(g.name(), 10 * t);
                    ref[k].step(grad, t, rates.head(), rates.tail());
                }
                adam.step(model, schedule, 10 * t);
            }
            assertThat(adam.step()).isEqualTo(5);
            for (int k = 0; k < ref.length; k++) {
                ParameterGroup g = model.groups().get(k);
                int len = n * g.floatsPerGaussian();
                assertClose(g.value().downloadFloats(0, len), ref[k].p, g.name());
                assertClose(g.m().downloadFloats(0, len), ref[k].m, g.name() + " m");
                assertClose(g.v().downloadFloats(0, len), ref[k].v, g.name() + " v");
            }
        }
    }

    /**
     * 1e-6 relative to the element, or to the array's RMS where the element is much smaller: the moments are sums
     * of gradients of both signs, so an element can cancel to far below the size of the terms float rounds.
     */
    private static void assertClose(float[] gpu, double[] expected, String what) {
        double sq = 0;
        for (double e : expected) {
            sq += e * e;
        }
        double rms = Math.sqrt(sq / expected.length);
        for (int i = 0; i < gpu.length; i++) {
            double tol = 1e-6 * Math.max(Math.abs(expected[i]), rms);
            assertThat((double) gpu[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(tol));
        }
    }

    @Test
    void positionScheduleIsLogLinear() {
        TrainConfig.LearningRates lr = new TrainConfig.LearningRates();
        LearningRateSchedule s = new LearningRateSchedule(lr, 3.0, 30_000);
        assertThat(s.position(0)).isCloseTo(1.6e-4 * 3, within(1e-15));
        assertThat(s.position(15_000)).isCloseTo(1.6e-5 * 3, within(1e-15)); // geometric mean of 1.6e-4 and 1.6e-6
        assertThat(s.position(30_000)).isCloseTo(1.6e-6 * 3, within(1e-16));
        assertThat(s.position(60_000)).isCloseTo(1.6e-6 * 3, within(1e-16));
        assertThat(s.position(7_500)).isCloseTo(3 * 1.6e-4 * Math.pow(0.01, 0.25), within(1e-15));
        assertThat(LearningRateSchedule.exponential(1, 2, -1, 10)).isZero();
        assertThat(LearningRateSchedule.exponential(0, 0, 5, 10)).isZero();
        assertThat(s.rates(GaussianModel.SH, 5)).isEqualTo(new Adam.Rates(lr.shDc, lr.shRest));
        assertThat(s.rates(GaussianModel.LOGIT_OPACITY, 5)).isEqualTo(Adam.Rates.of(lr.opacity));
    }
}
