package dev.glimpse.datasets.load.blender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads the benchmark scenes in shared/datasets and checks cameras and depth against independent computations. */
class BlenderBenchmarkSceneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The point every tabletop camera looks at (datasets README). */
    private static final double[] TABLETOP_TARGET = {0, 0, 0.3};

    private static List<JsonNode> rawFrames(Path root) throws IOException {
        List<JsonNode> frames = new ArrayList<>();
        for (String split : List.of("train", "test")) {
            JSON.readTree(root.resolve("transforms_" + split + ".json").toFile()).get("frames").forEach(frames::add);
        }
        return frames;
    }

    private static double[][] matrix(JsonNode frame) {
        double[][] m = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] = frame.get("transform_matrix").get(r).get(c).asDouble();
            }
        }
        return m;
    }

    @Test
    void tabletopHasItsSplitsSizesAndFocalLength() throws IOException {
        Path root = SharedDatasets.scene("tabletop");
        Scene scene = SceneFormats.load(root, null, LoadOptions.defaults());
        assertThat(scene.format()).isEqualTo("blender");
        assertThat(scene.views()).hasSize(40);
        assertThat(scene.indicesOfSplit("train")).containsExactly(java.util.stream.IntStream.range(0, 24).toArray());
        assertThat(scene.indicesOfSplit("test")).hasSize(16).startsWith(24);
        assertThat(scene.views().get(0).name()).isEqualTo("train_000");
        assertThat(scene.views().get(24).name()).isEqualTo("test_000");
        double angle = JSON.readTree(root.resolve("transforms_train.json").toFile()).get("camera_angle_x").asDouble();
        for (View v : scene.views()) {
            Intrinsics k = v.camera().intrinsics();
            assertThat(k.width()).isEqualTo(256);
            assertThat(k.height()).isEqualTo(256);
            assertThat(k.fx()).isCloseTo(128 / Math.tan(angle / 2), within(1e-9));
            assertThat(k.fy()).isEqualTo(k.fx());
            assertThat(k.cx()).isEqualTo(128.0);
            assertThat(k.cy()).isEqualTo(128.0);
            assertThat(v.depthSource()).isPresent();
        }
        assertThat(scene.surfacePointCloud()).contains(root.resolve("points.ply"));
        // The COLMAP model beside the transforms covers the train images (views 0..23) only.
        assertThat(scene.sparsePoints().orElseThrow().count()).isEqualTo(435);
        for (int[] track : scene.sparsePoints().orElseThrow().viewsSeeing()) {
            assertThat(track).isNotEmpty().isSorted();
            assertThat(track[0]).isNotNegative();
            assertThat(track[track.length - 1]).isLessThan(24);
        }
    }

    @Test
    void tabletopCamerasSitAtTheMatrixTranslationAndLookAtTheTarget() throws IOException {
        Path root = SharedDatasets.scene("tabletop");
        Scene scene = new BlenderLoader().load(root, LoadOptions.defaults());
        List<JsonNode> frames = rawFrames(root);
        for (int i = 0; i < frames.size(); i++) {
            double[][] m = matrix(frames.get(i));
            double[] centre = scene.views().get(i).camera().pose().centre();
            assertThat(centre).containsExactly(new double[] {m[0][3], m[1][3], m[2][3]}, within(1e-6));
            double[] toTarget = new double[3];
            for (int a = 0; a < 3; a++) {
                toTarget[a] = TABLETOP_TARGET[a] - centre[a];
            }
            double dist = Math.sqrt(dot(toTarget, toTarget));
            assertThat(dist).isBetween(2.6 - 1e-3, 3.0 + 1e-3);
            double[] fwd = scene.views().get(i).camera().pose().forward();
            double angle = Math.toDegrees(Math.acos(Math.min(1, dot(fwd, toTarget) / dist)));
            assertThat(angle).as("view %d looks away from the target", i).isLessThan(2.0);
        }
    }

    @Test
    void projectionAgreesWithAnOpenGlProjectionOfTheRawMatrix() throws IOException {
        Path root = SharedDatasets.scene("tabletop");
        Scene scene = new BlenderLoader().load(root, LoadOptions.defaults());
        List<JsonNode> frames = rawFrames(root);
        double[][] points = {{0, 0, 0.3}, {0.3, -0.2, 0.5}, {-0.4, 0.1, 0.0}};
        for (int i : new int[] {0, 7, 30}) {
            double[][] c2w = matrix(frames.get(i));
            Camera cam = scene.views().get(i).camera();
            for (double[] p : points) {
                // OpenGL camera space: x right, y up, looking down -z; inverse of a rigid c2w is R^T (p - t).
                double[] d = {p[0] - c2w[0][3], p[1] - c2w[1][3], p[2] - c2w[2][3]};
                double xg = c2w[0][0] * d[0] + c2w[1][0] * d[1] + c2w[2][0] * d[2];
                double yg = c2w[0][1] * d[0] + c2w[1][1] * d[1] + c2w[2][1] * d[2];
                double zg = c2w[0][2] * d[0] + c2w[1][2] * d[1] + c2w[2][2] * d[2];
                double f = cam.intrinsics().fx();
                double u = 128 + f * xg / -zg;
                double v = 128 - f * yg / -zg;
                double[] uvz = cam.project(p[0], p[1], p[2]);
                assertThat(uvz[0]).isCloseTo(u, within(1e-6));
                assertThat(uvz[1]).isCloseTo(v, within(1e-6));
                assertThat(uvz[2]).isCloseTo(-zg, within(1e-9));
            }
        }
    }

    @Test
    void depthPixelsUnprojectOntoTheGroundTruthSurface() throws IOException {
        Path root = SharedDatasets.scene("tabletop");
        Scene scene = new BlenderLoader().load(root, LoadOptions.defaults());
        float[] surface = readPly(root.resolve("points.ply"));
        View view = scene.views().get(5);
        DepthMap depth = view.depthSource().orElseThrow().load();
        assertThat(depth.width()).isEqualTo(256);
        assertThat(depth.validCount()).isGreaterThan(256 * 256 / 10);
        Intrinsics k = view.camera().intrinsics();
        double[] r = view.camera().pose().rotation();
        double[] t = view.camera().pose().translation();
        List<Double> errors = new ArrayList<>();
        for (int y = 8; y < 256; y += 24) {
            for (int x = 8; x < 256; x += 24) {
                float d = depth.get(x, y);
                if (!(d > 0)) {
                    continue;
                }
                assertThat(d).isBetween(1.0f, 5.0f);
                double[] c = {(x + 0.5 - k.cx()) / k.fx() * d - t[0], (y + 0.5 - k.cy()) / k.fy() * d - t[1], d - t[2]};
                double[] w = {r[0] * c[0] + r[3] * c[1] + r[6] * c[2], r[1] * c[0] + r[4] * c[1] + r[7] * c[2],
                    r[2] * c[0] + r[5] * c[1] + r[8] * c[2]};
                errors.add(nearest(surface, w));
            }
        }
        errors.sort(null);
        assertThat(errors.size()).isGreaterThan(20);
        // Surface samples are ~1 cm apart (10,000 per square metre); a wrong depth scale, intrinsics or ray-length
        // depth would put points centimetres to decimetres off the surface. Silhouette pixels blend a foreground
        // and a background depth, so a few outliers are expected.
        assertThat(errors.get(errors.size() / 2)).isLessThan(0.01);
        assertThat(errors.get((int) (0.95 * errors.size()))).isLessThan(0.02);
    }

    @Test
    void tabletopImagesAreRgbaWithTransparentBackground() throws IOException {
        Scene scene = new BlenderLoader().load(SharedDatasets.scene("tabletop"), LoadOptions.defaults());
        RgbaImage img = scene.views().get(scene.indicesOfSplit("test")[0]).image().load();
        assertThat(img.hasAlpha()).isTrue();
        assertThat(img.width()).isEqualTo(256);
        assertThat(img.get(0, 0, 3)).isEqualTo(0f);
        long opaque = 0;
        for (int i = 3; i < img.data().length; i += 4) {
            opaque += img.data()[i] == 1f ? 1 : 0;
        }
        assertThat(opaque).isGreaterThan(1000);
    }

    @Test
    void downscaleHalvesIntrinsicsImagesAndDepth() throws IOException {
        Scene scene = new BlenderLoader().load(SharedDatasets.scene("tabletop"), new LoadOptions(2));
        Scene full = new BlenderLoader().load(SharedDatasets.scene("tabletop"), LoadOptions.defaults());
        View v = scene.views().get(3);
        assertThat(v.camera().intrinsics().fx()).isCloseTo(full.views().get(3).camera().intrinsics().fx() / 2,
                within(1e-9));
        assertThat(v.camera().intrinsics().cx()).isEqualTo(64.0);
        assertThat(v.image().load().width()).isEqualTo(128);
        assertThat(v.depthSource().orElseThrow().load().height()).isEqualTo(128);
    }

    @Test
    void forwardSceneLoadsOpaqueImagesAndWiderFieldOfView() throws IOException {
        Path root = SharedDatasets.scene("forward");
        Scene scene = new BlenderLoader().load(root, LoadOptions.defaults());
        assertThat(scene.views()).hasSize(40);
        assertThat(scene.indicesOfSplit("train")).hasSize(24);
        double angle = JSON.readTree(root.resolve("transforms_test.json").toFile()).get("camera_angle_x").asDouble();
        assertThat(Math.toDegrees(angle)).isCloseTo(55, within(0.01));
        assertThat(scene.views().get(0).camera().intrinsics().fovX()).isCloseTo(angle, within(1e-9));
        RgbaImage img = scene.views().get(0).image().load();
        for (int i = 3; i < img.data().length; i += 4) {
            assertThat(img.data()[i]).isEqualTo(1f);
        }
        List<JsonNode> frames = rawFrames(root);
        double[][] m = matrix(frames.get(39));
        assertThat(scene.views().get(39).camera().pose().centre())
                .containsExactly(new double[] {m[0][3], m[1][3], m[2][3]}, within(1e-6));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double nearest(float[] xyz, double[] p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < xyz.length; i += 3) {
            double dx = xyz[i] - p[0], dy = xyz[i + 1] - p[1], dz = xyz[i + 2] - p[2];
            best = Math.min(best, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(best);
    }

    /** Reads the benchmark's binary little-endian x y z float PLY (its exact header is asserted). */
    private static float[] readPly(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            List<String> header = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            while (!header.contains("end_header")) {
                int c = data.read();
                if (c == '\n') {
                    header.add(line.toString().trim());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            int count = Integer.parseInt(header.get(2).split(" ")[2]);
            assertThat(header).containsExactly("ply", "format binary_little_endian 1.0", "element vertex " + count,
                    "property float x", "property float y", "property float z", "end_header");
            byte[] bytes = data.readNBytes(count * 12);
            float[] xyz = new float[count * 3];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xyz);
            assertThat(Arrays.stream(new int[] {0, count - 1}).mapToDouble(i -> xyz[3 * i]).allMatch(Double::isFinite))
                    .isTrue();
            return xyz;
        }
    }
}
