package dev.glimpse.datasets.load.nerfstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.Mask;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.load.blender.TestPngs;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nerfstudio loader on a tiny dataset written by the test. */
class NerfstudioLoaderTest {
    /** Camera at (1, 2, 3), turned 90 degrees about world z (OpenGL c2w, camera looks down its -z). */
    private static final double[][] C2W = {{0, -1, 0, 1}, {1, 0, 0, 2}, {0, 0, 1, 3}, {0, 0, 0, 1}};
    private static final String MATRIX = "[[0,-1,0,1],[1,0,0,2],[0,0,1,3],[0,0,0,1]]";

    @TempDir
    Path dir;

    @BeforeEach
    void writeImages() throws IOException {
        TestPngs.rgba(dir.resolve("images/frame_00001.png"), 32, 24);
        TestPngs.rgba(dir.resolve("images/frame_00002.png"), 32, 24);
        TestPngs.grey16(dir.resolve("depth/frame_00001.png"), 32, 24, 1000);
        TestPngs.mask(dir.resolve("masks/frame_00001.png"), 32, 24);
        Files.writeString(dir.resolve("sparse_pc.ply"), "ply\n");
    }

    private void transforms(String top, String frames) throws IOException {
        Files.writeString(dir.resolve("transforms.json"), "{" + top + (top.isEmpty() ? "" : ",")
                + "\"frames\": [" + frames + "]}");
    }

    private static final String INTRINSICS = "\"camera_model\": \"OPENCV\", \"fl_x\": 30, \"fl_y\": 32, \"cx\": 15.5,"
            + " \"cy\": 12.25, \"w\": 32, \"h\": 24, \"k1\": 0.01, \"k2\": -0.002, \"k3\": 0.0005, \"p1\": 0.001,"
            + " \"p2\": -0.001";

    private static final String FRAMES = "{\"file_path\": \"images/frame_00001.png\", \"transform_matrix\": " + MATRIX
            + ", \"depth_file_path\": \"depth/frame_00001.png\", \"mask_path\": \"masks/frame_00001.png\"},"
            + "{\"file_path\": \"images/frame_00002.png\", \"transform_matrix\": " + MATRIX
            + ", \"fl_x\": 40, \"cx\": 16, \"k1\": 0}";

    private Scene load(int downscale) throws IOException {
        return new NerfstudioLoader().load(dir, new LoadOptions(downscale));
    }

    @Test
    void globalIntrinsicsPerFrameOverridesDistortionDepthAndMask() throws IOException {
        transforms(INTRINSICS + ", \"depth_unit_scale_factor\": 0.002, \"ply_file_path\": \"sparse_pc.ply\","
                + " \"aabb_scale\": 16, \"applied_transform\": [[1,0,0,0],[0,1,0,0],[0,0,1,0]]", FRAMES);
        Scene scene = SceneFormats.load(dir, null, LoadOptions.defaults());
        assertThat(scene.format()).isEqualTo("nerfstudio");
        assertThat(scene.views()).extracting(View::name).containsExactly("frame_00001", "frame_00002");
        assertThat(scene.views()).extracting(View::split).containsOnly("all");
        View first = scene.views().get(0);
        View second = scene.views().get(1);
        assertThat(first.camera().intrinsics()).isEqualTo(new Intrinsics(32, 24, 30, 32, 15.5, 12.25));
        assertThat(second.camera().intrinsics()).isEqualTo(new Intrinsics(32, 24, 40, 32, 16, 12.25));
        assertThat(first.camera().distortion()).isEqualTo(Distortion.NONE);
        assertThat(first.camera().modelName()).isEqualTo("OPENCV");
        assertThat(((ImageFile) first.image()).undistortion().distortion())
                .isEqualTo(new Distortion(0.01, -0.002, 0.0005, 0, 0, 0, 0.001, -0.001));
        assertThat(((ImageFile) second.image()).undistortion().distortion())
                .isEqualTo(new Distortion(0, -0.002, 0.0005, 0, 0, 0, 0.001, -0.001));
        assertThat(first.image().load().width()).isEqualTo(32);
        // 1000 stored units x 0.002 m per unit.
        assertThat(first.depthSource().orElseThrow().load().get(5, 5)).isCloseTo(2.0f, within(1e-6f));
        Mask mask = first.maskSource().orElseThrow().load();
        assertThat(mask.get(0, 0)).isTrue();
        assertThat(mask.get(31, 0)).isFalse();
        assertThat(second.depthSource()).isEmpty();
        assertThat(second.maskSource()).isEmpty();
        assertThat(NerfstudioLoader.initialPointCloud(dir)).contains(dir.resolve("sparse_pc.ply").toAbsolutePath());
    }

    @Test
    void projectionMatchesAnOpenGlProjectionOfTheMatrix() throws IOException {
        transforms(INTRINSICS, FRAMES);
        View v = load(1).views().get(0);
        double[] p = {0.7, 2.4, 1.0};
        double[] d = {p[0] - C2W[0][3], p[1] - C2W[1][3], p[2] - C2W[2][3]};
        double xg = C2W[0][0] * d[0] + C2W[1][0] * d[1] + C2W[2][0] * d[2];
        double yg = C2W[0][1] * d[0] + C2W[1][1] * d[1] + C2W[2][1] * d[2];
        double zg = C2W[0][2] * d[0] + C2W[1][2] * d[1] + C2W[2][2] * d[2];
        double[] uvz = v.camera().project(p[0], p[1], p[2]);
        assertThat(uvz[0]).isCloseTo(15.5 + 30 * xg / -zg, within(1e-9));
        assertThat(uvz[1]).isCloseTo(12.25 - 32 * yg / -zg, within(1e-9));
        assertThat(v.camera().pose().centre()).containsExactly(new double[] {1, 2, 3}, within(1e-12));
    }

