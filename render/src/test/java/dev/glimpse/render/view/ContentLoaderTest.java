package dev.glimpse.render.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.PointCloud;
import dev.glimpse.datasets.ply.TriangleMesh;
import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.XvfbDisplay;
import dev.glimpse.render.window.GlfwWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of input becomes in the viewer. */
class ContentLoaderTest {
    private static GlfwWindow window;
    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        XvfbDisplay.require();
        window = new GlfwWindow("test", 32, 32, false);
    }

    @AfterAll
    static void close() {
        if (window != null) {
            window.close();
        }
    }

    private ViewerContent load(Path p) throws Exception {
        return ContentLoader.load(window.context(), p, null, new TrainConfig());
    }

    @Test
    void splatPlyPointCloudAndMesh() throws Exception {
        Path splats = dir.resolve("splats.ply");
        GaussianPly.write(splats, TestScenes.random(50, 1));
        try (ViewerContent c = load(splats)) {
            assertThat(c.gaussians().count()).isEqualTo(50);
            assertThat(c.points()).isNull();
            assertThat(c.radius()).isBetween(0.5, 3.0); // the box x, y in [-1, 1], z in [2.5, 4]
        }
        Path cloud = dir.resolve("cloud.ply");
        new PointCloud(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new byte[] {10, 20, 30, 40, 50, 60, 70, 80, 90},
                null, Map.of()).write(cloud);
        try (ViewerContent c = load(cloud)) {
            assertThat(c.gaussians()).isNull();
            assertThat(c.points().count()).isEqualTo(3);
            assertThat(c.points().colours().downloadFloats()[0]).isEqualTo(10 / 255f);
            assertThat(c.mesh()).isNull();
        }
        Path mesh = dir.resolve("mesh.ply");
        new TriangleMesh(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2}, null).write(mesh);
        try (ViewerContent c = load(mesh)) {
            assertThat(c.mesh().triangles()).isEqualTo(1);
            assertThat(c.points().count()).isEqualTo(3);
        }
    }

    @Test
    void aFitFolderShowsItsSplatsAndItsFusedStereoPoints() throws Exception {
        GaussianPly.write(dir.resolve("point_cloud.ply"), TestScenes.random(20, 2));
        Files.createDirectories(dir.resolve("mvs"));
        PointCloud.of(new float[] {0, 0, 3, 1, 1, 3}).write(dir.resolve("mvs").resolve("points.ply"));
        try (ViewerContent c = load(dir)) {
            assertThat(c.gaussians().count()).isEqualTo(20);
            assertThat(c.points().source()).isEqualTo("MVS points");
            assertThat(c.points().count()).isEqualTo(2);
            assertThat(c.cameras()).isEmpty();
        }
    }

    @Test
    void badInputNamesTheFile() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> load(text)).isInstanceOf(DatasetException.class).hasMessageContaining("notes.txt")
                .hasMessageContaining("neither a .ply file nor a folder");
        Path broken = dir.resolve("broken.ply");
        Files.writeString(broken, "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nend_header\n1\n");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken.ply");
        assertThatThrownBy(() -> load(dir.resolve("missing"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("does not exist");
    }
}
