package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a dataset keeps its COLMAP model and in which format. A dataset folder is searched in COLMAP's usual
 * layouts: {@code sparse/0/}, then {@code sparse/}, then the folder itself. Within a folder the binary files win
 * when both complete sets exist: they are what COLMAP writes by default and hold the exact doubles, whereas a text
 * copy may have been produced (or edited) by another tool with fewer digits.
 *
 * @param dir    the folder holding the three model files
 * @param binary whether they are the .bin files (else .txt)
 */
public record ColmapModelFolder(Path dir, boolean binary) {
    private static final String[] LAYOUTS = {"sparse/0", "sparse", "."};

    /** The model folder of a dataset, found from file names alone. */
    public static Optional<ColmapModelFolder> find(Path datasetFolder) {
        for (String layout : LAYOUTS) {
            Path dir = datasetFolder.resolve(layout).normalize();
            if (allExist(dir, ColmapBinary.CAMERAS, ColmapBinary.IMAGES, ColmapBinary.POINTS3D)) {
                return Optional.of(new ColmapModelFolder(dir, true));
            }
            if (allExist(dir, ColmapText.CAMERAS, ColmapText.IMAGES, ColmapText.POINTS3D)) {
                return Optional.of(new ColmapModelFolder(dir, false));
            }
        }
        return Optional.empty();
    }

    private static boolean allExist(Path dir, String... names) {
        for (String name : names) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    public ColmapModel read() throws IOException {
        return binary ? ColmapBinary.read(dir) : ColmapText.read(dir);
    }

    public Path camerasFile() {
        return dir.resolve(binary ? ColmapBinary.CAMERAS : ColmapText.CAMERAS);
    }

    public Path imagesFile() {
        return dir.resolve(binary ? ColmapBinary.IMAGES : ColmapText.IMAGES);
    }

    public Path points3DFile() {
        return dir.resolve(binary ? ColmapBinary.POINTS3D : ColmapText.POINTS3D);
    }
}
