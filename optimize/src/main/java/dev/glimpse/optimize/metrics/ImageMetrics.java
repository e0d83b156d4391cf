package dev.glimpse.optimize.metrics;

/**
 * Image quality metrics on [0, 1] RGB images stored as interleaved floats with a given channel stride
 * (3 for RGB, 4 for RGBA; only the first three channels count). These are the evaluation definitions in
 * SPLATTING.md and the plain-Java reference for the GPU loss kernels.
 */
public final class ImageMetrics {
    /** SSIM window: 11 x 11 Gaussian with sigma 1.5. */
    public static final int SSIM_WINDOW = 11;
    public static final double SSIM_SIGMA = 1.5;
    static final double C1 = 0.01 * 0.01;
    static final double C2 = 0.03 * 0.03;

    private ImageMetrics() {}

    /**
     * PSNR = -10 log10(MSE) over the RGB channels of the pixels where {@code mask} is true (all pixels when mask
     * is null). Infinite for identical images.
     */
    public static double psnr(float[] a, float[] b, int width, int height, int stride, boolean[] mask) {
        double sum = 0;
        long n = 0;
        for (int p = 0; p < width * height; p++) {
            if (mask != null && !mask[p]) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                double d = a[p * stride + c] - b[p * stride + c];
                sum += d * d;
            }
            n += 3;
        }
        if (n == 0) {
            throw new IllegalArgumentException("PSNR over an empty mask");
        }
        return -10 * Math.log10(sum / n);
    }

    /** The normalised 1-D Gaussian of the SSIM window; the 2-D window is its outer product. */
    public static double[] ssimKernel() {
        double[] g = new double[SSIM_WINDOW];
        double sum = 0;
        int r = SSIM_WINDOW / 2;
        for (int i = 0; i < SSIM_WINDOW; i++) {
            g[i] = Math.exp(-((i - r) * (i - r)) / (2 * SSIM_SIGMA * SSIM_SIGMA));
            sum += g[i];
        }
        for (int i = 0; i < SSIM_WINDOW; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /**
     * Mean SSIM over pixels and the three colour channels. Local statistics are Gaussian-weighted with zero
     * padding outside the image (a "same"-size convolution), the definition the 3D Gaussian splatting reference
     * uses in both its training loss and its evaluation, so figures compare with published ones.
     */
    public static double ssim(float[] a, float[] b, int width, int height, int stride) {
        double[] map = ssimMap(a, b, width, height, stride);
        double sum = 0;
        for (double v : map) {
            sum += v;
        }
        return sum / map.length;
    }

    /** Per-pixel, per-channel SSIM values [height][width][3]. */
    public static double[] ssimMap(float[] a, float[] b, int width, int height, int stride) {
        int n = width * height;
        double[] out = new double[n * 3];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] tmp = new double[n];
        double[] prod = new double[n];
        double[] g = ssimKernel();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < n; p++) {
                x[p] = a[p * stride + c];
                y[p] = b[p * stride + c];
            }
            double[] mx = blur(x, width, height, g, tmp);
            double[] my = blur(y, width, height, g, tmp);
            double[] sxx = blur(square(x, x, prod), width, height, g, tmp);
            double[] syy = blur(square(y, y, prod), width, height, g, tmp);
            double[] sxy = blur(square(x, y, prod), width, height, g, tmp);
            for (int p = 0; p < n; p++) {
                double vx = sxx[p] - mx[p] * mx[p];
                double vy = syy[p] - my[p] * my[p];
                double cxy = sxy[p] - mx[p] * my[p];
                out[p * 3 + c] = ((2 * mx[p] * my[p] + C1) * (2 * cxy + C2))
                        / ((mx[p] * mx[p] + my[p] * my[p] + C1) * (vx + vy + C2));
            }
        }
        return out;
    }

    private static double[] square(double[] u, double[] v, double[] out) {
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] * v[i];
        }
        return out;
    }

    /** Separable Gaussian blur with zero padding; returns a new array (tmp is scratch of the same size). */
    static double[] blur(double[] in, int w, int h, double[] g, double[] tmp) {
        int r = g.length / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < w) {
                        s += g[k + r] * in[y * w + xx];
                    }
                }
                tmp[y * w + x] = s;
            }
        }
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = y + k;
                    if (yy >= 0 && yy < h) {
                        s += g[k + r] * tmp[yy * w + x];
                    }
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
