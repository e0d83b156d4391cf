package dev.glimpse.datasets.load;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Listing of the image files of a folder, for formats (LLFF, DTU) that pair images with cameras by sorted file
 * name rather than by names written in a file.
 */
public final class ImageFolders {
    private ImageFolders() {}

    /** PNG and JPEG files (extension in any case) directly inside the folder, sorted by file name. */
    public static List<Path> sortedImages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, Files.exists(folder) ? "not a folder" : "image folder not found");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isImageName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** A file's name without its extension, used as a view name. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
