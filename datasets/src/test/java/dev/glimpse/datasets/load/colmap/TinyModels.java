package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small valid COLMAP text model, written by hand, that tests copy and break one line at a time. */
final class TinyModels {
    static final String CAMERAS = """
            # Camera list with one line of data per camera:
            1 PINHOLE 64 48 50 51 32 24
            2 SIMPLE_RADIAL 64 48 55 31.5 23.5 0.01
            """;
    /** Image 1 sees point 7 with its second feature; image 2 has an empty points2D line. */
    static final String IMAGES = """
            # Image list with two lines of data per image:
            1 1 0 0 0 0.5 -0.25 2 1 a.png
            10 20 -1 30.5 40.25 7
            2 0.7071067811865476 0 0.7071067811865476 0 1 2 3 2 b.png

            """;
    static final String POINTS = """
            # 3D point list with one line of data per point:
            7 1 2 3 255 0 10 0.5 1 1
            """;

    private TinyModels() {}

    static Path write(Path dir, String cameras, String images, String points) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ColmapText.CAMERAS), cameras, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ColmapText.IMAGES), images, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ColmapText.POINTS3D), points, StandardCharsets.UTF_8);
        return dir;
    }

    static Path write(Path dir) throws IOException {
        return write(dir, CAMERAS, IMAGES, POINTS);
    }
}
