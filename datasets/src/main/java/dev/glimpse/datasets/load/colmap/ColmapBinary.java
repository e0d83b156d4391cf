package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * COLMAP's binary model format: cameras.bin, images.bin and points3D.bin in one folder, little endian, with
 * uint64 counts and records as COLMAP's documentation lists them.
 */
public final class ColmapBinary {
    public static final String CAMERAS = "cameras.bin";
    public static final String IMAGES = "images.bin";
    public static final String POINTS3D = "points3D.bin";

    private ColmapBinary() {}

    /**
     * Reads the three files of the folder. Truncated files, counts larger than the remaining bytes can hold
     * (checked before allocating), trailing bytes and invalid values are one-line DatasetExceptions naming the file,
     * the record and its byte offset.
     */
    public static ColmapModel read(Path dir) throws IOException {
        return ColmapBinaryReader.read(dir);
    }

    /** Writes the three files into the folder (created if needed), each through a temporary file. */
    public static void write(ColmapModel model, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        ColmapBinaryWriter.write(model, dir);
    }
}
