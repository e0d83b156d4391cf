package dev.glimpse.datasets.load.colmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads small COLMAP datasets written by the tests: layouts, downscaling, undistortion and bad input. */
class ColmapLoaderTest {
    private static final int W = 96;
    private static final int H = 72;
    private static final double F = 80;
    private static final double CX = 48;
    private static final double CY = 36;
    private static final double K1 = -0.3;
    private static final double K2 = 0.05;
    private static final double P1 = 0.002;
    private static final double P2 = -0.001;
    /** A normalised image point far enough out that the lens moves it by several pixels. */
    private static final double XN = 0.45;
    private static final double YN = 0.3;

    @TempDir
    Path root;

    /** Three views: "c.png" through an OPENCV lens showing a dot, "a.png" and "b.png" through a PINHOLE camera. */
    private Path writeDataset(Path modelDir) throws IOException {
        String cameras = "1 PINHOLE " + W + " " + H + " 70 71 48 36\n"
                + "2 OPENCV " + W + " " + H + " " + F + " " + F + " " + CX + " " + CY + " " + K1 + " " + K2 + " " + P1
                + " " + P2 + "\n";
        String images = """
                5 1 0 0 0 0 0 4 2 c.png
                10 20 3
                6 1 0 0 0 0.5 0 4 1 b.png

                7 0.9238795325112867 0 0.3826834323650898 0 0 0 4 1 a.png
                30 31 3
                """;
        String points = "3 0.1 0.2 0.3 10 20 30 0.25 5 0 7 0\n";
        TinyModels.write(modelDir, cameras, images, points);
        Files.createDirectories(root.resolve("images"));
        writePng(root.resolve("images/a.png"), W, H, -1, -1);
        writePng(root.resolve("images/b.png"), W, H, -1, -1);
        double[] d = colmapOpencvDistort(XN, YN);
        writePng(root.resolve("images/c.png"), W, H, F * d[0] + CX, F * d[1] + CY);
        return root;
    }

    /** COLMAP's OPENCV lens formula, written out independently of {@link Distortion}. */
    private static double[] colmapOpencvDistort(double u, double v) {
        double r2 = u * u + v * v;
        double radial = K1 * r2 + K2 * r2 * r2;
        return new double[] {u + u * radial + 2 * P1 * u * v + P2 * (r2 + 2 * u * u),
                v + v * radial + 2 * P2 * u * v + P1 * (r2 + 2 * v * v)};
    }

    /** A grey image with a bright Gaussian dot centred at (dotX, dotY) in COLMAP pixel coordinates (none if < 0). */
    private static void writePng(Path file, int w, int h, double dotX, double dotY) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r2 = Math.pow(x + 0.5 - dotX, 2) + Math.pow(y + 0.5 - dotY, 2);
                int v = dotX < 0 ? 40 : (int) Math.round(20 + 235 * Math.exp(-r2 / (2 * 1.5 * 1.5)));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void detectsAndLoadsTextModelWithUndistortion() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        assertThat(SceneFormats.detect(folder, null)).isInstanceOf(ColmapLoader.class);
        Scene scene = SceneFormats.load(folder, null, LoadOptions.defaults());
        assertThat(scene.format()).isEqualTo("colmap");
        assertThat(scene.views()).extracting(View::name).containsExactly("a.png", "b.png", "c.png");

        View distorted = scene.views().get(2);
        assertThat(distorted.camera().modelName()).isEqualTo("OPENCV");
        assertThat(distorted.camera().distortion()).isEqualTo(Distortion.NONE);
        assertThat(distorted.camera().intrinsics()).isEqualTo(new Intrinsics(W, H, F, F, CX, CY));
        RgbaImage image = distorted.image().load();
        assertThat(image.width()).isEqualTo(W);
        assertThat(image.height()).isEqualTo(H);
        // Undistorted, the dot sits where the pinhole camera projects the point, not where the lens put it.
        double[] centroid = brightCentroid(image, F * XN + CX, F * YN + CY, 6);
        assertThat(centroid[0]).isCloseTo(F * XN + CX, within(0.3));
        assertThat(centroid[1]).isCloseTo(F * YN + CY, within(0.3));

        View pinhole = scene.views().get(0);
        assertThat(pinhole.camera().intrinsics()).isEqualTo(new Intrinsics(W, H, 70, 71, 48, 36));
        // a.png: 45 degrees about y (q = cos 22.5, 0, sin 22.5, 0) and t = (0, 0, 4), so centre = -R^T t.
        double s = Math.sqrt(0.5);
        assertThat(pinhole.camera().pose().centre()).containsExactly(new double[] {4 * s, 0, -4 * s}, within(1e-12));
        assertThat(pinhole.image().load().get(5, 5, 0)).isEqualTo(40 / 255f);

