package dev.glimpse.optimize.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reference tile rasteriser: forward compositing and its backward, per pixel, exactly as the GPU kernels are
 * meant to do it.
 *
 * <p>Tiles are {@code tileSize} pixels square, tile (tx, ty) covers columns [tx ts, (tx+1) ts) and rows
 * [ty ts, (ty+1) ts); a Gaussian is listed in every tile of its rectangle, lists sorted by increasing depth
 * t.z, ties by increasing Gaussian id. For pixel (i, j) with centre (i + 0.5, j + 0.5) the list of its tile is
 * walked front to back: d = centre - (u, v); power = -0.5 (a dx^2 + c dy^2) - b dx dy, skipped if &gt; 0;
 * alpha = min(0.99, opacity exp(power)), skipped if &lt; 1/255; the walk stops (that splat not added) when
 * T (1 - alpha) &lt; 1e-4. Outputs: rgb = sum c alpha T + T_final background, alpha = 1 - T_final,
 * depth = sum z alpha T.
 */
public final class RefRasterizer {

    /** Cap on a single splat's alpha. */
    public static final double MAX_ALPHA = 0.99;
    /** Splats fainter than this at a pixel are skipped. */
    public static final double MIN_ALPHA = 1.0 / 255.0;
    /** Compositing stops before transmittance would drop below this. */
    public static final double MIN_TRANSMITTANCE = 1e-4;

    private RefRasterizer() {
    }

    /** Composites the projected Gaussians over {@code background} [3]. */
    public static RefForwardResult forward(RefProjection p, RefCamera cam, double[] background) {
        int ts = p.tileSize;
        int tilesX = cam.tilesX(ts);
        int tilesY = cam.tilesY(ts);
        int[][] tileLists = buildTileLists(p, tilesX, tilesY);
        RefForwardResult f = new RefForwardResult(p, background, cam.width(), cam.height(), tileLists);
        for (int j = 0; j < cam.height(); j++) {
            for (int i = 0; i < cam.width(); i++) {
                compositePixel(f, tileLists[(j / ts) * tilesX + i / ts], i, j);
            }
        }
        return f;
    }

