package dev.glimpse.datasets.load.llff;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.io.NdArray;
import dev.glimpse.datasets.io.Npy;
import dev.glimpse.datasets.load.ImageFolders;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneLoader;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
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

/**
 * The LLFF layout (NeRF's forward-facing scenes): {@code poses_bounds.npy}, N x 17 float64, and the N images of
 * {@code images/} in sorted order, with optional pre-shrunk copies in {@code images_K/}. Each row is a row-major
 * 3x5 matrix, a camera-to-world [R | centre] whose rotation columns are the camera's [down, right, backwards] axes
 * plus a column [height, width, focal] for the full-size images, then the near and far depth bounds. All views
 * are in split "all". A {@code sparse/0} COLMAP model beside it is not read (load the folder as "colmap" for it).
 */
public final class LlffLoader implements SceneLoader {
    static final String POSES = "poses_bounds.npy";
    private static final int ROW = 17;

    @Override
    public String name() {
        return "llff";
    }

    @Override
    public boolean probe(Path folder) {
        return Files.isRegularFile(folder.resolve(POSES)) && Files.isDirectory(folder.resolve("images"));
    }

    @Override
    public Scene load(Path folder, LoadOptions options) throws IOException {
        Path posesFile = folder.resolve(POSES);
        NdArray poses = Npy.read(posesFile);
        if (poses.ndim() != 2 || poses.shape(1) != ROW || poses.shape(0) == 0) {
            throw new DatasetException(posesFile, "expected an N x " + ROW + " array, got shape " + poses.shapeString());
        }
        int n = poses.shape(0);
        int factor = options.downscale();
        Path shrunk = folder.resolve("images_" + factor);
        boolean preShrunk = factor > 1 && Files.isDirectory(shrunk);
        Path imageDir = preShrunk ? shrunk : folder.resolve("images");
        List<Path> images = ImageFolders.sortedImages(imageDir);
        if (images.size() != n) {
            throw new DatasetException(imageDir, "holds " + images.size() + " images but " + POSES + " has " + n
                    + " cameras");
        }
        double[][] rows = poses.asMatrix();
        List<View> views = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Path image = images.get(i);
            int[] size = ImageFiles.size(image);
            Intrinsics k = intrinsicsAtFileSize(rows[i], size, posesFile, image, i);
            int loadFactor = preShrunk ? 1 : factor;
            Intrinsics loaded = k.downscaled(loadFactor);
            Camera camera = Camera.pinhole(loaded, pose(rows[i], posesFile, i));
            ImageFile source = new ImageFile(image, size[0], size[1], loadFactor,
                    new Undistortion(loaded, Distortion.NONE));
            views.add(new View(ImageFolders.stem(image), "all", camera, source, null, null,
                    nearFar(rows[i], posesFile, i)));
        }
        return Scene.of(name(), folder, views, null, null);
    }

    /** The OpenCV world-to-camera pose of one row. */
    static Pose pose(double[] row, Path posesFile, int index) throws DatasetException {
        // Row-major 3x5: m[r][c] = row[5 r + c]. Columns 0..2 are the [down, right, backwards] axes, 3 the centre.
        double[][] gl = new double[3][4];
        for (int r = 0; r < 3; r++) {
            gl[r][0] = row[5 * r + 1];
            gl[r][1] = -row[5 * r];
            gl[r][2] = row[5 * r + 2];
            gl[r][3] = row[5 * r + 3];
        }
        try {
            return Pose.fromOpenGlCameraToWorld(gl);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(posesFile, "camera " + index + ": " + e.getMessage());
        }
    }

    /**
     * Intrinsics for the image file's actual size. The row's focal belongs to its height and width (the full-size
     * images); a file of another size must have the same aspect ratio, up to the rounding of a shrunk copy.
     */
    private static Intrinsics intrinsicsAtFileSize(double[] row, int[] size, Path posesFile, Path image, int index)
            throws DatasetException {
        double height = row[4];
        double width = row[9];
        double focal = row[14];
        long h = Math.round(height);
        long w = Math.round(width);
        if (!(height >= 1 && width >= 1) || Math.abs(height - h) > 1e-6 || Math.abs(width - w) > 1e-6
                || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw new DatasetException(posesFile, "camera " + index + ": image size " + width + "x" + height
                    + " is not a positive whole number of pixels");
        }
        Intrinsics full;
        try {
            full = new Intrinsics((int) w, (int) h, focal, focal, w / 2.0, h / 2.0);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(posesFile, "camera " + index + ": " + e.getMessage());
        }
        // Cross-multiplied aspect check; a shrunk copy may round each side by up to one pixel.
        if (Math.abs((double) size[0] * h - (double) size[1] * w) > Math.max(w, h)) {
            throw new DatasetException(image, "image is " + size[0] + "x" + size[1] + " but " + POSES + " gives "
                    + w + "x" + h + " (a different aspect ratio)");
        }
        return full.resized(size[0], size[1]);
    }

    private static DepthRange nearFar(double[] row, Path posesFile, int index) throws DatasetException {
        try {
            return new DepthRange(row[15], row[16]);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(posesFile, "camera " + index + ": " + e.getMessage());
        }
    }
}
