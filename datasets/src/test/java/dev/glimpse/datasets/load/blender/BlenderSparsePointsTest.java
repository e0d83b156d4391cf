package dev.glimpse.datasets.load.blender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.load.colmap.ColmapModel;
import dev.glimpse.datasets.load.colmap.ColmapText;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A COLMAP model beside Blender transforms supplies the scene's sparse points, tracks mapped to Blender views. */
class BlenderSparsePointsTest {
    private static final String MATRIX = "[[1,0,0,0],[0,1,0,0],[0,0,1,4],[0,0,0,1]]";

    @TempDir
    Path dir;

    /**
     * Views train/r_0 and train/r_1; the model has r_1 (named relative to the dataset folder), a.png (relative to
     * images/, also a view) and extra.png, which is no view. Point 100 is seen by all three, point 101 by extra only.
     */
    private void writeDataset() throws IOException {
        TestPngs.rgba(dir.resolve("train/r_0.png"), 8, 6);
        TestPngs.rgba(dir.resolve("train/r_1.png"), 8, 6);
        TestPngs.rgba(dir.resolve("images/a.png"), 8, 6);
        Files.writeString(dir.resolve("transforms_train.json"), "{\"camera_angle_x\": 0.6, \"frames\": ["
                + "{\"file_path\": \"./train/r_0\", \"transform_matrix\": " + MATRIX + "},"
                + "{\"file_path\": \"./train/r_1\", \"transform_matrix\": " + MATRIX + "}]}");
        Files.writeString(dir.resolve("transforms_test.json"), "{\"camera_angle_x\": 0.6, \"frames\": ["
                + "{\"file_path\": \"images/a.png\", \"transform_matrix\": " + MATRIX + "}]}");
        Path sparse = Files.createDirectories(dir.resolve("sparse/0"));
        Files.writeString(sparse.resolve("cameras.txt"), "1 PINHOLE 8 6 7 7 4 3\n");
        Files.writeString(sparse.resolve("images.txt"), """
                5 1 0 0 0 0 0 4 1 ../train/r_1.png
                1 1 100 2 2 101
                6 1 0 0 0 0 0 4 1 extra.png
                1 1 100 2 2 101
                7 1 0 0 0 0 0 4 1 a.png
                3 3 100
                """);
        Files.writeString(sparse.resolve("points3D.txt"), """
                100 0.5 -1 2 255 0 51 0.25 7 0 6 0 5 0
                101 3 4 5 0 0 0 1.5 6 1
                """);
    }

    @Test
    void tracksMapByImageFileAndSkipImagesThatAreNoViews() throws IOException {
        writeDataset();
        Scene scene = new BlenderLoader().load(dir, LoadOptions.defaults());
        assertThat(scene.views()).extracting(View::name).containsExactly("r_0", "r_1", "a");
        SparsePoints points = scene.sparsePoints().orElseThrow();
        assertThat(points.count()).isEqualTo(2);
        assertThat(points.xyz()).containsExactly(0.5f, -1f, 2f, 3f, 4f, 5f);
        assertThat(points.rgb()).containsExactly(1f, 0f, 0.2f, 0f, 0f, 0f);
        assertThat(points.error()).containsExactly(0.25f, 1.5f);
        assertThat(points.viewsSeeing()[0]).containsExactly(1, 2);
        assertThat(points.viewsSeeing()[1]).isEmpty();
    }

    @Test
    void withoutAModelThereAreNoPointsAndABrokenModelIsReported() throws IOException {
        writeDataset();
        Path points = dir.resolve("sparse/0/points3D.txt");
        Files.writeString(points, "100 0.5 -1 2 255 0 51 0.25 9 0\n");
        assertThatThrownBy(() -> new BlenderLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith(points + ":")
                .hasMessageContaining("image 9");
        Files.delete(points);
        assertThat(new BlenderLoader().load(dir, LoadOptions.defaults()).sparsePoints()).isEmpty();
    }

    /** The bundled sample: COLMAP saw the 24 train images only, so every track lies in the train split. */
    @Test
    void bundledSampleGetsItsModelsPointsOnTrainViews() throws IOException {
        Path sample = SharedDatasets.bundledSample("tabletop-128");
        Scene scene = SceneFormats.load(sample, null, LoadOptions.defaults());
        assertThat(scene.format()).isEqualTo("blender");
        ColmapModel model = ColmapText.read(sample.resolve("sparse/0"));
        Map<Integer, Integer> viewByImageId = new HashMap<>();
        for (ColmapModel.Image image : model.images()) {
            String stem = image.name().substring(0, image.name().length() - ".png".length());
            int index = scene.views().stream().map(View::name).toList().indexOf(stem);
            assertThat(scene.views().get(index).split()).isEqualTo("train");
            viewByImageId.put(image.id(), index);
        }
        SparsePoints points = scene.sparsePoints().orElseThrow();
        assertThat(points.count()).isEqualTo(435).isEqualTo(model.points3D().size());
        for (int i = 0; i < points.count(); i++) {
            ColmapModel.Point3D p = model.points3D().get(i);
            TreeSet<Integer> expected = new TreeSet<>();
            for (int imageId : p.trackImageIds()) {
                expected.add(viewByImageId.get(imageId));
            }
            assertThat(points.viewsSeeing()[i]).as("point %d", p.id())
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            assertThat(points.xyz()[3 * i + 2]).isEqualTo((float) p.xyz()[2]);
        }
        assertThat(scene.bounds().boxSource()).isEqualTo("points");
    }
}
