package dev.glimpse.datasets.load.dtu;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.MaskFile;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.io.NdArray;
import dev.glimpse.datasets.io.Npz;
import dev.glimpse.datasets.load.ImageFolders;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneLoader;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DTU scenes in the IDR / NeuS layout: {@code cameras.npz} (or NeuS's {@code cameras_sphere.npz}) holding
 * {@code world_mat_i}, a projection P = K [R | t] from DTU world space (millimetres), and {@code scale_mat_i},
 * which maps the unit sphere around the object to DTU space; {@code image/} with the photos in sorted order and
 * optionally {@code mask/} with foreground masks in the same order (IDR names them differently from the images,
 * so they pair by order). Split "all".
 * <p>
 * Each camera is P S decomposed, so the loaded world is NeuS's normalised space, the object inside the unit
 * sphere. Anything in DTU millimetres (the ground-truth point clouds) needs S to be compared with it: x_dtu =
 * S x_loaded. IDR and NeuS cast pixel (i, j) through K at (i, j), so K puts pixel centres on integers; Glimpse's
 * intrinsics put them at +0.5, hence cx = K[0][2] + 0.5 and cy = K[1][2] + 0.5.
 */
public final class DtuLoader implements SceneLoader {
    private static final List<String> CAMERA_FILES = List.of("cameras.npz", "cameras_sphere.npz");
    /** Largest skew (relative to fx) dropped silently: DTU's calibrations have none beyond rounding noise. */
    private static final double MAX_RELATIVE_SKEW = 1e-3;

    @Override
    public String name() {
        return "dtu";
    }

    @Override
    public boolean probe(Path folder) {
        return cameraFile(folder) != null && Files.isDirectory(folder.resolve("image"));
    }

    private static Path cameraFile(Path folder) {
        for (String name : CAMERA_FILES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public Scene load(Path folder, LoadOptions options) throws IOException {
        Path camerasFile = cameraFile(folder);
        if (camerasFile == null) {
            throw new DatasetException(folder, "no cameras.npz or cameras_sphere.npz found");
        }
        Map<String, NdArray> arrays = Npz.read(camerasFile);
        List<Path> images = ImageFolders.sortedImages(folder.resolve("image"));
        if (images.isEmpty()) {
            throw new DatasetException(folder.resolve("image"), "no PNG or JPEG images found");
        }
        Path maskDir = folder.resolve("mask");
        List<Path> masks = Files.isDirectory(maskDir) ? ImageFolders.sortedImages(maskDir) : null;
        if (masks != null && masks.size() != images.size()) {
            throw new DatasetException(maskDir, "holds " + masks.size() + " masks for " + images.size() + " images");
        }
        int factor = options.downscale();
        List<View> views = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            double[][] p = projection(arrays, i, camerasFile);
            ProjectionDecomposition parts;
            Pose pose;
            try {
                parts = ProjectionDecomposition.of(p);
                pose = parts.pose();
            } catch (IllegalArgumentException e) {
                throw new DatasetException(camerasFile, "camera " + i + ": " + e.getMessage());
            }
            int[] size = ImageFiles.size(image);
            Intrinsics k = intrinsics(parts.k(), size, camerasFile, i).downscaled(factor);
            ImageFile source = new ImageFile(image, size[0], size[1], factor, new Undistortion(k, Distortion.NONE));
            MaskFile mask = masks == null ? null : new MaskFile(masks.get(i), size[0], size[1], factor);
            views.add(new View(ImageFolders.stem(image), "all", Camera.pinhole(k, pose), source, null, mask, null));
        }
        return Scene.of(name(), folder, views, null, null);
    }

    /** The top 3x4 of world_mat_i @ scale_mat_i (scale_mat_i is the identity when absent). */
    private static double[][] projection(Map<String, NdArray> arrays, int i, Path file) throws DatasetException {
        double[][] world = matrix(arrays, "world_mat_" + i, file, true);
        double[][] scale = arrays.containsKey("scale_mat_" + i) ? matrix(arrays, "scale_mat_" + i, file, false)
                : new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double[][] p = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                for (int j = 0; j < 4; j++) {
                    p[r][c] += world[r][j] * scale[j][c];
                }
            }
        }
        return p;
    }

    private static double[][] matrix(Map<String, NdArray> arrays, String key, Path file, boolean threeRowsOk)
            throws DatasetException {
        NdArray a = arrays.get(key);
        if (a == null) {
            throw new DatasetException(file, "member '" + key + ".npy' is missing");
        }
        boolean ok = a.ndim() == 2 && a.shape(1) == 4 && (a.shape(0) == 4 || (threeRowsOk && a.shape(0) == 3));
        if (!ok) {
            throw new DatasetException(file, "member '" + key + ".npy' has shape " + a.shapeString()
                    + ", expected (4, 4)" + (threeRowsOk ? " or (3, 4)" : ""));
        }
        return a.asMatrix();
    }

    private static Intrinsics intrinsics(double[] k, int[] size, Path file, int i) throws DatasetException {
        if (Math.abs(k[1]) > MAX_RELATIVE_SKEW * k[0]) {
            throw new DatasetException(file, "camera " + i + ": skew " + k[1]
                    + " cannot be represented by a pinhole camera without skew");
        }
        try {
            return new Intrinsics(size[0], size[1], k[0], k[4], k[2] + 0.5, k[5] + 0.5);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, "camera " + i + ": " + e.getMessage());
        }
    }
}
