package dev.glimpse.datasets.scene;

/**
 * Sparse 3D points from structure from motion (or any point cloud shipped with a dataset), in world units.
 *
 * @param xyz         positions [count][3]
 * @param rgb         colours in [0, 1] [count][3]
 * @param error       mean reprojection error in pixels [count] (NaN when unknown); DS-NeRF weights depth
 *                    supervision by it
 * @param viewsSeeing for each point, the indices into {@link Scene#views()} of the views that observed it
 *                    [count][track length] (empty arrays when unknown)
 */
public record SparsePoints(float[] xyz, float[] rgb, float[] error, int[][] viewsSeeing) {
    public SparsePoints {
        int n = error.length;
        if (xyz.length != 3 * n || rgb.length != 3 * n || viewsSeeing.length != n) {
            throw new IllegalArgumentException("sparse point arrays disagree on the point count");
        }
    }

    public int count() {
        return error.length;
    }
}
