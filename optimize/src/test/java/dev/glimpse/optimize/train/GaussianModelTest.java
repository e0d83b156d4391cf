package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianModelTest extends GpuTestSupport {
    static GaussianPlyData randomData(int n, int degree, long seed) {
        Random r = new Random(seed);
        GaussianPlyData d = GaussianPlyData.allocate(n, degree);
        for (float[] a : new float[][] {d.means(), d.logScales(), d.quats(), d.logitOpacity(), d.sh()}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
        }
        return d;
    }

    @Test
    void uploadDownloadRoundTripsAndZeroesOptimiserState() {
        GaussianPlyData data = randomData(50, 2, 1);
        try (GaussianModel model = GaussianModel.of(ctx, data, 2, 100)) {
            GaussianPlyData back = model.download();
            assertThat(back.means()).isEqualTo(data.means());
            assertThat(back.logScales()).isEqualTo(data.logScales());
            assertThat(back.quats()).isEqualTo(data.quats());
            assertThat(back.logitOpacity()).isEqualTo(data.logitOpacity());
            assertThat(back.sh()).isEqualTo(data.sh());
            for (ParameterGroup g : model.groups()) {
                int len = 50 * g.floatsPerGaussian();
                assertThat(g.m().downloadFloats(0, len)).containsOnly(0f);
                assertThat(g.v().downloadFloats(0, len)).containsOnly(0f);
                assertThat(g.grad().downloadFloats(0, len)).containsOnly(0f);
            }
            assertThat(model.gradAccum().downloadFloats(0, 50)).containsOnly(0f);
            assertThat(model.params().count()).isEqualTo(50);
            assertThat(model.grads().sh()).isSameAs(model.group(GaussianModel.SH).grad());
        }
    }

    @Test
    void lowerDegreeDataIsPaddedWithZeroCoefficients() {
        GaussianPlyData data = randomData(4, 0, 2);
        try (GaussianModel model = GaussianModel.of(ctx, data, 1, 10)) {
            float[] sh = model.download().sh();
            for (int i = 0; i < 4; i++) {
                assertThat(Arrays.copyOfRange(sh, i * 12, i * 12 + 3))
                        .isEqualTo(Arrays.copyOfRange(data.sh(), i * 3, i * 3 + 3));
                assertThat(Arrays.copyOfRange(sh, i * 12 + 3, i * 12 + 12)).containsOnly(0f);
            }
        }
        try (GaussianModel model = GaussianModel.create(ctx, 0, 4, 10)) {
            assertThatThrownBy(() -> model.upload(randomData(2, 1, 0))).hasMessageContaining("SH degree 1");
        }
    }

    @Test
    void capacityGrowsKeepingContentsUpToTheMaximum() {
        GaussianPlyData data = randomData(10, 0, 3);
        try (GaussianModel model = GaussianModel.of(ctx, data, 0, 40)) {
            ParameterGroup op = model.group(GaussianModel.LOGIT_OPACITY);
            op.m().upload(0, data.logitOpacity());
            model.ensureCapacity(11);
            assertThat(model.capacity()).isEqualTo(15);
            assertThat(model.download().means()).isEqualTo(data.means());
            assertThat(op.m().downloadFloats(0, 10)).isEqualTo(data.logitOpacity());
            model.ensureCapacity(39);
            assertThat(model.capacity()).isEqualTo(39);
            model.ensureCapacity(40);
            assertThat(model.capacity()).isEqualTo(40);
            assertThatThrownBy(() -> model.ensureCapacity(41)).hasMessageContaining("maximum of 40");
        }
    }

    @Test
    void rebuildGathersValuesKeepsSurvivorMomentsAndZeroesFreshOnes() {
        int n = 20;
        GaussianPlyData data = randomData(n, 1, 4);
        try (GaussianModel model = GaussianModel.of(ctx, data, 1, 64)) {
            Random r = new Random(5);
            float[][] moments = new float[model.groups().size()][];
            for (int k = 0; k < moments.length; k++) {
                ParameterGroup g = model.groups().get(k);
                moments[k] = new float[n * g.floatsPerGaussian()];
                for (int i = 0; i < moments[k].length; i++) {
                    moments[k][i] = r.nextFloat() + 1;
                }
                g.m().upload(0, moments[k]);
                g.v().upload(0, moments[k]);
            }
            // 30 targets (grows capacity past 20): survivors in reverse order, then fresh copies of the evens.
            int[] map = new int[30];
            int[] src = new int[30];
            boolean[] fresh = new boolean[30];
            for (int j = 0; j < 30; j++) {
                src[j] = j < n ? n - 1 - j : 2 * (j - n);
                fresh[j] = j >= n;
                map[j] = GatherKernel.mapWord(src[j], j % 2 == 1, fresh[j]);
            }
            try (GpuBuffer mapBuffer = GpuBuffer.of(ctx, "map", map)) {
                model.rebuild(mapBuffer, 30);
            }
            assertThat(model.count()).isEqualTo(30);
            float[][] before = {data.means(), data.logScales(), data.quats(), data.logitOpacity(), data.sh()};
            for (int k = 0; k < moments.length; k++) {
                ParameterGroup g = model.groups().get(k);
                int f = g.floatsPerGaussian();
                float[] value = g.value().downloadFloats(0, 30 * f);
                float[] m = g.m().downloadFloats(0, 30 * f);
                float[] v = g.v().downloadFloats(0, 30 * f);
                for (int j = 0; j < 30; j++) {
                    for (int c = 0; c < f; c++) {
                        assertThat(value[j * f + c]).isEqualTo(before[k][src[j] * f + c]);
                        float expectedMoment = fresh[j] ? 0 : moments[k][src[j] * f + c];
                        assertThat(m[j * f + c]).isEqualTo(expectedMoment);
                        assertThat(v[j * f + c]).isEqualTo(expectedMoment);
                    }
                }
                assertThat(g.grad().downloadFloats(0, 30 * f)).containsOnly(0f);
                assertThat(model.previousValues(g).downloadFloats(0, n * f)).isEqualTo(before[k]);
            }
            assertThat(model.maxRadius().downloadFloats(0, 30)).containsOnly(0f);
        }
    }
}
