package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * COLMAP's text model format: cameras.txt, images.txt and points3D.txt in one folder. Numbers are written as
 * COLMAP writes them (17 significant digits), which parse back to bit-identical doubles.
 */
public final class ColmapText {
    public static final String CAMERAS = "cameras.txt";
    public static final String IMAGES = "images.txt";
    public static final String POINTS3D = "points3D.txt";

    private ColmapText() {}

    /** Reads the three files of the folder; bad input is a one-line DatasetException with file and line number. */
    public static ColmapModel read(Path dir) throws IOException {
        return ColmapTextReader.read(dir);
    }

    /** Writes the three files into the folder (created if needed), each through a temporary file. */
    public static void write(ColmapModel model, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        ColmapTextWriter.write(model, dir);
    }
}
