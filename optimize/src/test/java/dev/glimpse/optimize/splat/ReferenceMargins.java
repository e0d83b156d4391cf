package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.reference.RefCamera;
import dev.glimpse.optimize.reference.RefForwardResult;
import dev.glimpse.optimize.reference.RefMath;
import dev.glimpse.optimize.reference.RefProjection;
import dev.glimpse.optimize.reference.RefRasterizer;

/**
 * Where float32 may legitimately take another branch than the double reference: pixels whose walk passes a
 * splat with alpha within a hair of 1/255 or a transmittance within a hair of the 1e-4 cut-off, and Gaussians
 * whose radius or tile rectangle bounds sit within a hair of an integer, or whose depth nearly ties another's.
 * The comparison excuses only what such a near-threshold case can actually change; everything else must match
 * the reference to float accuracy.
 */
final class ReferenceMargins {
    /** Relative width of the band around a threshold inside which float and double may disagree. */
    static final double RELATIVE_MARGIN = 1e-4;
    /** Depths come from a 4-term dot product (error of a few ulps), so near-ties need a narrower band. */
    static final double DEPTH_MARGIN = 1e-5;

    final boolean[][] pixelNearThreshold; // [H][W] alpha or transmittance within a hair of a threshold
    final boolean[] rectNearInteger;       // [N] radius or tile-rectangle bound within a hair of an integer
    final boolean[] depthNearTie;          // [N] depth within a hair of another's (but not equal)
    final int pixelsNearThreshold;

    ReferenceMargins(RefForwardResult f, RefCamera cam) {
        RefProjection p = f.projection;
        int ts = p.tileSize;
        int tilesX = cam.tilesX(ts);
        rectNearInteger = new boolean[p.size()];
        depthNearTie = new boolean[p.size()];
        for (int n = 0; n < p.size(); n++) {
            rectNearInteger[n] = p.valid[n] && rectNearInteger(p, n, ts);
            depthNearTie[n] = p.valid[n] && depthNearTie(p, n);
        }
        pixelNearThreshold = new boolean[f.height][f.width];
        int count = 0;
        for (int j = 0; j < f.height; j++) {
            for (int i = 0; i < f.width; i++) {
                boolean near = pixelNearThreshold(p, f.tileLists[(j / ts) * tilesX + i / ts], i, j);
                pixelNearThreshold[j][i] = near;
                count += near ? 1 : 0;
            }
        }
        pixelsNearThreshold = count;
    }

    /**
     * Pixels the comparison skips: those near an alpha/transmittance threshold, every pixel in the tiles of a
     * Gaussian whose GPU tile rectangle differs from the reference's ({@code gpuRects} [N][4], all zero when
     * culled), and pixels a near-tied Gaussian contributes to (its order may swap).
     */
    boolean[][] excusedPixels(RefForwardResult f, int[] gpuRects) {
        RefProjection p = f.projection;
        int ts = p.tileSize;
        boolean[][] excused = new boolean[f.height][];
        for (int j = 0; j < f.height; j++) {
            excused[j] = pixelNearThreshold[j].clone();
        }
        for (int n = 0; n < p.size(); n++) {
            int[] gpu = java.util.Arrays.copyOfRange(gpuRects, 4 * n, 4 * n + 4);
            if (!java.util.Arrays.equals(gpu, p.valid[n] ? p.tileRect[n] : new int[4])) {
                for (int[] r : new int[][] {gpu, p.tileRect[n]}) {
                    for (int j = r[1] * ts; j < Math.min(f.height, r[3] * ts); j++) {
                        for (int i = r[0] * ts; i < Math.min(f.width, r[2] * ts); i++) {
                            excused[j][i] = true;
                        }
                    }
                }
            }
        }
        for (int j = 0; j < f.height; j++) {
            for (int i = 0; i < f.width; i++) {
                for (int n : f.contributors[j][i]) {
                    excused[j][i] |= depthNearTie[n];
                }
            }
        }
        return excused;
    }

    private static boolean rectNearInteger(RefProjection p, int n, int ts) {
        double extent = 3.0 * Math.sqrt(RefMath.largestEigenvalue2x2(p.cov2d[n]));
        double r = p.radius[n];
        return nearInteger(extent) || nearInteger((p.uv[n][0] - r) / ts) || nearInteger((p.uv[n][0] + r) / ts)
                || nearInteger((p.uv[n][1] - r) / ts) || nearInteger((p.uv[n][1] + r) / ts);
    }

    private static boolean depthNearTie(RefProjection p, int n) {
        for (int m = 0; m < p.size(); m++) {
            double gap = Math.abs(p.depth[m] - p.depth[n]);
            // An exact tie is no ambiguity: both break it by index.
            if (m != n && p.valid[m] && gap > 0 && gap < DEPTH_MARGIN * p.depth[n]) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearInteger(double x) {
        return Math.abs(x - Math.rint(x)) < RELATIVE_MARGIN * Math.max(1, Math.abs(x));
    }

    private static boolean pixelNearThreshold(RefProjection p, int[] list, int i, int j) {
        double t = 1;
        for (int n : list) {
            double dx = i + 0.5 - p.uv[n][0];
            double dy = j + 0.5 - p.uv[n][1];
            double[] q = p.conic[n];
            double power = -0.5 * (q[0] * dx * dx + q[2] * dy * dy) - q[1] * dx * dy;
            double raw = p.opacity[n] * Math.exp(power);
            double alpha = Math.min(RefRasterizer.MAX_ALPHA, raw);
            if (near(alpha, RefRasterizer.MIN_ALPHA) || near(raw, RefRasterizer.MAX_ALPHA)) {
                return true;
            }
            if (alpha < RefRasterizer.MIN_ALPHA) {
                continue;
            }
            double next = t * (1 - alpha);
            if (Math.abs(next - RefRasterizer.MIN_TRANSMITTANCE) < 10 * RELATIVE_MARGIN
                    * RefRasterizer.MIN_TRANSMITTANCE) {
                return true;
            }
            if (next < RefRasterizer.MIN_TRANSMITTANCE) {
                return false;
            }
            t = next;
        }
        return false;
    }

    private static boolean near(double value, double threshold) {
        return Math.abs(value - threshold) < RELATIVE_MARGIN * threshold;
    }
}
