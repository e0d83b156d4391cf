package dev.glimpse.datasets.scene;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What `glimpse info` reports about a scene, computed without decoding any image: the counts come from which
 * sources the views have, the sizes from the cameras.
 *
 * @param format        detected format name
 * @param viewsPerSplit view count per split name, in first-seen order
 * @param resolutions   distinct image sizes "WxH"
 * @param cameraModels  distinct camera model names as the files gave them
 * @param withDepth     number of views with a depth map
 * @param withMask      number of views with a mask
 * @param withNearFar   number of views with near/far bounds
 * @param sparsePoints  number of sparse points (0 when none)
 * @param meanTrackLength mean number of views that see a sparse point (0 when there are no points)
 * @param surfacePoints whether a ground-truth surface point cloud is present
 * @param bounds        the scene bounds
 */
public record SceneSummary(String format, Map<String, Integer> viewsPerSplit, TreeSet<String> resolutions,
        TreeSet<String> cameraModels, int withDepth, int withMask, int withNearFar, int sparsePoints,
        double meanTrackLength, boolean surfacePoints, SceneBounds bounds) {

    public static SceneSummary of(Scene scene) {
        Map<String, Integer> perSplit = new LinkedHashMap<>();
        TreeSet<String> sizes = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        int depth = 0, mask = 0, nearFar = 0;
        for (View v : scene.views()) {
            perSplit.merge(v.split(), 1, Integer::sum);
            sizes.add(v.camera().width() + "x" + v.camera().height());
            models.add(v.camera().modelName());
            depth += v.depth() != null ? 1 : 0;
            mask += v.mask() != null ? 1 : 0;
            nearFar += v.nearFar() != null ? 1 : 0;
        }
        int points = scene.points() == null ? 0 : scene.points().count();
        long trackTotal = 0;
        for (int p = 0; p < points; p++) {
            trackTotal += scene.points().viewsSeeing()[p].length;
        }
        return new SceneSummary(scene.format(), perSplit, sizes, models, depth, mask, nearFar, points,
                points == 0 ? 0 : (double) trackTotal / points, scene.surfacePoints() != null, scene.bounds());
    }

    public int viewCount() {
        return viewsPerSplit.values().stream().mapToInt(Integer::intValue).sum();
    }
}