        // Point 3 is seen by images 5 (c.png, view 2) and 7 (a.png, view 0).
        assertThat(scene.sparsePoints().orElseThrow().viewsSeeing()[0]).containsExactly(0, 2);
        assertThat(scene.sparsePoints().orElseThrow().rgb()).containsExactly(10 / 255f, 20 / 255f, 30 / 255f);
        assertThat(scene.surfacePointCloud()).isEmpty();
    }

    /** The distorted dot must really be several pixels away, or the centroid check above proves nothing. */
    @Test
    void lensMovesTheDotNoticeably() {
        double[] d = colmapOpencvDistort(XN, YN);
        assertThat(Math.hypot(F * d[0] - F * XN, F * d[1] - F * YN)).isGreaterThan(3);
    }

    private static double[] brightCentroid(RgbaImage image, double x0, double y0, int radius) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = (int) y0 - radius; y <= (int) y0 + radius; y++) {
            for (int x = (int) x0 - radius; x <= (int) x0 + radius; x++) {
                double v = Math.max(0, image.get(x, y, 0) - 20 / 255.0);
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / sum, sy / sum};
    }

    @Test
    void findsModelInSparseOrRootAndPrefersBinary() throws IOException {
        writeDataset(root.resolve("sparse"));
        assertThat(ColmapModelFolder.find(root)).contains(new ColmapModelFolder(root.resolve("sparse"), false));
        Files.move(root.resolve("sparse"), root.resolve("model"));
        for (String name : new String[] {ColmapText.CAMERAS, ColmapText.IMAGES, ColmapText.POINTS3D}) {
            Files.move(root.resolve("model").resolve(name), root.resolve(name));
        }
        assertThat(ColmapModelFolder.find(root)).contains(new ColmapModelFolder(root, false));

        ColmapModel text = ColmapText.read(root);
        ColmapModel.Camera c = text.cameras().get(0);
        ColmapModel changed = new ColmapModel(java.util.List.of(new ColmapModel.Camera(c.id(), c.model(), c.width(),
                c.height(), new double[] {75, 75, 48, 36}), text.cameras().get(1)), text.images(), text.points3D());
        ColmapBinary.write(changed, root);
        assertThat(ColmapModelFolder.find(root)).contains(new ColmapModelFolder(root, true));
        Scene scene = SceneFormats.load(root, "colmap", LoadOptions.defaults());
        assertThat(scene.views().get(0).camera().intrinsics().fx()).isEqualTo(75);
    }

    @Test
    void downscaleUsesImagesNFolderAtItsActualSize() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        for (String name : new String[] {"a.png", "b.png", "c.png"}) {
            writePng(root.resolve("images_4").resolve(name), 25, 19, -1, -1);
        }
        Scene scene = SceneFormats.load(folder, "colmap", new LoadOptions(4));
        View a = scene.views().get(0);
        assertThat(a.image().file()).isEqualTo(root.resolve("images_4/a.png"));
        assertThat(a.camera().intrinsics()).isEqualTo(new Intrinsics(W, H, 70, 71, 48, 36).resized(25, 19));
        RgbaImage loaded = a.image().load();
        assertThat(loaded.width()).isEqualTo(25);
        assertThat(loaded.height()).isEqualTo(19);
    }

    @Test
    void downscaleWithoutImagesNFolderShrinksOnLoad() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        Scene scene = SceneFormats.load(folder, "colmap", new LoadOptions(4));
        View c = scene.views().get(2);
        assertThat(c.image().file()).isEqualTo(root.resolve("images/c.png"));
        assertThat(c.camera().intrinsics()).isEqualTo(new Intrinsics(W / 4, H / 4, F / 4, F / 4, CX / 4, CY / 4));
        RgbaImage loaded = c.image().load();
        assertThat(loaded.width()).isEqualTo(W / 4);
        assertThat(loaded.height()).isEqualTo(H / 4);
    }

    @Test
    void missingImageIsNamed() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        Files.delete(root.resolve("images/b.png"));
        assertThatThrownBy(() -> SceneFormats.load(folder, "colmap", LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessage(root.resolve("images/b.png").toAbsolutePath().normalize() + ": image 6 of "
                        + root.resolve("sparse/0/images.txt") + " not found");
    }

    @Test
    void fisheyeCameraIsRefusedNamingModelAndFile() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        Path camerasFile = root.resolve("sparse/0/cameras.txt");
        Files.writeString(camerasFile, Files.readString(camerasFile).replace("1 PINHOLE 96 72 70 71 48 36",
                "1 OPENCV_FISHEYE 96 72 70 71 48 36 0.1 0 0 0"));
        assertThatThrownBy(() -> SceneFormats.load(folder, "colmap", LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(camerasFile + ": camera 1 uses the OPENCV_FISHEYE model, which Glimpse "
                        + "cannot undistort");
    }

    @Test
    void invalidFocalLengthNamesCameraAndFile() throws IOException {
        Path folder = writeDataset(root.resolve("sparse/0"));
        Path camerasFile = root.resolve("sparse/0/cameras.txt");
        Files.writeString(camerasFile, Files.readString(camerasFile).replace("1 PINHOLE 96 72 70 71",
                "1 PINHOLE 96 72 -70 71"));
        assertThatThrownBy(() -> SceneFormats.load(folder, "colmap", LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(camerasFile + ": camera 1: focal lengths must be finite and positive");
    }

    @Test
    void folderWithoutModelIsNotColmap() throws IOException {
        Files.createDirectories(root.resolve("sparse/0"));
        Files.writeString(root.resolve("sparse/0/cameras.txt"), TinyModels.CAMERAS);
        assertThat(new ColmapLoader().probe(root)).isFalse();
        assertThatThrownBy(() -> new ColmapLoader().load(root, LoadOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith(root + ": no COLMAP model");
    }
}
