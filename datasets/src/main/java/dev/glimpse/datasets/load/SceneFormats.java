package dev.glimpse.datasets.load;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.load.blender.BlenderLoader;
import dev.glimpse.datasets.load.colmap.ColmapLoader;
import dev.glimpse.datasets.load.dtu.DtuLoader;
import dev.glimpse.datasets.load.llff.LlffLoader;
import dev.glimpse.datasets.load.nerfstudio.NerfstudioLoader;
import dev.glimpse.datasets.scene.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of dataset formats and the detector that picks one by probing a folder. The order matters where a
 * folder fits several formats: our benchmark scenes carry both Blender transforms and a COLMAP model, and the
 * Blender cameras (exact, from the renderer) are preferred.
 */
public final class SceneFormats {
    private static final List<SceneLoader> LOADERS = List.of(
            new BlenderLoader(),
            new NerfstudioLoader(),
            new DtuLoader(),
            new LlffLoader(),
            new ColmapLoader()
    );

    private SceneFormats() {}

    public static List<SceneLoader> all() {
        return LOADERS;
    }

    /** The loader for the folder: the named format when given, else the first whose probe accepts it. */
    public static SceneLoader detect(Path folder, String formatOrNull) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, Files.exists(folder) ? "not a folder" : "dataset folder not found");
        }
        if (formatOrNull != null) {
            String wanted = formatOrNull.toLowerCase(Locale.ROOT);
            for (SceneLoader l : LOADERS) {
                if (l.name().equals(wanted)) {
                    return l;
                }
            }
            throw new DatasetException(folder, "unknown format '" + formatOrNull + "' (known: " + names() + ")");
        }
        for (SceneLoader l : LOADERS) {
            if (l.probe(folder)) {
                return l;
            }
        }
        throw new DatasetException(folder, "no known dataset format found (looked for " + names() + ")");
    }

    /** Detects the format and loads the scene. */
    public static Scene load(Path folder, String formatOrNull, LoadOptions options) throws IOException {
        return detect(folder, formatOrNull).load(folder, options);
    }

    private static String names() {
        return LOADERS.stream().map(SceneLoader::name).collect(Collectors.joining(", "));
    }
}
