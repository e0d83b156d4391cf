package dev.glimpse.datasets.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTypesTest {
    @TempDir
    Path dir;

    @Test
    void compositingOverABackgroundUsesAlpha() {
        RgbaImage img = new RgbaImage(1, 2, new float[] {1, 0, 0, 0.25f, 0, 1, 0, 0}, true);
        RgbaImage over = img.over(new float[] {1, 1, 1});
        assertThat(over.get(0, 0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(over.get(0, 0, 1)).isCloseTo(0.75f, within(1e-6f));
        assertThat(over.get(0, 1, 1)).isCloseTo(1f, within(1e-6f));
        assertThat(over.get(0, 1, 3)).isEqualTo(1f);
    }

    @Test
    void downscaleAveragesColourWeightedByAlpha() {
        // A 2x2 block: one opaque red pixel, three transparent green ones.
        float[] d = {1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0};
        RgbaImage small = new RgbaImage(2, 2, d, true).downscaled(2);
        assertThat(small.get(0, 0, 0)).isEqualTo(1f);
        assertThat(small.get(0, 0, 1)).isEqualTo(0f);
        assertThat(small.get(0, 0, 3)).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void depthDownscaleIgnoresInvalidPixels() {
        DepthMap d = new DepthMap(2, 2, new float[] {2, 0, 4, 0}).downscaled(2);
        assertThat(d.get(0, 0)).isEqualTo(3f);
        assertThat(new DepthMap(2, 2, new float[4]).downscaled(2).isValid(0, 0)).isFalse();
    }

    @Test
    void sixteenBitPngDepthIsScaledToMetresSaturationIsNoSurfaceAndSizeIsChecked() throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 2500);
        img.getRaster().setSample(1, 1, 0, 65534);
        img.getRaster().setSample(2, 1, 0, 65535);
        Path f = dir.resolve("d.png");
        ImageIO.write(img, "png", f.toFile());
        DepthMap m = new DepthFile(f, 1000, 3, 2, 1).load();
        assertThat(m.get(0, 0)).isCloseTo(2.5f, within(1e-6f));
        assertThat(m.get(1, 1)).isCloseTo(65.534f, within(1e-4f));
        assertThat(m.isValid(2, 1)).as("the 16-bit maximum is out of range, not a depth").isFalse();
        assertThat(m.isValid(1, 0)).isFalse();
        assertThatThrownBy(() -> new DepthFile(f, 1000, 4, 2, 1).load()).isInstanceOf(DatasetException.class)
                .hasMessageContaining("d.png").hasMessageContaining("3x2");
    }

    @Test
    void imageOfTheWrongSizeOrMissingOrCorruptIsReportedWithItsName() throws Exception {
        Path f = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        Undistortion none = new Undistortion(new Intrinsics(4, 4, 4, 4, 2, 2), Distortion.NONE);
        assertThat(new ImageFile(f, 4, 4, 1, none).load().width()).isEqualTo(4);
        assertThatThrownBy(() -> new ImageFile(f, 8, 4, 1, none).load())
                .hasMessageStartingWith(f.toString()).hasMessageContaining("4x4").hasMessageContaining("8x4");
        assertThatThrownBy(() -> new ImageFile(dir.resolve("nope.png"), 4, 4, 1, none).load())
                .isInstanceOf(DatasetException.class).hasMessageContaining("not found");
        Path bad = dir.resolve("bad.png");
        Files.writeString(bad, "this is not a png");
        assertThatThrownBy(() -> ImageFiles.readRgba(bad)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.png");
        assertThatThrownBy(() -> ImageFiles.size(bad)).isInstanceOf(DatasetException.class);
        assertThat(ImageFiles.size(f)).containsExactly(4, 4);
    }

    @Test
    void undistortionMapsAStraightLineBackToStraight() {
        // Draw, in a distorted image, the curve a straight vertical line at x = 0.2 (normalised) becomes.
        Intrinsics k = new Intrinsics(64, 64, 50, 50, 32, 32);
        Distortion dist = Distortion.radial(-0.2, 0.05);
        float[] px = new float[64 * 64 * 4];
        double[] d = new double[2];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                px[(y * 64 + x) * 4 + 3] = 1;
            }
            dist.distort(0.2, (y + 0.5 - 32) / 50, d);
            int col = (int) Math.floor(d[0] * 50 + 32);
            px[(y * 64 + col) * 4] = 1;
        }
        RgbaImage out = new Undistortion(k, dist).apply(new RgbaImage(64, 64, px, false));
        int expectedCol = (int) Math.floor(0.2 * 50 + 32);
        for (int y = 8; y < 56; y++) {
            int best = 0;
            for (int x = 1; x < 64; x++) {
                if (out.get(x, y, 0) > out.get(best, y, 0)) {
                    best = x;
                }
            }
            assertThat(best).as("row %d", y).isBetween(expectedCol - 1, expectedCol + 1);
        }
    }

    @Test
    void pngWritersRoundTripThroughTheReaders() throws Exception {
        float[] rgba = {0, 0.5f, 1, 1, 2f, -1f, Float.NaN, 1};
        Path png = dir.resolve("c.png");
        ImageFiles.writeRgbPng(png, rgba, 2, 1, 4);
        RgbaImage back = ImageFiles.readRgba(png);
        assertThat(back.get(0, 0, 1)).isCloseTo(128 / 255f, within(1e-6f));
        assertThat(back.get(1, 0, 0)).isEqualTo(1f);
        assertThat(back.get(1, 0, 1)).isEqualTo(0f);
        assertThat(back.get(1, 0, 2)).isEqualTo(0f);
        Path grey = dir.resolve("d.png");
        ImageFiles.writeGrey16Png(grey, new int[] {0, 1, 65535, 1234}, 2, 2);
        int[] size = new int[2];
        assertThat(ImageFiles.readChannel(grey, size)).containsExactly(0, 1, 65535, 1234);
        assertThat(size).containsExactly(2, 2);
        assertThatThrownBy(() -> ImageFiles.writeGrey16Png(grey, new int[] {70000}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("c.png", "d.png");
        }
    }
}
