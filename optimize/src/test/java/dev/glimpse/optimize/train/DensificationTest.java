package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.train.DensifyReference.Kind;
import dev.glimpse.optimize.train.DensifyReference.Output;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DensificationTest extends GpuTestSupport {
    private static final double EXTENT = 1.0;

    /** A value at least 0.2 away from {@code threshold}, above or below at random (so float rounding never decides). */
    private static float awayFrom(Random r, double threshold, double spread) {
        double d = 0.2 + r.nextDouble() * spread;
        return (float) (r.nextBoolean() ? threshold + d : threshold - d);
    }

    /** Random Gaussians plus hand-set statistics straddling every threshold of {@code config}. */
    private record Scene(GaussianPlyData data, float[] accum, float[] denom, float[] maxRadius) {
    }

    private static Scene scene(int n, TrainConfig.Densify config, long seed) {
        Random r = new Random(seed);
        GaussianPlyData d = GaussianModelTest.randomData(n, 1, seed);
        float[] accum = new float[n];
        float[] denom = new float[n];
        float[] maxRadius = new float[n];
        double cloneLimit = Math.log(config.percentDense * EXTENT);
        double worldLimit = Math.log(0.1 * EXTENT);
        for (int i = 0; i < n; i++) {
            double sMax = r.nextInt(3) == 0 ? awayFrom(r, worldLimit, 1) : awayFrom(r, cloneLimit, 1.5);
            if (Math.abs(sMax - DensifyThresholds.SPLIT_LOG_SHRINK - worldLimit) < 0.05) {
                sMax += 0.1; // a child right at the world limit would be a float coin toss
            }
            int axis = r.nextInt(3);
            for (int a = 0; a < 3; a++) {
                d.logScales()[3 * i + a] = (float) (a == axis ? sMax : sMax - 0.1 - r.nextDouble());
            }
            d.logitOpacity()[i] = awayFrom(r, DensifyThresholds.logit(config.pruneOpacity), 3);
            denom[i] = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(10);
            double grad = config.gradThreshold * (r.nextBoolean() ? 2 + r.nextDouble() : 0.5 * r.nextDouble());
            accum[i] = (float) (grad * denom[i]) + (denom[i] == 0 ? 1 : 0); // denom 0 must not grow
            maxRadius[i] = awayFrom(r, config.maxScreenSize, 15);
        }
        return new Scene(d, accum, denom, maxRadius);
    }

    private static GaussianModel upload(Scene s, int max) {
        GaussianModel model = GaussianModel.of(ctx, s.data(), 1, max);
        model.gradAccum().upload(0, s.accum());
        model.gradDenom().upload(0, s.denom());
        model.maxRadius().upload(0, s.maxRadius());
        // Distinct, non-zero moments so kept and zeroed ones are told apart.
        for (ParameterGroup g : model.groups()) {
            float[] m = new float[s.data().count() * g.floatsPerGaussian()];
            Arrays.fill(m, 0.5f);
            g.m().upload(0, m);
            g.v().upload(0, m);
        }
        return model;
    }

    private static float[] values(GaussianPlyData d, String group) {
        return switch (group) {
            case GaussianModel.MEANS -> d.means();
            case GaussianModel.LOG_SCALES -> d.logScales();
            case GaussianModel.QUATS -> d.quats();
            case GaussianModel.LOGIT_OPACITY -> d.logitOpacity();
            default -> d.sh();
        };
    }

    /** Checks every output of the GPU step against the reference plan. */
    private static void assertMatches(GaussianModel model, GaussianPlyData before, List<Output> expected, long seed,
                                      int iteration) {
        assertThat(model.count()).isEqualTo(expected.size());
        GaussianPlyData after = model.download();
        for (ParameterGroup g : model.groups()) {
            int f = g.floatsPerGaussian();
            float[] old = values(before, g.name());
            float[] now = values(after, g.name());
            float[] m = g.m().downloadFloats(0, expected.size() * f);
            for (int j = 0; j < expected.size(); j++) {
                Output o = expected.get(j);
                boolean split = o.kind() == Kind.SPLIT_CHILD_0 || o.kind() == Kind.SPLIT_CHILD_1;
                for (int c = 0; c < f; c++) {
                    assertThat(m[j * f + c]).as("%s moment of output %d", g.name(), j).isEqualTo(o.fresh() ? 0 : 0.5f);
                    float source = old[o.source() * f + c];
                    if (split && g.name().equals(GaussianModel.LOG_SCALES)) {
                        assertThat(now[j * f + c]).isEqualTo(source - DensifyThresholds.SPLIT_LOG_SHRINK);
                    } else if (!(split && g.name().equals(GaussianModel.MEANS))) {
                        assertThat(now[j * f + c]).as("%s of output %d", g.name(), j).isEqualTo(source);
                    }
                }
                if (split && g.name().equals(GaussianModel.MEANS)) {
                    double[] expectedMean = childMean(before, o.source(), o.kind() == Kind.SPLIT_CHILD_1 ? 1 : 0,
                            seed, iteration);
                    for (int c = 0; c < 3; c++) {
                        assertThat((double) now[3 * j + c]).isCloseTo(expectedMean[c], within(1e-4));
                    }
                }
            }
        }
        assertThat(model.gradAccum().downloadFloats(0, model.count())).containsOnly(0f);
        assertThat(model.maxRadius().downloadFloats(0, model.count())).containsOnly(0f);
    }

    /** mean + R(q) (exp(s) * z) with the GPU's normals. */
    static double[] childMean(GaussianPlyData d, int i, int child, long seed, int iteration) {
        double[] z = GpuRandom.splitNormals(seed, iteration, i, child);
        double[] local = new double[3];
        for (int a = 0; a < 3; a++) {
            local[a] = Math.exp(d.logScales()[3 * i + a]) * z[a];
        }
        double[] rot = rotation(Arrays.copyOfRange(d.quats(), 4 * i, 4 * i + 4));
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = d.means()[3 * i + r];
            for (int c = 0; c < 3; c++) {
                out[r] += rot[3 * r + c] * local[c];
            }
        }
        return out;
    }

    /** Row-major rotation matrix of quaternion (w, x, y, z), normalised first. */
    static double[] rotation(float[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
        return new double[] {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
                2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
                2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    @Test
    void cloneSplitAndPruneFollowTheReferenceRules() {
        TrainConfig config = new TrainConfig();
        config.seed = 1234567890123L;
        for (boolean sizePrune : new boolean[] {false, true}) {
            Scene s = scene(400, config.densify, sizePrune ? 1 : 2);
            try (GaussianModel model = upload(s, 10_000);
                 DefaultDensification density = new DefaultDensification(ctx, config, EXTENT, false)) {
                DensifyThresholds t = DensifyThresholds.of(config.densify, EXTENT, sizePrune, 10_000 - 400);
                List<Output> expected = DensifyReference.plan(s.data().logScales(), s.data().logitOpacity(),
                        s.accum(), s.denom(), s.maxRadius(), t);
                // The scene exercises every rule.
                assertThat(expected).extracting(Output::kind).contains(Kind.values());
                assertThat(expected.stream().mapToInt(Output::source).distinct().count()).isLessThan(400);
                int newCount = density.densify(model, 777, sizePrune);
                assertThat(newCount).isEqualTo(expected.size());
                assertMatches(model, s.data(), expected, config.seed, 777);
            }
        }
    }

    @Test
    void growthStopsAtTheCap() {
        TrainConfig config = new TrainConfig();
        config.densify.maxGaussians = 430;
        Scene s = scene(400, config.densify, 3);
        try (GaussianModel model = upload(s, 100_000);
             DefaultDensification density = new DefaultDensification(ctx, config, EXTENT, false)) {
            DensifyThresholds t = DensifyThresholds.of(config.densify, EXTENT, false, 30);
            List<Output> expected = DensifyReference.plan(s.data().logScales(), s.data().logitOpacity(), s.accum(),
                    s.denom(), s.maxRadius(), t);
            DensifyThresholds unlimited = DensifyThresholds.of(config.densify, EXTENT, false, 100_000);
            assertThat(DensifyReference.plan(s.data().logScales(), s.data().logitOpacity(), s.accum(), s.denom(),
                    s.maxRadius(), unlimited).stream().filter(Output::fresh).count()).isGreaterThan(60);
            density.densify(model, 5, false);
            assertMatches(model, s.data(), expected, config.seed, 5);
            assertThat(model.capacity()).isLessThanOrEqualTo(430);
        }
    }

    @Test
    void splitChildrenAreDistributedAsTheParentGaussian() {
        int n = 3000;
        GaussianPlyData d = GaussianPlyData.allocate(n, 0);
        float[] q = {0.8f, 0.3f, -0.4f, 0.33f};
        float[] logScales = {(float) Math.log(0.3), (float) Math.log(0.1), (float) Math.log(0.05)};
        for (int i = 0; i < n; i++) {
            System.arraycopy(new float[] {1, -2, 3}, 0, d.means(), 3 * i, 3);
            System.arraycopy(logScales, 0, d.logScales(), 3 * i, 3);
            System.arraycopy(q, 0, d.quats(), 4 * i, 4);
            d.logitOpacity()[i] = 2;
        }
        float[] ones = new float[n];
        Arrays.fill(ones, 1);
        TrainConfig config = new TrainConfig();
        try (GaussianModel model = GaussianModel.of(ctx, d, 0, 2 * n);
             DefaultDensification density = new DefaultDensification(ctx, config, EXTENT, false)) {
            model.gradAccum().upload(0, ones);
            model.gradDenom().upload(0, ones);
            model.maxRadius().fill(0, 4L * n, 0);
            assertThat(density.densify(model, 100, false)).isEqualTo(2 * n);
            float[] means = model.download().means();
            double[] rot = rotation(q);
            double[] sigma = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < 3; k++) {
                        sigma[3 * r + c] += rot[3 * r + k] * rot[3 * c + k] * Math.exp(2 * logScales[k]);
                    }
                }
            }
            double[] mean = new double[3];
            double[] cov = new double[9];
            for (int j = 0; j < 2 * n; j++) {
                double[] e = {means[3 * j] - 1, means[3 * j + 1] + 2, means[3 * j + 2] - 3};
                for (int r = 0; r < 3; r++) {
                    mean[r] += e[r] / (2 * n);
                    for (int c = 0; c < 3; c++) {
                        cov[3 * r + c] += e[r] * e[c] / (2 * n);
                    }
                }
            }
            // Standard errors: mean sqrt(0.09 / 6000) ~ 0.004; covariance ~ 0.09 sqrt(2 / 6000) ~ 0.0017.
            for (int r = 0; r < 3; r++) {
                assertThat(mean[r]).isCloseTo(0, within(0.016));
            }
            for (int k = 0; k < 9; k++) {
                assertThat(cov[k]).as("covariance %d", k).isCloseTo(sigma[k], within(0.007));
            }
            // The two children of one parent differ (independent draws).
            assertThat(means[0]).isNotEqualTo(means[3]);
        }
    }

    @Test
    void statisticsAccumulateVisibleGaussiansOnly() {
        int n = 500;
        Random r = new Random(9);
        try (GaussianModel model = GaussianModel.of(ctx, GaussianModelTest.randomData(n, 0, 9), 0, n);
             DefaultDensification density = new DefaultDensification(ctx, new TrainConfig(), EXTENT, false)) {
            double[] accum = new double[n];
            double[] denom = new double[n];
            double[] radius = new double[n];
            for (int view = 0; view < 3; view++) {
                float[] v = new float[2 * n];
                int[] radii = new int[n];
                for (int i = 0; i < n; i++) {
                    v[2 * i] = (float) r.nextGaussian();
                    v[2 * i + 1] = (float) r.nextGaussian();
                    radii[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
                    if (radii[i] > 0) {
                        accum[i] += Math.hypot(v[2 * i] * 32, v[2 * i + 1] * 24);
                        denom[i] += 1;
                        radius[i] = Math.max(radius[i], radii[i]);
                    }
                }
                try (GpuBuffer vb = GpuBuffer.of(ctx, "v_means2d", v); GpuBuffer rb = GpuBuffer.of(ctx, "radii", radii)) {
                    density.afterBackward(10, model, vb, rb, 64, 48);
                }
            }
            float[] a = model.gradAccum().downloadFloats(0, n);
            float[] dn = model.gradDenom().downloadFloats(0, n);
            float[] mr = model.maxRadius().downloadFloats(0, n);
            for (int i = 0; i < n; i++) {
                assertThat((double) a[i]).isCloseTo(accum[i], within(1e-5 * (1 + accum[i])));
                assertThat((double) dn[i]).isEqualTo(denom[i]);
                assertThat((double) mr[i]).isEqualTo(radius[i]);
            }
        }
    }

    @Test
    void opacityResetCapsOpacityAndZeroesItsMomentsOnly() {
        int n = 200;
        GaussianPlyData d = GaussianModelTest.randomData(n, 0, 11);
        for (int i = 0; i < n; i++) {
            d.logitOpacity()[i] *= 4;
        }
        TrainConfig config = new TrainConfig();
        try (GaussianModel model = upload(new Scene(d, new float[n], new float[n], new float[n]), n);
             DefaultDensification density = new DefaultDensification(ctx, config, EXTENT, false)) {
            density.resetOpacity(model);
            float[] o = model.download().logitOpacity();
            float cap = (float) Math.log(0.01 / 0.99);
            for (int i = 0; i < n; i++) {
                assertThat(o[i]).isEqualTo(Math.min(d.logitOpacity()[i], cap));
            }
            assertThat(model.group(GaussianModel.LOGIT_OPACITY).m().downloadFloats(0, n)).containsOnly(0f);
            assertThat(model.group(GaussianModel.LOGIT_OPACITY).v().downloadFloats(0, n)).containsOnly(0f);
            assertThat(model.group(GaussianModel.MEANS).m().downloadFloats(0, 3 * n)).containsOnly(0.5f);
        }
    }

    @Test
    void scheduleFollowsTheReference() {
        TrainConfig config = new TrainConfig();
        config.densify.from = 5;
        config.densify.interval = 5;
        config.densify.until = 30;
        config.densify.opacityResetInterval = 20;
        try (GaussianModel model = GaussianModel.of(ctx, GaussianModelTest.randomData(10, 0, 1), 0, 100);
             DefaultDensification density = new DefaultDensification(ctx, config, EXTENT, true)) {
            StringBuilder changed = new StringBuilder();
            for (int it = 1; it <= 40; it++) {
                if (density.beforeOptimizerStep(it, model)) {
                    changed.append(it).append(' ');
                }
            }
            // 5: white-background opacity reset at `from`; 10..25 densify; 20 also resets; none from `until` on.
            assertThat(changed.toString().trim()).isEqualTo("5 10 15 20 25");
        }
    }
}
