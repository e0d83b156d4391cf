package dev.glimpse.datasets.load.llff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.io.NpyBytes;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.Rotations;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.load.TestImages;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlffLoaderTest {
    private static final int N = 3;
    private static final String[] NAMES = {"a.PNG", "b.png", "c.jpg.png"};

    @TempDir
    Path dir;

    /** Known OpenGL camera-to-world rotations (columns right, up, backwards) and centres. */
    private final double[][] glRotation = new double[N][];
    private final double[][] centre = new double[N][];

    @BeforeEach
    void makeCameras() {
        Random rng = new Random(7);
        for (int i = 0; i < N; i++) {
            glRotation[i] = Rotations.random(rng);
            centre[i] = new double[] {rng.nextGaussian(), rng.nextGaussian(), 3 + rng.nextGaussian()};
        }
    }

    /** Writes poses_bounds.npy byte by byte in LLFF's [down, right, backwards] order. */
    private void writePoses(int height, int width, double focal, int rows, int columns) throws IOException {
        double[] values = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            double[] gl = glRotation[i % N];
            double[] m = new double[15];
            for (int r = 0; r < 3; r++) {
                m[5 * r] = -gl[3 * r + 1];
                m[5 * r + 1] = gl[3 * r];
                m[5 * r + 2] = gl[3 * r + 2];
                m[5 * r + 3] = centre[i % N][r];
            }
            m[4] = height;
            m[9] = width;
            m[14] = focal;
            double[] row = new double[17];
            System.arraycopy(m, 0, row, 0, 15);
            row[15] = 0.5 + i;
            row[16] = 10 + i;
            System.arraycopy(row, 0, values, i * columns, columns);
        }
        Files.write(dir.resolve("poses_bounds.npy"), NpyBytes.file("<f8", "(" + rows + ", " + columns + ")",
                NpyBytes.float64(values)));
    }

    private void writeImages(String folder, int width, int height) throws IOException {
        for (String name : NAMES) {
            TestImages.png(dir.resolve(folder).resolve(name), width, height);
        }
    }

    @Test
    void loadsKnownPosesBoundsAndIntrinsics() throws IOException {
        writePoses(12, 16, 20, N, 17);
        writeImages("images", 16, 12);
        Files.writeString(dir.resolve("images/notes.txt"), "not an image");
        assertThat(SceneFormats.detect(dir, null).name()).isEqualTo("llff");
        Scene scene = new LlffLoader().load(dir, LoadOptions.defaults());
        assertThat(scene.format()).isEqualTo("llff");
        assertThat(scene.views()).hasSize(N);
        for (int i = 0; i < N; i++) {
            View v = scene.views().get(i);
            assertThat(v.name()).isEqualTo(NAMES[i].substring(0, NAMES[i].lastIndexOf('.')));
            assertThat(v.split()).isEqualTo("all");
            assertThat(v.camera().intrinsics()).isEqualTo(new Intrinsics(16, 12, 20, 20, 8, 6));
            assertThat(v.nearFar().near()).isEqualTo(0.5 + i);
            assertThat(v.nearFar().far()).isEqualTo(10 + i);
            assertPose(v, i);
            assertThat(v.image().file()).isEqualTo(dir.resolve("images").resolve(NAMES[i]));
            assertThat(v.image().load().width()).isEqualTo(16);
        }
        assertThat(scene.points()).isNull();
    }

    /** World-to-camera in OpenCV axes, computed here from the OpenGL matrix: R = [r, -u, -b]^T, t = -R C. */
    private void assertPose(View v, int i) {
        double[] gl = glRotation[i];
        double[] r = new double[9];
        for (int row = 0; row < 3; row++) {
            double sign = row == 0 ? 1 : -1;
            for (int col = 0; col < 3; col++) {
                r[3 * row + col] = sign * gl[3 * col + row];
            }
        }
        double[] actualR = v.camera().pose().rotation();
        double[] actualT = v.camera().pose().translation();
        for (int k = 0; k < 9; k++) {
            assertThat(actualR[k]).isCloseTo(r[k], within(1e-9));
        }
        for (int row = 0; row < 3; row++) {
            double t = -(r[3 * row] * centre[i][0] + r[3 * row + 1] * centre[i][1] + r[3 * row + 2] * centre[i][2]);
            assertThat(actualT[row]).isCloseTo(t, within(1e-9));
        }
    }

    @Test
    void prefersAPreShrunkFolderForTheDownscale() throws IOException {
        writePoses(12, 16, 20, N, 17);
        writeImages("images", 16, 12);
        writeImages("images_2", 8, 6);
        Scene scene = new LlffLoader().load(dir, new LoadOptions(2));
        for (int i = 0; i < N; i++) {
            View v = scene.views().get(i);
            assertThat(v.camera().intrinsics()).isEqualTo(new Intrinsics(8, 6, 10, 10, 4, 3));
            ImageFile image = (ImageFile) v.image();
            assertThat(image.file()).isEqualTo(dir.resolve("images_2").resolve(NAMES[i]));
            assertThat(image.downscale()).isEqualTo(1);
            assertThat(image.load().width()).isEqualTo(8);
            assertPose(v, i);
        }
    }

    @Test
    void shrinksFullSizeImagesWhenNoFolderMatches() throws IOException {
        writePoses(12, 16, 20, N, 17);
        writeImages("images", 16, 12);
        writeImages("images_2", 8, 6);
        View v = new LlffLoader().load(dir, new LoadOptions(4)).views().get(1);
        assertThat(v.camera().intrinsics()).isEqualTo(new Intrinsics(4, 3, 5, 5, 2, 1.5));
        ImageFile image = (ImageFile) v.image();
        assertThat(image.file()).isEqualTo(dir.resolve("images").resolve(NAMES[1]));
        assertThat(image.downscale()).isEqualTo(4);
        assertThat(image.load().height()).isEqualTo(3);
    }

    @Test
    void scalesTheFocalToImagesSmallerThanThePosesSay() throws IOException {
        writePoses(24, 32, 40, N, 17);
        writeImages("images", 16, 12);
        View v = new LlffLoader().load(dir, LoadOptions.defaults()).views().get(0);
        assertThat(v.camera().intrinsics()).isEqualTo(new Intrinsics(16, 12, 20, 20, 8, 6));
    }

    @Test
    void rejectsInconsistentDatasets() throws IOException {
        Path poses = dir.resolve("poses_bounds.npy");
        writeImages("images", 16, 12);
        writePoses(12, 16, 20, 2, 17);
        assertThatThrownBy(() -> new LlffLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve("images") + ": holds 3 images but poses_bounds.npy has 2 cameras");
        writePoses(12, 16, 20, N, 15);
        assertThatThrownBy(() -> new LlffLoader().load(dir, LoadOptions.defaults()))
                .hasMessage(poses + ": expected an N x 17 array, got shape (3, 15)");
        writePoses(16, 16, 20, N, 17);
        assertThatThrownBy(() -> new LlffLoader().load(dir, LoadOptions.defaults()))
                .hasMessageContaining("a different aspect ratio");
        glRotation[1][0] = 2;
        writePoses(12, 16, 20, N, 17);
        assertThatThrownBy(() -> new LlffLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(poses + ": camera 1: pose rotation is not orthonormal");
    }
}
