package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.reference.RefGradients;

/**
 * Gradients flattened per parameter group in the GPU buffer layouts, from either the GPU buffers or the
 * reference, so they can be compared group by group.
 */
final class GradientGroups {
    static final String[] NAMES = {"means", "logScales", "quats", "logitOpacity", "sh", "uv"};

    final double[][] groups = new double[NAMES.length][];

    private GradientGroups() {
    }

    static GradientGroups download(SplatBuffers v, GpuBuffer vUv) {
        int n = v.count();
        GradientGroups g = new GradientGroups();
        g.groups[0] = toDouble(v.means().downloadFloats(0, 3 * n));
        g.groups[1] = toDouble(v.logScales().downloadFloats(0, 3 * n));
        g.groups[2] = toDouble(v.quats().downloadFloats(0, 4 * n));
        g.groups[3] = toDouble(v.logitOpacity().downloadFloats(0, n));
        g.groups[4] = toDouble(v.sh().downloadFloats(0, 3 * n * v.shCoefficients()));
        g.groups[5] = vUv == null ? new double[2 * n] : toDouble(vUv.downloadFloats(0, 2 * n));
        return g;
    }

    static GradientGroups of(RefGradients r) {
        int n = r.v_means.length;
        int k = n == 0 ? 0 : r.v_sh[0].length;
        GradientGroups g = new GradientGroups();
        g.groups[0] = flat(r.v_means);
        g.groups[1] = flat(r.v_logScales);
        g.groups[2] = flat(r.v_quats);
        g.groups[3] = r.v_logitOpacity.clone();
        g.groups[4] = new double[3 * k * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    g.groups[4][(i * k + c) * 3 + ch] = r.v_sh[i][c][ch];
                }
            }
        }
        g.groups[5] = flat(r.screen.v_uv);
        return g;
    }

    /** ||this - ref|| / ||ref|| per group; the plain norm of this where the reference group is zero. */
    double[] relativeErrors(GradientGroups ref) {
        double[] out = new double[NAMES.length];
        for (int q = 0; q < NAMES.length; q++) {
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < groups[q].length; i++) {
                double d = groups[q][i] - ref.groups[q][i];
                diff += d * d;
                norm += ref.groups[q][i] * ref.groups[q][i];
            }
            out[q] = norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
        }
        return out;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static double[] flat(double[][] a) {
        int w = a.length == 0 ? 0 : a[0].length;
        double[] d = new double[a.length * w];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, d, i * w, w);
        }
        return d;
    }
}
