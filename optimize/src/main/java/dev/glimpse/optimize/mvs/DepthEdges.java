package dev.glimpse.optimize.mvs;

/**
 * Marks the pixels near a depth discontinuity of a stereo depth map. A matching window that straddles an occlusion
 * boundary sees two surfaces, and the foreground usually wins: the background next to an edge takes the
 * foreground's depth ("edge fattening"), which geometric consistency between views rarely catches, because every
 * view fattens the same way. Those are most of the stereo's large errors, so pixels within a window's reach of a
 * jump are dropped. Inverse depth is affine in pixel coordinates on any plane, so its second difference is zero on
 * a floor seen at a grazing angle however fast its depth grows, and large only where the surface breaks.
 */
final class DepthEdges {
    private DepthEdges() {}

    /**
     * @param depth  depth per pixel, row-major, 0 = none
     * @param jump   a second difference of inverse depth (along a row or a column) above this share of the pixel's
     *               inverse depth marks a discontinuity
     * @param radius pixels within this Chebyshev distance of a discontinuity are marked
     * @return true where a pixel is near a discontinuity
     */
    static boolean[] near(float[] depth, int width, int height, double jump, int radius) {
        boolean[] edge = new boolean[depth.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (depth[p] <= 0) {
                    continue;
                }
                boolean row = x > 0 && x + 1 < width && breaks(depth[p - 1], depth[p], depth[p + 1], jump);
                boolean column = y > 0 && y + 1 < height
                        && breaks(depth[p - width], depth[p], depth[p + width], jump);
                edge[p] = row || column;
            }
        }
        return dilate(edge, width, height, radius);
    }

    private static boolean breaks(float before, float at, float after, double jump) {
        if (before <= 0 || after <= 0) {
            return false;
        }
        double secondDifference = 1 / before - 2 / at + 1 / after;
        return Math.abs(secondDifference) > jump / at;
    }

    /** Square dilation, separably: every row, then every column. */
    private static boolean[] dilate(boolean[] in, int width, int height, int radius) {
        boolean[] rows = new boolean[in.length];
        for (int y = 0; y < height; y++) {
            dilateLine(in, rows, y * width, 1, width, radius);
        }
        boolean[] out = new boolean[in.length];
        for (int x = 0; x < width; x++) {
            dilateLine(rows, out, x, width, height, radius);
        }
        return out;
    }

    /** One line of {@code count} samples from {@code start}, {@code stride} apart: marks within radius of a mark. */
    private static void dilateLine(boolean[] in, boolean[] out, int start, int stride, int count, int radius) {
        int last = -radius - 1;
        for (int i = 0; i < count; i++) {
            if (in[start + i * stride]) {
                last = i;
            }
            out[start + i * stride] = i - last <= radius;
        }
        last = count + radius + 1;
        for (int i = count - 1; i >= 0; i--) {
            if (in[start + i * stride]) {
                last = i;
            }
            out[start + i * stride] |= last - i <= radius;
        }
    }
}
