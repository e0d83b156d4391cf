package dev.glimpse.datasets.load.blender;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small PNG files for loader tests. */
public final class TestPngs {
    private TestPngs() {}

    /** An 8-bit RGBA image; pixel (x, y) gets red = x, green = y, alpha 0 in the left column, else 255. */
    public static Path rgba(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                r.setPixel(x, y, new int[] {x % 256, y % 256, 7, x == 0 ? 0 : 255});
            }
        }
        return write(img, file);
    }

    /** A 16-bit grey image with every pixel set to {@code value} (a depth map in stored units). */
    public static Path grey16(Path file, int width, int height, int value) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                r.setSample(x, y, 0, value);
            }
        }
        return write(img, file);
    }

    /** An 8-bit grey mask, foreground (255) in the left half. */
    public static Path mask(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                r.setSample(x, y, 0, x < width / 2 ? 255 : 0);
            }
        }
        return write(img, file);
    }

    private static Path write(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
