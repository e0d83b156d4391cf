package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.reference.RefCamera;
import dev.glimpse.optimize.reference.RefGaussians;
import dev.glimpse.optimize.reference.RefScenes;

/** Uploads reference scenes (double precision) to the GPU layout the rasteriser consumes, and back. */
final class GpuScene {
    private GpuScene() {
    }

    /**
     * The scene with parameters, camera and background rounded to float, so the double reference sees exactly
     * the inputs the GPU gets and only the arithmetic differs.
     */
    static RefScenes.Scene rounded(RefScenes.Scene s) {
        RefGaussians g = s.gaussians().copy();
        for (int i = 0; i < g.size(); i++) {
            round(g.means[i]);
            round(g.logScales[i]);
            round(g.quats[i]);
            g.logitOpacity[i] = (float) g.logitOpacity[i];
            for (double[] row : g.sh[i]) {
                round(row);
            }
        }
        RefCamera c = s.camera();
        double[][] r = new double[3][];
        for (int a = 0; a < 3; a++) {
            r[a] = c.rotation()[a].clone();
            round(r[a]);
        }
        double[] t = c.translation().clone();
        round(t);
        RefCamera cam = new RefCamera(r, t, (float) c.fx(), (float) c.fy(), (float) c.cx(), (float) c.cy(),
                c.width(), c.height());
        double[] bg = s.background().clone();
        round(bg);
        return new RefScenes.Scene(g, cam, s.activeDegree(), bg, s.v_rgb(), s.v_alpha(), s.v_depth());
    }

    private static void round(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a[i];
        }
    }

    static SplatCamera camera(RefCamera cam) {
        double[][] r = cam.rotation();
        double[] t = cam.translation();
        float[] m = new float[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[col * 4 + row] = (float) r[row][col];
            }
            m[12 + row] = (float) t[row];
        }
        m[15] = 1;
        double[] c = cam.center();
        return new SplatCamera(m, new float[] {(float) c[0], (float) c[1], (float) c[2]}, (float) cam.fx(),
                (float) cam.fy(), (float) cam.cx(), (float) cam.cy(), cam.width(), cam.height(),
                SplatCamera.DEFAULT_NEAR);
    }

    /** Parameter buffers of {@code g}, each with a poisoned spare word beyond the live data. */
    static SplatBuffers upload(GlContext ctx, RefGaussians g) {
        int n = g.size();
        int k = (g.degree + 1) * (g.degree + 1);
        float[] means = new float[3 * n];
        float[] logScales = new float[3 * n];
        float[] quats = new float[4 * n];
        float[] opacity = new float[n];
        float[] sh = new float[3 * k * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                means[3 * i + a] = (float) g.means[i][a];
                logScales[3 * i + a] = (float) g.logScales[i][a];
            }
            for (int a = 0; a < 4; a++) {
                quats[4 * i + a] = (float) g.quats[i][a];
            }
            opacity[i] = (float) g.logitOpacity[i];
            for (int c = 0; c < k; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    sh[(i * k + c) * 3 + ch] = (float) g.sh[i][c][ch];
                }
            }
        }
        return new SplatBuffers(buffer(ctx, "means", means), buffer(ctx, "logScales", logScales),
                buffer(ctx, "quats", quats), buffer(ctx, "logitOpacity", opacity), buffer(ctx, "sh", sh), n, g.degree);
    }

    /** Zeroed gradient buffers shaped like {@code g}. */
    static SplatBuffers zeroGradients(GlContext ctx, RefGaussians g) {
        int n = g.size();
        int k = (g.degree + 1) * (g.degree + 1);
        return new SplatBuffers(zeros(ctx, "v_means", 3 * n), zeros(ctx, "v_logScales", 3 * n),
                zeros(ctx, "v_quats", 4 * n), zeros(ctx, "v_logitOpacity", n), zeros(ctx, "v_sh", 3 * k * n), n,
                g.degree);
    }

    static GpuBuffer buffer(GlContext ctx, String label, float[] data) {
        GpuBuffer b = GpuBuffer.create(ctx, 4L * data.length + 4, label);
        b.upload(0, data);
        return b;
    }

    static GpuBuffer zeros(GlContext ctx, String label, int words) {
        GpuBuffer b = GpuBuffer.create(ctx, 4L * words, label);
        b.clear();
        return b;
    }

    static void close(SplatBuffers b) {
        b.means().close();
        b.logScales().close();
        b.quats().close();
        b.logitOpacity().close();
        b.sh().close();
    }

    static float[] flatRgb(double[][][] image) {
        int h = image.length;
        int w = image[0].length;
        float[] out = new float[3 * w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    out[3 * (j * w + i) + ch] = (float) image[j][i][ch];
                }
            }
        }
        return out;
    }

    static float[] flat(double[][] image) {
        int h = image.length;
        int w = image[0].length;
        float[] out = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                out[j * w + i] = (float) image[j][i];
            }
        }
        return out;
    }

    static float[] background(RefScenes.Scene s) {
        return new float[] {(float) s.background()[0], (float) s.background()[1], (float) s.background()[2]};
    }
}
