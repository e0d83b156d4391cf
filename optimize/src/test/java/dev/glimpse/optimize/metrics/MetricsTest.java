package dev.glimpse.optimize.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void psnrOfAConstantErrorIsAnalytic() {
        float[] a = new float[4 * 4 * 3];
        float[] b = new float[a.length];
        java.util.Arrays.fill(b, 0.1f);
        // MSE = 0.01 -> PSNR = 20 dB.
        assertThat(ImageMetrics.psnr(a, b, 4, 4, 3, null)).isCloseTo(20, within(1e-5));
        boolean[] mask = new boolean[16];
        mask[3] = true;
        b[9] = 0.5f; // pixel 3, red: outside no longer matters, inside changes the result
        assertThat(ImageMetrics.psnr(a, b, 4, 4, 3, mask)).isLessThan(20);
    }

    @Test
    void ssimIsOneForIdenticalImagesAndDropsWithNoise() {
        Random rnd = new Random(1);
        int w = 24, h = 20;
        float[] a = new float[w * h * 4];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat();
        }
        assertThat(ImageMetrics.ssim(a, a, w, h, 4)).isCloseTo(1, within(1e-12));
        float[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.min(1, Math.max(0, b[i] + 0.2f * (float) rnd.nextGaussian()));
        }
        double s = ImageMetrics.ssim(a, b, w, h, 4);
        assertThat(s).isBetween(0.3, 0.95);
    }

    @Test
    void ssimMatchesADirectWindowSumAtOnePixel() {
        Random rnd = new Random(2);
        int w = 15, h = 13;
        float[] a = new float[w * h * 3];
        float[] b = new float[w * h * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat();
            b[i] = rnd.nextFloat();
        }
        double[] g = ImageMetrics.ssimKernel();
        int px = 2, py = 9, c = 1; // near the border: zero padding matters
        double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
        for (int dy = -5; dy <= 5; dy++) {
            for (int dx = -5; dx <= 5; dx++) {
                int x = px + dx, y = py + dy;
                if (x < 0 || y < 0 || x >= w || y >= h) {
                    continue;
                }
                double wgt = g[dx + 5] * g[dy + 5];
                double u = a[(y * w + x) * 3 + c], v = b[(y * w + x) * 3 + c];
                mx += wgt * u;
                my += wgt * v;
                sxx += wgt * u * u;
                syy += wgt * v * v;
                sxy += wgt * u * v;
            }
        }
        double expected = ((2 * mx * my + ImageMetrics.C1) * (2 * (sxy - mx * my) + ImageMetrics.C2))
                / ((mx * mx + my * my + ImageMetrics.C1) * (sxx - mx * mx + syy - my * my + ImageMetrics.C2));
        assertThat(ImageMetrics.ssimMap(a, b, w, h, 3)[(py * w + px) * 3 + c]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void depthMetricsOnKnownErrors() {
        float[] truth = {1, 2, 4, 0};
        float[] pred = {1.01f, 2.5f, 4, 7};
        DepthMetrics m = DepthMetrics.of(pred, truth, null);
        assertThat(m.pixels()).isEqualTo(3);
        assertThat(m.absRel()).isCloseTo((0.01 + 0.25 + 0) / 3, within(1e-6));
        assertThat(m.rmse()).isCloseTo(Math.sqrt((0.0001 + 0.25) / 3), within(1e-6));
        assertThat(m.within105()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void kdTreeAgreesWithBruteForce() {
        Random rnd = new Random(5);
        float[] pts = new float[3 * 3000];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = (float) rnd.nextGaussian();
        }
        // Duplicates and collinear points stress the median split.
        for (int i = 0; i < 300; i++) {
            pts[3 * i] = 0.5f;
            pts[3 * i + 1] = 0.5f;
        }
        PointKdTree tree = new PointKdTree(pts);
        for (int q = 0; q < 300; q++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3000; i++) {
                double dx = pts[3 * i] - x, dy = pts[3 * i + 1] - y, dz = pts[3 * i + 2] - z;
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            assertThat(tree.nearestDistance(x, y, z)).isCloseTo(Math.sqrt(best), within(1e-9));
        }
    }

    @Test
    void chamferOfAShiftedCloudIsTheShift() {
        int n = 40;
        float[] gt = new float[3 * n * n];
        float[] rec = new float[3 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = 3 * (i * n + j);
                gt[k] = i * 0.1f;
                gt[k + 1] = j * 0.1f;
                rec[k] = i * 0.1f;
                rec[k + 1] = j * 0.1f;
                rec[k + 2] = 0.01f; // a plane lifted by 1 cm
            }
        }
        GeometryMetrics m = GeometryMetrics.of(rec, gt, 0.005);
        assertThat(m.accuracy()).isCloseTo(0.01, within(1e-6));
        assertThat(m.completeness()).isCloseTo(0.01, within(1e-6));
        assertThat(m.chamfer()).isCloseTo(0.01, within(1e-6));
        assertThat(m.fScore()).isZero();
        assertThat(GeometryMetrics.of(rec, gt, 0.02).fScore()).isCloseTo(1, within(1e-12));
    }
}
