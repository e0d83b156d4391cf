package dev.glimpse.optimize.splat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.reference.RefForwardResult;
import dev.glimpse.optimize.reference.RefScenes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The duplicate/sort/tile-range stages against a plain-Java bucketisation of the GPU's own projection output
 * (tile rectangles and depths), so the check is independent of float-vs-double projection differences; and the
 * resulting per-tile lists against the reference's.
 */
class TileListTest extends GpuTestSupport {

    @Test
    void tileRunsHoldEachTilesGaussiansSortedByDepthThenIndex() {
        try (SplatRasterizer r = new SplatRasterizer(ctx)) {
            for (int seed = 100; seed < 110; seed++) {
                RefScenes.Scene s = GpuScene.rounded(RefScenes.fuzzed(seed));
                checkScene(r, s);
            }
            checkScene(r, GpuScene.rounded(HandScenes.depthTie()));
            checkScene(r, GpuScene.rounded(HandScenes.edges()));
        }
    }

    private static void checkScene(SplatRasterizer r, RefScenes.Scene s) {
        SplatBuffers params = GpuScene.upload(ctx, s.gaussians());
        RasterOutput out = r.forward(params, s.activeDegree(), GpuScene.camera(s.camera()), GpuScene.background(s));
        int n = params.count();
        int[] touched = out.projected.tilesTouched.downloadInts(0, n);
        int[] rects = out.projected.tileRects.downloadInts(0, 4 * n);
        float[] depths = out.projected.depths.downloadFloats(0, n);
        int numTiles = out.tilesX * out.tilesY;
        List<List<Integer>> expected = new ArrayList<>();
        for (int t = 0; t < numTiles; t++) {
            expected.add(new ArrayList<>());
        }
        for (int g = 0; g < n; g++) {
            if (touched[g] == 0) {
                continue;
            }
            for (int ty = rects[4 * g + 1]; ty < rects[4 * g + 3]; ty++) {
                for (int tx = rects[4 * g]; tx < rects[4 * g + 2]; tx++) {
                    expected.get(ty * out.tilesX + tx).add(g);
                }
            }
        }
        int total = 0;
        for (List<Integer> tile : expected) {
            tile.sort(Comparator.<Integer>comparingDouble(g -> depths[g]).thenComparingInt(g -> g));
            total += tile.size();
        }
        assertThat(out.intersections()).isEqualTo(total);
        int[] ranges = out.list.tileRanges.downloadInts(0, 2 * numTiles);
        int[] ids = out.list.gaussianIds.downloadInts(0, total);
        RefForwardResult f = s.forward();
        for (int t = 0; t < numTiles; t++) {
            List<Integer> actual = new ArrayList<>();
            for (int k = ranges[2 * t]; k < ranges[2 * t + 1]; k++) {
                actual.add(ids[k]);
            }
            assertThat(actual).as("tile %d", t).containsExactlyElementsOf(expected.get(t));
            assertThat(actual).as("tile %d against the reference", t).containsExactly(
                    java.util.Arrays.stream(f.tileLists[t]).boxed().toArray(Integer[]::new));
        }
        GpuScene.close(params);
    }
}