    @Test
    void depthScaleDefaultsToMillimetres() throws IOException {
        transforms(INTRINSICS, FRAMES);
        assertThat(load(1).views().get(0).depthSource().orElseThrow().load().get(0, 0)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void instantNgpAnglesAndSizeFromTheHeader() throws IOException {
        transforms("\"camera_angle_x\": 0.8, \"camera_angle_y\": 0.7",
                "{\"file_path\": \"images/frame_00001.png\", \"transform_matrix\": " + MATRIX + "}");
        Intrinsics k = load(1).views().get(0).camera().intrinsics();
        assertThat(k.width()).isEqualTo(32);
        assertThat(k.height()).isEqualTo(24);
        assertThat(k.fx()).isCloseTo(16 / Math.tan(0.4), within(1e-12));
        assertThat(k.fy()).isCloseTo(12 / Math.tan(0.35), within(1e-12));
        assertThat(k.cx()).isEqualTo(16.0);
        assertThat(k.cy()).isEqualTo(12.0);
        transforms("\"camera_angle_x\": 0.8", "{\"file_path\": \"images/frame_00001.png\", \"transform_matrix\": "
                + MATRIX + "}");
        Intrinsics square = load(1).views().get(0).camera().intrinsics();
        assertThat(square.fy()).isEqualTo(square.fx());
        assertThat(load(1).views().get(0).camera().modelName()).isEqualTo("OPENCV");
    }

    @Test
    void downscaleUsesPreShrunkImagesWherePresent() throws IOException {
        TestPngs.rgba(dir.resolve("images_2/frame_00001.png"), 16, 12);
        transforms(INTRINSICS, FRAMES);
        Scene scene = load(2);
        ImageFile small = (ImageFile) scene.views().get(0).image();
        assertThat(small.file()).isEqualTo(dir.resolve("images_2/frame_00001.png"));
        assertThat(small.downscale()).isEqualTo(1);
        assertThat(scene.views().get(0).camera().intrinsics()).isEqualTo(new Intrinsics(16, 12, 15, 16, 7.75, 6.125));
        ImageFile shrunk = (ImageFile) scene.views().get(1).image();
        assertThat(shrunk.file()).isEqualTo(dir.resolve("images/frame_00002.png").toAbsolutePath());
        assertThat(shrunk.downscale()).isEqualTo(2);
        assertThat(shrunk.load().width()).isEqualTo(16);
        assertThat(small.load().height()).isEqualTo(12);
        assertThat(scene.views().get(0).depthSource().orElseThrow().load().width()).isEqualTo(16);
    }

    @Test
    void preShrunkImageOfTheWrongSize() throws IOException {
        TestPngs.rgba(dir.resolve("images_2/frame_00001.png"), 10, 12);
        transforms(INTRINSICS, FRAMES);
        assertThatThrownBy(() -> load(2)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("images_2").hasMessageContaining("not 1/2 of 32x24");
    }

    private void assertFails(String... fragments) {
        assertThatThrownBy(() -> load(1)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
    }

    @Test
    void rejectsNonPinholeModelsByName() throws IOException {
        for (String model : new String[] {"OPENCV_FISHEYE", "EQUIRECTANGULAR", "MYSTERY"}) {
            transforms("\"camera_model\": \"" + model + "\", \"fl_x\": 30", FRAMES);
            assertFails("transforms.json", "camera_model '" + model + "' is not supported");
        }
    }

    @Test
    void badInputs() throws IOException {
        Files.delete(dir.resolve("sparse_pc.ply"));
        assertFails("transforms.json", "file not found");
        transforms(INTRINSICS, "");
        assertFails("transforms.json", "frame list is empty");
        transforms(INTRINSICS + ", \"k4\": 0.1", FRAMES);
        assertFails("frame 0: distortion k4");
        transforms("\"w\": 32, \"h\": 24", FRAMES);
        assertFails("frame 0: missing field 'fl_x' (or 'camera_angle_x')");
        transforms(INTRINSICS.replace("\"fl_y\": 32", "\"fl_y\": \"32\""), FRAMES);
        assertFails("frame 0: field 'fl_y' is not a number");
        transforms(INTRINSICS.replace("\"w\": 32", "\"w\": 30"), FRAMES);
        assertFails("frame_00001.png", "image is 32x24 but transforms.json says 30x24");
        transforms(INTRINSICS + ", \"ply_file_path\": \"sparse_pc.ply\"", FRAMES);
        assertFails("sparse_pc.ply", "point cloud not found");
        transforms(INTRINSICS, FRAMES.replace("images/frame_00002.png", "images/nope.png"));
        assertFails("nope.png", "file not found", "frame 1");
        transforms(INTRINSICS, FRAMES.replace("images/frame_00002.png", "../frame_00002.png"));
        assertFails("transforms.json", "outside the dataset folder");
        transforms(INTRINSICS, FRAMES.replace("depth/frame_00001.png", "/etc/passwd"));
        assertFails("transforms.json", "outside the dataset folder");
        transforms(INTRINSICS, FRAMES.replace("[[0,-1,0,1]", "[[0,-2,0,1]"));
        assertFails("transforms.json", "frame 0: transform_matrix is not a rigid camera pose");
        Files.writeString(dir.resolve("transforms.json"), "{\"frames\": [,]}");
        assertFails("transforms.json", "malformed JSON at line 1");
    }
}