    private static int[][] buildTileLists(RefProjection p, int tilesX, int tilesY) {
        Integer[] order = IntStream.range(0, p.size()).filter(n -> p.valid[n]).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(n -> p.depth[n]).thenComparingInt(n -> n));
        int[][] lists = new int[tilesX * tilesY][];
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                List<Integer> list = new ArrayList<>();
                for (int n : order) {
                    int[] r = p.tileRect[n];
                    if (tx >= r[0] && tx < r[2] && ty >= r[1] && ty < r[3]) {
                        list.add(n);
                    }
                }
                lists[ty * tilesX + tx] = list.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return lists;
    }

    private static void compositePixel(RefForwardResult f, int[] list, int i, int j) {
        RefProjection p = f.projection;
        double t = 1.0;
        double[] rgb = f.rgb[j][i];
        int[] ids = new int[list.length];
        boolean[] saturated = new boolean[list.length];
        int count = 0;
        for (int pos = 0; pos < list.length; pos++) {
            int n = list[pos];
            double power = power(p, n, i, j);
            if (power > 0) {
                continue;
            }
            double raw = p.opacity[n] * Math.exp(power);
            double alpha = Math.min(MAX_ALPHA, raw);
            if (alpha < MIN_ALPHA) {
                continue;
            }
            double nextT = t * (1 - alpha);
            if (nextT < MIN_TRANSMITTANCE) {
                f.cutOff[j][i] = true;
                break;
            }
            for (int ch = 0; ch < 3; ch++) {
                rgb[ch] += p.color[n][ch] * alpha * t;
            }
            f.depth[j][i] += p.depth[n] * alpha * t;
            t = nextT;
            ids[count] = n;
            saturated[count] = raw > MAX_ALPHA;
            count++;
            f.lastContributor[j][i] = pos + 1;
        }
        for (int ch = 0; ch < 3; ch++) {
            rgb[ch] += t * f.background[ch];
        }
        f.alpha[j][i] = 1 - t;
        f.finalT[j][i] = t;
        f.contributors[j][i] = Arrays.copyOf(ids, count);
        f.alphaSaturated[j][i] = Arrays.copyOf(saturated, count);
    }

    /** Exponent -0.5 d^T conic d of Gaussian n at the centre of pixel (i, j). */
    static double power(RefProjection p, int n, int i, int j) {
        double dx = i + 0.5 - p.uv[n][0];
        double dy = j + 0.5 - p.uv[n][1];
        double[] q = p.conic[n];
        return -0.5 * (q[0] * dx * dx + q[2] * dy * dy) - q[1] * dx * dy;
    }

    /**
     * Backward of {@link #forward}: given the image cotangents v_rgb [H][W][3], v_alpha [H][W],
     * v_depth [H][W], returns the screen-space gradients. Each pixel walks its contributors back to front,
     * recovering T_i = T_{i+1} / (1 - alpha_i) from T_final and keeping the running sums
     * S = sum over splats behind of c alpha T (and the same for depth):
     * dL/dalpha_i = sum_ch v_rgb (c T_i - (S + T_final bg) / (1 - alpha_i))
     * + v_depth (z T_i - S_z / (1 - alpha_i)) + v_alpha T_final / (1 - alpha_i).
     * Where alpha was clamped at 0.99 the opacity, conic and centre get no gradient from that pixel.
     */
    public static RefRasterGrads backward(RefForwardResult f, double[][][] v_rgb, double[][] v_alpha,
            double[][] v_depth) {
        RefRasterGrads g = new RefRasterGrads(f.projection.size());
        for (int j = 0; j < f.height; j++) {
            for (int i = 0; i < f.width; i++) {
                backwardPixel(f, g, i, j, v_rgb[j][i], v_alpha[j][i], v_depth[j][i]);
            }
        }
        return g;
    }

    private static void backwardPixel(RefForwardResult f, RefRasterGrads g, int i, int j, double[] vRgb,
            double vAlpha, double vDepth) {
        RefProjection p = f.projection;
        double finalT = f.finalT[j][i];
        double t = finalT;
        double[] sumColor = new double[3];
        double sumDepth = 0;
        int[] ids = f.contributors[j][i];
        for (int k = ids.length - 1; k >= 0; k--) {
            int n = ids[k];
            double dx = i + 0.5 - p.uv[n][0];
            double dy = j + 0.5 - p.uv[n][1];
            double gauss = Math.exp(power(p, n, i, j));
            double raw = p.opacity[n] * gauss;
            double alpha = Math.min(MAX_ALPHA, raw);
            double oneMinus = 1 - alpha;
            t /= oneMinus;
            double weight = alpha * t;
            double v_a = vAlpha * finalT / oneMinus;
            for (int ch = 0; ch < 3; ch++) {
                g.v_color[n][ch] += weight * vRgb[ch];
                v_a += vRgb[ch] * (p.color[n][ch] * t - (sumColor[ch] + finalT * f.background[ch]) / oneMinus);
                sumColor[ch] += p.color[n][ch] * weight;
            }
            g.v_depth[n] += weight * vDepth;
            v_a += vDepth * (p.depth[n] * t - sumDepth / oneMinus);
            sumDepth += p.depth[n] * weight;
            if (raw > MAX_ALPHA) {
                continue;
            }
            g.v_opacity[n] += gauss * v_a;
            double v_power = raw * v_a;
            double[] q = p.conic[n];
            g.v_conic[n][0] += -0.5 * dx * dx * v_power;
            g.v_conic[n][1] += -dx * dy * v_power;
            g.v_conic[n][2] += -0.5 * dy * dy * v_power;
            // d = centre - uv, so the centre gradient is minus the offset gradient.
            g.v_uv[n][0] -= (-q[0] * dx - q[1] * dy) * v_power;
            g.v_uv[n][1] -= (-q[1] * dx - q[2] * dy) * v_power;
        }
    }
}
