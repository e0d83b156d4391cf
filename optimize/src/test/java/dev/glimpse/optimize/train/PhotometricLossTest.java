package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.metrics.ImageMetrics;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PhotometricLossTest extends GpuTestSupport {
    private static PhotometricLoss loss;
    private static ImageMse mse;

    @BeforeAll
    static void createKernels() {
        loss = new PhotometricLoss(ctx);
        mse = new ImageMse(ctx);
    }

    @AfterAll
    static void closeKernels() {
        loss.close();
        mse.close();
    }

    /** Values on a 1/1024 grid so that x +- 1/4096 is exact in float and finite differences see exact inputs. */
    private static float[][] imagePair(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] x = new float[w * h * 3];
        float[] y = new float[w * h * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(1025) / 1024f;
            do {
                y[i] = r.nextInt(1025) / 1024f;
            } while (Math.abs(x[i] - y[i]) < 2 / 1024f); // keep finite differences off the L1 kink
        }
        return new float[][] {x, y};
    }

    private static float[] randomMask(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(5) / 4f;
        }
        return m;
    }

    /** The CPU total loss in double: weighted means of L1 and of ImageMetrics' SSIM map. */
    static double cpuLoss(float[] x, float[] y, float[] mask, int w, int h, double lambda) {
        double[] map = ImageMetrics.ssimMap(x, y, w, h, 3);
        double l1 = 0, ssim = 0, weight = 0;
        for (int p = 0; p < w * h; p++) {
            double m = mask == null ? 1 : mask[p];
            weight += m;
            for (int c = 0; c < 3; c++) {
                l1 += m * Math.abs(x[3 * p + c] - y[3 * p + c]);
                ssim += m * map[3 * p + c];
            }
        }
        return (1 - lambda) * l1 / (3 * weight) + lambda * (1 - ssim / (3 * weight));
    }

    private record GpuResult(LossStats stats, float[] v_rgb) {
    }

    private static GpuResult gpu(float[] x, float[] y, float[] mask, int w, int h, float lambda) {
        try (GpuBuffer rendered = GpuBuffer.of(ctx, "rendered", x); GpuBuffer target = GpuBuffer.of(ctx, "target", y);
             GpuBuffer m = mask == null ? null : GpuBuffer.of(ctx, "mask", mask);
             GpuBuffer stats = LossStats.createBuffer(ctx, "stats");
             GpuBuffer v = GpuBuffer.create(ctx, 4L * x.length, "v_rgb")) {
            loss.run(rendered, target, m, w, h, lambda, stats, v);
            return new GpuResult(LossStats.read(stats), v.downloadFloats());
        }
    }

    @Test
    void valuesMatchImageMetrics() {
        int w = 70, h = 45; // not multiples of the 16 x 16 tiles
        float[][] xy = imagePair(w, h, 1);
        LossStats s = gpu(xy[0], xy[1], null, w, h, 0.2f).stats();
        double ssim = ImageMetrics.ssim(xy[0], xy[1], w, h, 3);
        double l1 = 0, sq = 0;
        for (int i = 0; i < xy[0].length; i++) {
            double d = xy[0][i] - xy[1][i];
            l1 += Math.abs(d);
            sq += d * d;
        }
        l1 /= xy[0].length;
        assertThat((double) s.ssim()).isCloseTo(ssim, within(1e-5));
        assertThat((double) s.l1()).isCloseTo(l1, within(1e-5 * l1));
        assertThat((double) s.mse()).isCloseTo(sq / xy[0].length, within(1e-5 * sq / xy[0].length));
        assertThat((double) s.psnr()).isCloseTo(ImageMetrics.psnr(xy[0], xy[1], w, h, 3, null), within(1e-4));
        assertThat((double) s.total()).isCloseTo(cpuLoss(xy[0], xy[1], null, w, h, 0.2), within(1e-5));
        assertThat(s.weight()).isEqualTo(w * h);
    }

    @Test
    void maskedValuesAreWeightedMeans() {
        int w = 33, h = 20;
        float[][] xy = imagePair(w, h, 2);
        float[] mask = randomMask(w, h, 3);
        LossStats s = gpu(xy[0], xy[1], mask, w, h, 0.3f).stats();
        assertThat((double) s.total()).isCloseTo(cpuLoss(xy[0], xy[1], mask, w, h, 0.3), within(1e-5));
        assertThat((double) s.l1()).isCloseTo(cpuLoss(xy[0], xy[1], mask, w, h, 0), within(1e-6));
        assertThat(1 - (double) s.ssim()).isCloseTo(cpuLoss(xy[0], xy[1], mask, w, h, 1), within(1e-5));
        // A binary mask gives ImageMetrics' masked PSNR.
        boolean[] binary = new boolean[w * h];
        for (int p = 0; p < binary.length; p++) {
            binary[p] = mask[p] > 0;
            mask[p] = binary[p] ? 1 : 0;
        }
        try (GpuBuffer a = GpuBuffer.of(ctx, "a", xy[0]); GpuBuffer b = GpuBuffer.of(ctx, "b", xy[1]);
             GpuBuffer m = GpuBuffer.of(ctx, "m", mask); GpuBuffer stats = LossStats.createBuffer(ctx, "stats")) {
            mse.run(a, b, m, w, h, stats);
            LossStats ms = LossStats.read(stats);
            assertThat((double) ms.psnr()).isCloseTo(ImageMetrics.psnr(xy[0], xy[1], w, h, 3, binary),
                    within(1e-4));
            assertThat(ms.ssim()).isNaN();
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesWithoutMask() {
        checkGradient(null, 0.2f, 11);
        checkGradient(null, 1f, 12); // SSIM alone
    }

    @Test
    void gradientMatchesFiniteDifferencesWithMask() {
        checkGradient(randomMask(24, 20, 5), 0.2f, 13);
    }

    private static void checkGradient(float[] mask, float lambda, long seed) {
        int w = 24, h = 20;
        float[][] xy = imagePair(w, h, seed);
        float[] x = xy[0];
        float[] v = gpu(x, xy[1], mask, w, h, lambda).v_rgb();
        float step = 1 / 4096f;
        double errSq = 0, refSq = 0, maxRef = 0;
        double[] fd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            float keep = x[i];
            x[i] = keep + step;
            double plus = cpuLoss(x, xy[1], mask, w, h, lambda);
            x[i] = keep - step;
            double minus = cpuLoss(x, xy[1], mask, w, h, lambda);
            x[i] = keep;
            fd[i] = (plus - minus) / (2.0 * step);
            errSq += (v[i] - fd[i]) * (v[i] - fd[i]);
            refSq += fd[i] * fd[i];
            maxRef = Math.max(maxRef, Math.abs(fd[i]));
        }
        assertThat(Math.sqrt(errSq / refSq)).as("relative gradient error").isLessThan(1e-3);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) v[i]).as("v_rgb[%d]", i).isCloseTo(fd[i], within(2e-3 * maxRef));
        }
    }

    @Test
    void tooSmallBuffersAreRejected() {
        try (GpuBuffer small = GpuBuffer.create(ctx, 4L * 10, "small");
             GpuBuffer stats = LossStats.createBuffer(ctx, "stats")) {
            assertThatThrownBy(() -> loss.forward(small, small, null, 4, 4, 0.2f, stats))
                    .hasMessageContaining("rendered buffer 'small' has 10 floats, the image needs 48");
        }
    }
}
