package dev.glimpse.datasets.load.blender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.scene.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Blender loader on small datasets written by the test: layout variants and every kind of bad input. */
class BlenderLoaderTest {
    private static final String IDENTITY_AT_Z4 = "[[1,0,0,0],[0,1,0,0],[0,0,1,4],[0,0,0,1]]";

    @TempDir
    Path dir;

    private Path transforms(String split, String body) throws IOException {
        return Files.writeString(dir.resolve("transforms_" + split + ".json"), body);
    }

    private static String file(String extra, String frames) {
        return "{\"camera_angle_x\": 0.6" + extra + ", \"frames\": [" + frames + "]}";
    }

    private static String frame(String path, String matrix) {
        return "{\"file_path\": \"" + path + "\", \"transform_matrix\": " + matrix + "}";
    }

    private Scene load() throws IOException {
        return new BlenderLoader().load(dir, LoadOptions.defaults());
    }

    private void assertFails(String... fragments) {
        assertThatThrownBy(this::load).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
    }

    @Test
    void originalNerfLayoutWithoutExtensionsOrSizeReadsTheHeader() throws IOException {
        TestPngs.rgba(dir.resolve("train/r_0.png"), 20, 10);
        TestPngs.rgba(dir.resolve("train/r_1.png"), 20, 10);
        TestPngs.rgba(dir.resolve("val/r_0.png"), 20, 10);
        TestPngs.rgba(dir.resolve("test/r_0.png"), 20, 10);
        transforms("test", file("", frame("./test/r_0", IDENTITY_AT_Z4)));
        transforms("train", file("", frame("./train/r_0", IDENTITY_AT_Z4) + "," + frame("./train/r_1", IDENTITY_AT_Z4)));
        transforms("val", file("", frame("./val/r_0", IDENTITY_AT_Z4)));
        assertThat(new BlenderLoader().probe(dir)).isTrue();
        Scene scene = load();
        assertThat(scene.views()).extracting(v -> v.split()).containsExactly("train", "train", "val", "test");
        assertThat(scene.views()).extracting(v -> v.name()).containsExactly("train/r_0", "train/r_1", "val/r_0", "test/r_0");
        var k = scene.views().get(0).camera().intrinsics();
        assertThat(k.width()).isEqualTo(20);
        assertThat(k.height()).isEqualTo(10);
        assertThat(k.fx()).isCloseTo(10 / Math.tan(0.3), within(1e-12));
        assertThat(k.cy()).isEqualTo(5.0);
        assertThat(scene.views().get(0).depthSource()).isEmpty();
        assertThat(scene.surfacePointCloud()).isEmpty();
        assertThat(scene.views().get(3).image().load().width()).isEqualTo(20);
        assertThat(scene.views().get(1).camera().pose().centre()).containsExactly(new double[] {0, 0, 4}, within(1e-12));
    }

    @Test
    void depthScaleDefaultsToMillimetresAndIsReadWhenGiven() throws IOException {
        TestPngs.rgba(dir.resolve("images/a.png"), 8, 8);
        TestPngs.grey16(dir.resolve("depth/a.png"), 8, 8, 1500);
        String f = "{\"file_path\": \"images/a.png\", \"depth_path\": \"depth/a.png\", \"transform_matrix\": "
                + IDENTITY_AT_Z4 + "}";
        transforms("train", file("", f));
        DepthMap mm = load().views().get(0).depthSource().orElseThrow().load();
        assertThat(mm.get(3, 3)).isCloseTo(1.5f, within(1e-6f));
        transforms("train", file(", \"depth_scale\": 500", f));
        assertThat(load().views().get(0).depthSource().orElseThrow().load().get(3, 3)).isCloseTo(3f, within(1e-6f));
    }

