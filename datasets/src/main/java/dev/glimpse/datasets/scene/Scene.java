package dev.glimpse.datasets.scene;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded dataset in Glimpse's one convention: OpenCV world-to-camera poses, pinhole intrinsics at the loaded
 * resolution (lens distortion already removed from the images), metric depth in world units, images decoded
 * lazily. Every loader produces this; everything downstream consumes only this.
 *
 * @param format        the detected format ("blender", "nerfstudio", "colmap", "llff", "dtu")
 * @param root          the dataset folder
 * @param views         all views of all splits, in the dataset's order
 * @param points        sparse 3D points, or null
 * @param surfacePoints ground-truth surface point cloud for geometry metrics (our datasets' points.ply), or null
 * @param bounds        camera centre, extent and content box
 */
public record Scene(String format, Path root, List<View> views, SparsePoints points, Path surfacePoints,
        SceneBounds bounds) {
    public Scene {
        if (views.isEmpty()) {
            throw new IllegalArgumentException(root + ": scene has no views");
        }
        views = List.copyOf(views);
    }

    /** Builds a scene, computing its bounds from the views and points. */
    public static Scene of(String format, Path root, List<View> views, SparsePoints points, Path surfacePoints) {
        return new Scene(format, root, views, points, surfacePoints, SceneBounds.of(views, points));
    }

    public Optional<SparsePoints> sparsePoints() {
        return Optional.ofNullable(points);
    }

    public Optional<Path> surfacePointCloud() {
        return Optional.ofNullable(surfacePoints);
    }

    /** Indices of the views whose split is the given one. */
    public int[] indicesOfSplit(String split) {
        return java.util.stream.IntStream.range(0, views.size())
                .filter(i -> views.get(i).split().equals(split)).toArray();
    }
}
