package dev.glimpse.datasets.load.dtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.Mask;
import dev.glimpse.datasets.io.NpyBytes;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.Rotations;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.load.TestImages;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtuLoaderTest {
    private static final int N = 3;
    private static final int W = 80;
    private static final int H = 60;
    /** Known intrinsics, skew 0, in IDR's convention (pixel centres on integers). */
    private final double[] k = {300, 0, 40, 0, 310, 30, 0, 0, 1};
    /** Overall factors of the stored P, one negative: a projection matrix is defined up to scale. */
    private static final double[] LAMBDA = {2.5, -0.7, 1};

    @TempDir
    Path dir;

    private final double[][] rotation = new double[N][];
    private final double[][] centre = new double[N][];
    /** Scale matrix S = [s Q | o]: maps the normalised unit sphere to DTU world space. */
    private double[] q;
    private final double s = 200;
    private final double[] o = {10, -20, 600};

    @BeforeEach
    void makeCameras() {
        Random rng = new Random(5);
        for (int i = 0; i < N; i++) {
            rotation[i] = Rotations.random(rng);
            centre[i] = new double[] {o[0] + 300 * rng.nextGaussian(), o[1] + 300 * rng.nextGaussian(),
                o[2] + 300 * rng.nextGaussian()};
        }
        q = Rotations.random(rng);
    }

    /** world_mat_i = lambda_i K [R_i | -R_i C_i] stored 4x4; scale_mat_i = S. */
    private void writeDataset(String camerasName, int cameras, int masks) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(camerasName));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < cameras; i++) {
                double[] kr = ProjectionDecomposition.mul(k, rotation[i]);
                double[] world = new double[16];
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        world[4 * r + c] = LAMBDA[i] * kr[3 * r + c];
                    }
                    world[4 * r + 3] = -LAMBDA[i] * (kr[3 * r] * centre[i][0] + kr[3 * r + 1] * centre[i][1]
                            + kr[3 * r + 2] * centre[i][2]);
                }
                world[15] = 1;
                double[] scale = {
                    s * q[0], s * q[1], s * q[2], o[0],
                    s * q[3], s * q[4], s * q[5], o[1],
                    s * q[6], s * q[7], s * q[8], o[2],
                    0, 0, 0, 1};
                NpyBytes.putMember(zip, "world_mat_" + i + ".npy", NpyBytes.file("<f8", "(4, 4)",
                        NpyBytes.float64(world)), i % 2 == 0);
                NpyBytes.putMember(zip, "scale_mat_" + i + ".npy", NpyBytes.file("<f8", "(4, 4)",
                        NpyBytes.float64(scale)), i % 2 == 1);
            }
        }
        for (int i = 0; i < N; i++) {
            TestImages.png(dir.resolve("image").resolve(String.format("%06d.png", i)), W, H);
        }
        for (int i = 0; i < masks; i++) {
            TestImages.png(dir.resolve("mask").resolve(String.format("%03d.png", i)), W, H);
        }
    }

    @Test
    void loadsPosesAndIntrinsicsInTheNormalisedSphereSpace() throws IOException {
        writeDataset("cameras.npz", N, N);
        assertThat(SceneFormats.detect(dir, null).name()).isEqualTo("dtu");
        Scene scene = new DtuLoader().load(dir, LoadOptions.defaults());
        assertThat(scene.views()).hasSize(N);
        for (int i = 0; i < N; i++) {
            View v = scene.views().get(i);
            assertThat(v.name()).isEqualTo(String.format("%06d", i));
            assertThat(v.split()).isEqualTo("all");
            assertThat(v.nearFar()).isNull();
            assertIntrinsics(v.camera().intrinsics(), 1);
            assertNormalisedPose(v.camera().pose(), i);
            assertThat(v.mask().file()).isEqualTo(dir.resolve("mask").resolve(String.format("%03d.png", i)));
            Mask m = v.mask().load();
            assertThat(m.width()).isEqualTo(W);
        }
    }

    private void assertIntrinsics(Intrinsics loaded, int factor) {
        assertThat(loaded.width()).isEqualTo(W / factor);
        assertThat(loaded.height()).isEqualTo(H / factor);
        assertThat(loaded.fx()).isCloseTo(k[0] / factor, within(1e-9));
        assertThat(loaded.fy()).isCloseTo(k[4] / factor, within(1e-9));
        // IDR puts pixel centres on integers, Glimpse at +0.5.
        assertThat(loaded.cx()).isCloseTo((k[2] + 0.5) / factor, within(1e-9));
        assertThat(loaded.cy()).isCloseTo((k[5] + 0.5) / factor, within(1e-9));
    }

    /**
     * P S = K [R | t] [sQ o; 0 1] = s K [R Q | (R o + t) / s]: in normalised space the rotation is R Q and the
     * translation (R o + t) / s with t = -R C.
     */
    private void assertNormalisedPose(Pose pose, int i) {
        double[] r = rotation[i];
        double[] rq = ProjectionDecomposition.mul(r, q);
        assertThat(pose.rotation()).containsExactly(rq, within(1e-9));
        double[] expectedT = new double[3];
        for (int row = 0; row < 3; row++) {
            double ro = r[3 * row] * o[0] + r[3 * row + 1] * o[1] + r[3 * row + 2] * o[2];
            double t = -(r[3 * row] * centre[i][0] + r[3 * row + 1] * centre[i][1] + r[3 * row + 2] * centre[i][2]);
            expectedT[row] = (ro + t) / s;
        }
        assertThat(pose.translation()).containsExactly(expectedT, within(1e-9));
    }

    @Test
    void readsNeusCameraFileWithoutMasksAndDownscales() throws IOException {
        writeDataset("cameras_sphere.npz", N, 0);
        Scene scene = new DtuLoader().load(dir, new LoadOptions(2));
        for (int i = 0; i < N; i++) {
            View v = scene.views().get(i);
            assertThat(v.mask()).isNull();
            assertIntrinsics(v.camera().intrinsics(), 2);
            assertNormalisedPose(v.camera().pose(), i);
            assertThat(v.image().load().width()).isEqualTo(W / 2);
        }
    }

    @Test
    void rejectsInconsistentDatasets() throws IOException {
        Path cams = dir.resolve("cameras.npz");
        writeDataset("cameras.npz", N - 1, N);
        assertThatThrownBy(() -> new DtuLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessage(cams + ": member 'world_mat_2.npy' is missing");
        writeDataset("cameras.npz", N, N - 1);
        Files.delete(dir.resolve("mask/002.png"));
        assertThatThrownBy(() -> new DtuLoader().load(dir, LoadOptions.defaults()))
                .hasMessage(dir.resolve("mask") + ": holds 2 masks for 3 images");
        rotation[1] = new double[9];
        writeDataset("cameras.npz", N, N);
        assertThatThrownBy(() -> new DtuLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith(cams + ": camera 1: ")
                .hasMessageContaining("singular");
    }

    @Test
    void rejectsSkewThePinholeModelCannotHold() throws IOException {
        k[1] = 5;
        writeDataset("cameras.npz", N, 0);
        assertThatThrownBy(() -> new DtuLoader().load(dir, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("camera 0: skew");
    }
}