    @Test
    void rootPointsPlyIsTheSurfaceCloud() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        transforms("test", file("", frame("a.png", IDENTITY_AT_Z4)));
        Files.writeString(dir.resolve("points.ply"), "ply\n");
        Scene scene = load();
        assertThat(scene.surfacePointCloud()).contains(dir.resolve("points.ply"));
        assertThat(scene.views().get(0).split()).isEqualTo("test");
    }

    @Test
    void missingTransformsFiles() throws IOException {
        assertThat(new BlenderLoader().probe(dir)).isFalse();
        assertFails(dir.toString(), "no transforms_train.json");
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        transforms("train", "{\"camera_angle_x\": 0.6,\n \"frames\": [}");
        assertFails("transforms_train.json", "malformed JSON at line 2");
    }

    @Test
    void missingAndNonNumericFields() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        transforms("train", "{\"frames\": [" + frame("a.png", IDENTITY_AT_Z4) + "]}");
        assertFails("transforms_train.json", "missing field 'camera_angle_x'");
        transforms("train", "{\"camera_angle_x\": \"wide\", \"frames\": [" + frame("a.png", IDENTITY_AT_Z4) + "]}");
        assertFails("transforms_train.json", "'camera_angle_x' is not a number");
        transforms("train", file(", \"w\": 8.5, \"h\": 8", frame("a.png", IDENTITY_AT_Z4)));
        assertFails("'w' must be a positive integer");
        transforms("train", file("", "{\"transform_matrix\": " + IDENTITY_AT_Z4 + "}"));
        assertFails("frame 0: missing field 'file_path'");
        transforms("train", file("", "{\"file_path\": \"a.png\"}"));
        assertFails("frame 0: missing field 'transform_matrix'");
    }

    @Test
    void badMatrices() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        String[][] cases = {
            {"[[1,0,0,0],[0,1,0,0]]", "4x4 or 3x4"},
            {"[[1,0,0],[0,1,0],[0,0,1]]", "4x4 or 3x4"},
            {"[[1,0,0,0],[0,1,0,0],[0,0,1,NaN],[0,0,0,1]]", "transform_matrix[2][3] is not finite"},
            {"[[1,0,0,0],[0,1,0,0],[0,0,1,Infinity]]", "is not finite"},
            {"[[1,0,0,0],[0,1,0,0],[0,0,1,\"4\"],[0,0,0,1]]", "transform_matrix[2][3] is not a number"},
            {"[[2,0,0,0],[0,2,0,0],[0,0,2,4],[0,0,0,1]]", "not a rigid camera pose"},
            {"[[-1,0,0,0],[0,1,0,0],[0,0,1,4],[0,0,0,1]]", "determinant"},
            {"[[1,0,0,0],[0,1,0,0],[0,0,1,4],[0,0,1,1]]", "bottom row"},
        };
        for (String[] c : cases) {
            transforms("train", file("", frame("a.png", c[0])));
            assertFails("transforms_train.json", "frame 0", c[1]);
        }
        // 3x4 matrices are accepted.
        transforms("train", file("", frame("a.png", "[[1,0,0,0],[0,1,0,0],[0,0,1,4]]")));
        assertThat(load().views()).hasSize(1);
    }

    @Test
    void missingImageNamesTheImage() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        transforms("train", file("", frame("a.png", IDENTITY_AT_Z4) + "," + frame("b", IDENTITY_AT_Z4)));
        assertFails(dir.resolve("b").toString(), "file not found", "frame 1");
    }

    @Test
    void missingDepthFile() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        transforms("train", file("", "{\"file_path\": \"a.png\", \"depth_path\": \"d.png\", \"transform_matrix\": "
                + IDENTITY_AT_Z4 + "}"));
        assertFails("d.png", "file not found");
    }

    @Test
    void imageOfTheWrongSizeIsCaughtAtOpening() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 6);
        transforms("train", file(", \"w\": 8, \"h\": 8", frame("a.png", IDENTITY_AT_Z4)));
        assertFails("a.png", "image is 8x6 but transforms_train.json says w x h = 8x8");
    }

    @Test
    void laterImageOfTheWrongSizeFailsWhenLoaded() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        TestPngs.rgba(dir.resolve("b.png"), 4, 8);
        transforms("train", file("", frame("a.png", IDENTITY_AT_Z4) + "," + frame("b.png", IDENTITY_AT_Z4)));
        Scene scene = load();
        assertThatThrownBy(() -> scene.views().get(1).image().load()).isInstanceOf(DatasetException.class)
                .hasMessageContaining("b.png").hasMessageContaining("4x8");
    }

    @Test
    void pathsEscapingTheFolder() throws IOException {
        TestPngs.rgba(dir.resolve("a.png"), 8, 8);
        transforms("train", file("", frame("../a.png", IDENTITY_AT_Z4)));
        assertFails("transforms_train.json", "outside the dataset folder");
        transforms("train", file("", frame(dir.resolve("a.png").toAbsolutePath().toString(), IDENTITY_AT_Z4)));
        assertFails("transforms_train.json", "outside the dataset folder");
    }

    @Test
    void emptyFrameList() throws IOException {
        transforms("val", file("", ""));
        assertFails("transforms_val.json", "frame list is empty");
    }
}
