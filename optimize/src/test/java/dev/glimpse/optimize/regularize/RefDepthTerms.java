package dev.glimpse.optimize.regularize;

/**
 * Plain-Java reference of the image-space depth regularisers (tests only), in double precision: each returns the
 * loss and adds its gradients w.r.t. the rendered depth D and alpha A to {@code vDepth} / {@code vAlpha}, with
 * the same definitions as the GLSL kernels (D_hat = D / A where A >= alphaMin).
 */
final class RefDepthTerms {
    private RefDepthTerms() {}

    /** The per-pixel Cauchy loss scale * w * log(1 + (rho / sigma)^2), rho = (D_hat - t) / t. */
    static double target(double[] d, double[] a, float[] target, double sigma, double scale, double alphaMin,
            double[] vDepth, double[] vAlpha) {
        double loss = 0;
        for (int p = 0; p < d.length; p++) {
            double t = target[2 * p];
            double w = target[2 * p + 1];
            if (w <= 0 || a[p] < alphaMin) {
                continue;
            }
            double dh = d[p] / a[p];
            double rho = (dh - t) / t;
            double q = rho / sigma;
            loss += scale * w * Math.log(1 + q * q);
            chain(p, scale * w * 2 * q / (sigma * (1 + q * q)) / t, d, a, vDepth, vAlpha);
        }
        return loss;
    }

    /** scale * sum over patches of (1 - Pearson corr(D_hat, prior)); patches of side {@code side} from (ox, oy). */
    static double pearson(double[] d, double[] a, float[] prior, int w, int h, int side, int ox, int oy, double scale,
            int minPixels, double alphaMin, double[] vDepth, double[] vAlpha) {
        double loss = 0;
        for (int py = oy; py < h; py += side) {
            for (int px = ox; px < w; px += side) {
                double n = 0, sd = 0, sp = 0, sdd = 0, spp = 0, sdp = 0;
                for (int y = Math.max(0, py); y < Math.min(h, py + side); y++) {
                    for (int x = Math.max(0, px); x < Math.min(w, px + side); x++) {
                        int p = y * w + x;
                        if (prior[p] > 0 && a[p] >= alphaMin) {
                            double dh = d[p] / a[p];
                            n++;
                            sd += dh;
                            sp += prior[p];
                            sdd += dh * dh;
                            spp += (double) prior[p] * prior[p];
                            sdp += dh * prior[p];
                        }
                    }
                }
                if (n < minPixels) {
                    continue;
                }
                double md = sd / n, mp = sp / n;
                double cdd = sdd - n * md * md, cpp = spp - n * mp * mp, cdp = sdp - n * md * mp;
                double norm = 1 / Math.sqrt(cdd * cpp);
                double corr = cdp * norm;
                loss += scale * (1 - corr);
                for (int y = Math.max(0, py); y < Math.min(h, py + side); y++) {
                    for (int x = Math.max(0, px); x < Math.min(w, px + side); x++) {
                        int p = y * w + x;
                        if (prior[p] > 0 && a[p] >= alphaMin) {
                            double g = (prior[p] - mp) * norm - corr * (d[p] / a[p] - md) / cdd;
                            chain(p, -scale * g, d, a, vDepth, vAlpha);
                        }
                    }
                }
            }
        }
        return loss;
    }

    /** Edge-aware Charbonnier smoothness of log D_hat over right and down neighbour pairs. */
    static double smoothness(double[] d, double[] a, float[] rgb, int w, int h, double edgeGain, double scale,
            double alphaMin, double[] vDepth, double[] vAlpha) {
        double eps = 1e-3;
        double loss = 0;
        double[] vLog = new double[d.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (a[p] < alphaMin) {
                    continue;
                }
                int[][] next = {{x + 1, y}, {x, y + 1}};
                for (int[] n : next) {
                    if (n[0] >= w || n[1] >= h) {
                        continue;
                    }
                    int q = n[1] * w + n[0];
                    if (a[q] < alphaMin) {
                        continue;
                    }
                    double diff = 0;
                    for (int c = 0; c < 3; c++) {
                        diff += Math.abs(rgb[3 * p + c] - rgb[3 * q + c]);
                    }
                    double wt = Math.exp(-edgeGain * diff / 3);
                    double z = Math.log(d[q] / a[q]) - Math.log(d[p] / a[p]);
                    loss += scale * wt * (Math.sqrt(z * z + eps * eps) - eps);
                    double g = scale * wt * z / Math.sqrt(z * z + eps * eps);
                    vLog[q] += g;
                    vLog[p] -= g;
                }
            }
        }
        for (int p = 0; p < d.length; p++) {
            if (vLog[p] != 0) {
                chain(p, vLog[p] / (d[p] / a[p]), d, a, vDepth, vAlpha);
            }
        }
        return loss;
    }

    private static void chain(int p, double vHat, double[] d, double[] a, double[] vDepth, double[] vAlpha) {
        vDepth[p] += vHat / a[p];
        vAlpha[p] -= vHat * d[p] / (a[p] * a[p]);
    }
}
