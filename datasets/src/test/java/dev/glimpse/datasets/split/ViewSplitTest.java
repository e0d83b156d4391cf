package dev.glimpse.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Split presets on synthetic view lists whose images are never loaded. */
class ViewSplitTest {
    private static final Intrinsics K = new Intrinsics(8, 8, 8, 8, 4, 4);

    private static View view(String name, String split) {
        Path never = Path.of("not-on-disk", name + ".png");
        return new View(name, split, Camera.pinhole(K, Pose.identity()),
                new ImageFile(never, 8, 8, 1, new Undistortion(K, Distortion.NONE)), null, null, null);
    }

    /** A scene with the given number of views per split, in order; names are split_index. */
    private static Scene scene(Object... splitAndCount) {
        List<View> views = new ArrayList<>();
        for (int i = 0; i < splitAndCount.length; i += 2) {
            String split = (String) splitAndCount[i];
            for (int k = 0; k < (Integer) splitAndCount[i + 1]; k++) {
                views.add(view(split + "_" + k, split));
            }
        }
        return Scene.of("test", Path.of("fake-scene"), views, null, null);
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void evenlySpacedIsRoundedLinspaceWithHalvesToEven() {
        // Expected values from Python: [round(x) for x in numpy.linspace(0, count - 1, n)].
        assertThat(ViewSplit.evenlySpaced(24, 3)).containsExactly(0, 12, 23);
        assertThat(ViewSplit.evenlySpaced(10, 3)).containsExactly(0, 4, 9);
        assertThat(ViewSplit.evenlySpaced(24, 8)).containsExactly(0, 3, 7, 10, 13, 16, 20, 23);
        assertThat(ViewSplit.evenlySpaced(17, 3)).containsExactly(0, 8, 16);
        assertThat(ViewSplit.evenlySpaced(5, 1)).containsExactly(0);
        assertThat(ViewSplit.evenlySpaced(5, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> ViewSplit.evenlySpaced(4, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultUsesTheDatasetSplitsAndIgnoresVal() throws DatasetException {
        Scene s = scene("train", 3, "val", 2, "test", 3);
        assertThat(ViewSplit.defaults().apply(s)).isEqualTo(new Split(new int[] {0, 1, 2}, new int[] {5, 6, 7}));
    }

    @Test
    void defaultWithoutSplitsHoldsOutEveryEighthView() throws DatasetException {
        Scene s = scene("all", 20);
        int[] train = IntStream.range(0, 20).filter(i -> i % 8 != 0).toArray();
        assertThat(ViewSplit.defaults().apply(s)).isEqualTo(new Split(train, new int[] {0, 8, 16}));
        // Kept views are 1..7, 9..15, 17..19; positions round(linspace(0, 16, 3)) = 0, 8, 16.
        assertThat(ViewSplit.defaults().withViews(3).apply(s).train()).containsExactly(1, 10, 19);
    }

    @Test
    void viewsCountOverTheDefaultTrainSplit() throws DatasetException {
        Split split = ViewSplit.defaults().withViews(3).apply(scene("train", 24, "test", 16));
        assertThat(split).isEqualTo(new Split(new int[] {0, 12, 23}, range(24, 40)));
    }

    @Test
    void blenderPresetPicksDietNerfViewsOfTheTrainSplitAndEveryEighthTestView() throws DatasetException {
        Scene s = scene("train", 100, "val", 10, "test", 200);
        Split split = ViewSplit.of(SplitPreset.BLENDER).apply(s);
        assertThat(split.train()).containsExactly(26, 86, 2, 55, 75, 93, 16, 73);
        int[] test = IntStream.range(0, 25).map(k -> 110 + 8 * k).toArray();
        assertThat(split.test()).hasSize(25).containsExactly(test);
        assertThat(split.masked()).isFalse();
    }

    @Test
    void blenderPresetOnASmallSceneSuggestsViews() throws DatasetException {
        Scene s = scene("train", 24, "test", 16);
        assertThatThrownBy(() -> ViewSplit.of(SplitPreset.BLENDER).apply(s)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("fake-scene").hasMessageContaining("only 24 views")
                .hasMessageContaining("--views");
        Split eight = ViewSplit.of(SplitPreset.BLENDER).withViews(8).apply(s);
        assertThat(eight).isEqualTo(new Split(new int[] {0, 3, 7, 10, 13, 16, 20, 23}, new int[] {24, 32}));
    }

    @Test
    void llffPresetIgnoresDatasetSplits() throws DatasetException {
        Scene s = scene("train", 12, "test", 8);
        Split split = ViewSplit.of(SplitPreset.LLFF).apply(s);
        assertThat(split.test()).containsExactly(0, 8, 16);
        assertThat(split.train()).hasSize(17).doesNotContain(0, 8, 16);
        assertThat(ViewSplit.of(SplitPreset.LLFF).withViews(2).apply(s).train()).containsExactly(1, 19);
    }

    @Test
    void dtuPresetIndexesViewsSortedByName() throws DatasetException {
        List<View> views = new ArrayList<>();
        for (int k = 48; k >= 0; k--) {
            views.add(view(String.valueOf(k), "all"));
        }
        Scene s = Scene.of("dtu", Path.of("scan"), views, null, null);
        Split split = ViewSplit.of(SplitPreset.DTU).apply(s);
        // View named k sits at index 48 - k.
        assertThat(split.train()).containsExactly(48 - 25, 48 - 22, 48 - 28);
        int[] testNames = {1, 2, 9, 10, 11, 12, 14, 15, 23, 24, 26, 27, 29, 30, 31, 32, 33, 34, 35, 41, 42, 43, 45,
            46, 47};
        assertThat(split.test()).containsExactly(IntStream.of(testNames).map(k -> 48 - k).toArray());
        assertThat(split.masked()).isTrue();
        assertThat(ViewSplit.of(SplitPreset.DTU).withViews(6).apply(s).train())
                .containsExactly(IntStream.of(25, 22, 28, 40, 44, 48).map(k -> 48 - k).toArray());
        assertThatThrownBy(() -> ViewSplit.of(SplitPreset.DTU).withViews(10).apply(s))
                .isInstanceOf(DatasetException.class).hasMessageContaining("at most 9");
        Scene small = scene("all", 30);
        assertThatThrownBy(() -> ViewSplit.of(SplitPreset.DTU).apply(small)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("sorted by name has only 30 views");
    }

    @Test
    void explicitIdsArePositionsInTheTrainAndTestPools() throws DatasetException {
        Scene s = scene("test", 2, "train", 6, "test", 2);
        Split split = ViewSplit.defaults().withTrainIds(5, 0).withTestIds(3).apply(s);
        assertThat(split).isEqualTo(new Split(new int[] {7, 2}, new int[] {9}));
        Split onlyTrain = ViewSplit.defaults().withTrainIds(1).apply(s);
        assertThat(onlyTrain.test()).containsExactly(0, 1, 8, 9);
        assertThatThrownBy(() -> ViewSplit.defaults().withTrainIds(6).apply(s)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("train ids 6").hasMessageContaining("ids 0..5");
        assertThatThrownBy(() -> ViewSplit.defaults().withTestIds(4).apply(s)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("test ids 4");
    }

    @Test
    void invalidRequests() {
        assertThatThrownBy(() -> ViewSplit.defaults().withTrainIds(1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ViewSplit.defaults().withTrainIds(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat");
        assertThatThrownBy(() -> ViewSplit.defaults().withTrainIds()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewSplit.defaults().withViews(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewSplit.defaults().withViews(3).withTrainIds(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> ViewSplit.defaults().withViews(25).apply(scene("train", 24, "test", 16)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cannot pick 25");
        assertThatThrownBy(() -> ViewSplit.defaults().apply(scene("test", 3)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no views in the 'train' split");
    }

    @Test
    void presetNamesAndNameOrder() {
        assertThat(SplitPreset.named("LLFF")).isEqualTo(SplitPreset.LLFF);
        assertThat(SplitPreset.named("blender").id()).isEqualTo("blender");
        assertThatThrownBy(() -> SplitPreset.named("nerf")).hasMessageContaining("default, blender, llff, dtu");
        assertThat(ViewSplit.compareNames("2", "10")).isNegative();
        assertThat(ViewSplit.compareNames("010", "9")).isPositive();
        assertThat(ViewSplit.compareNames("rect_002", "rect_010")).isNegative();
    }
}
