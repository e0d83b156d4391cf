package dev.glimpse.datasets.load;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Tiny PNG files for loader tests. */
public final class TestImages {
    private TestImages() {}

    /** Writes a width x height RGB PNG whose pixel (x, y) is grey level (x + y) mod 256, creating folders. */
    public static Path png(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int g = (x + y) & 0xFF;
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
