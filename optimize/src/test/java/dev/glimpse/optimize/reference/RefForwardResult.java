package dev.glimpse.optimize.reference;

import java.util.Arrays;

/**
 * Output images of the reference rasteriser plus the saved state its backward consumes (the projection,
 * the per-tile depth-sorted lists, each pixel's final transmittance and its contributors).
 *
 * <p>Image arrays are indexed [row j][column i]. A "contributor" of a pixel is a Gaussian actually blended
 * into it (alpha &gt;= 1/255 and not stopped by the transmittance cut-off), listed front to back.
 */
public final class RefForwardResult {

    public final RefProjection projection;
    public final double[] background;          // [3]
    public final int width;
    public final int height;
    public final int[][] tileLists;            // [tilesY * tilesX][] Gaussian ids sorted by (depth, id)
    public final double[][][] rgb;             // [H][W][3]
    public final double[][] alpha;             // [H][W] accumulated alpha, 1 - T_final
    public final double[][] depth;             // [H][W] expected depth sum z alpha T (not normalised)
    public final double[][] finalT;            // [H][W] T_final
    public final int[][][] contributors;       // [H][W][numContributors] Gaussian ids, front to back
    public final boolean[][][] alphaSaturated; // [H][W][numContributors] true where alpha hit the 0.99 clamp
    public final int[][] lastContributor;      // [H][W] 1 + position in the tile list of the last contributor
    public final boolean[][] cutOff;           // [H][W] true where the 1e-4 transmittance cut-off ended the walk

    RefForwardResult(RefProjection projection, double[] background, int width, int height, int[][] tileLists) {
        this.projection = projection;
        this.background = background.clone();
        this.width = width;
        this.height = height;
        this.tileLists = tileLists;
        rgb = new double[height][width][3];
        alpha = new double[height][width];
        depth = new double[height][width];
        finalT = new double[height][width];
        contributors = new int[height][width][];
        alphaSaturated = new boolean[height][width][];
        lastContributor = new int[height][width];
        cutOff = new boolean[height][width];
    }

    /** Number of Gaussians blended into pixel (i, j). */
    public int numContributors(int i, int j) {
        return contributors[j][i].length;
    }

    /**
     * True when {@code other} took the same branch at every non-differentiable point (culling, clamps,
     * contributor sets and order, alpha saturation), i.e. the loss is smooth on the segment between the two
     * parameter vectors as far as this pipeline can tell. Finite differences across a change are meaningless.
     */
    public boolean sameBranches(RefForwardResult other) {
        return projection.sameBranches(other.projection)
                && Arrays.deepEquals(contributors, other.contributors)
                && Arrays.deepEquals(alphaSaturated, other.alphaSaturated)
                && Arrays.deepEquals(cutOff, other.cutOff);
    }

    /** The scalar loss sum(v_rgb rgb) + sum(v_alpha alpha) + sum(v_depth depth). */
    public double dot(double[][][] v_rgb, double[][] v_alpha, double[][] v_depth) {
        double l = 0;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    l += v_rgb[j][i][ch] * rgb[j][i][ch];
                }
                l += v_alpha[j][i] * alpha[j][i] + v_depth[j][i] * depth[j][i];
            }
        }
        return l;
    }
}
