package dev.glimpse.datasets.load.nerfstudio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.DepthFile;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.MaskFile;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.load.DatasetPaths;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneLoader;
import dev.glimpse.datasets.load.blender.TransformsJson;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nerfstudio's and instant-ngp's {@code transforms.json}: top-level intrinsics ({@code fl_x fl_y cx cy w h}, or
 * instant-ngp's {@code camera_angle_x}/{@code camera_angle_y}) and distortion ({@code k1 k2 k3 p1 p2}) that frames
 * may override, frames with {@code file_path}, an OpenGL camera-to-world {@code transform_matrix}, optional
 * {@code depth_file_path} and {@code mask_path}. Every view gets split "all".
 *
 * <p>Depth: nerfstudio's {@code depth_unit_scale_factor} multiplies stored values into metres (default 1e-3 for
 * 16-bit millimetre PNGs); Glimpse's depth files take the inverse, stored units per metre.
 *
 * <p>With a downscale N, the pre-shrunk copies nerfstudio writes are used where present: {@code images_N/<name>}
 * (likewise {@code depths_N/}, {@code masks_N/}) at the dataset root, else the full-size file is shrunk on load.
 *
 * <p>Not used: {@code ply_file_path} (an initial point cloud; validated and exposed by
 * {@link #initialPointCloud(Path)}, not yet read into the scene), {@code aabb_scale} (instant-ngp's
 * ray-marching box, informational), {@code applied_transform}/{@code applied_scale} (how nerfstudio's
 * preprocessing already transformed the stored poses and point cloud; both are consistent without it), and the
 * optional {@code train_filenames}/{@code test_filenames} lists.
 */
public final class NerfstudioLoader implements SceneLoader {
    public static final String NAME = "nerfstudio";
    public static final String TRANSFORMS_FILE = "transforms.json";

    /** nerfstudio's default {@code depth_unit_scale_factor}: stored millimetres to metres. */
    public static final double DEFAULT_DEPTH_UNIT_SCALE_FACTOR = 1e-3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean probe(Path folder) {
        return Files.isRegularFile(folder.resolve(TRANSFORMS_FILE));
    }

    /** The initial point cloud named by {@code ply_file_path}, if the dataset has one. */
    public static Optional<Path> initialPointCloud(Path folder) throws IOException {
        Path file = folder.resolve(TRANSFORMS_FILE);
        return Optional.ofNullable(pointCloud(folder, TransformsJson.read(file), file));
    }

    private static Path pointCloud(Path root, JsonNode meta, Path file) throws DatasetException {
        String ply = TransformsJson.optionalText(meta, "ply_file_path", file, "");
        if (ply == null) {
            return null;
        }
        Path path = DatasetPaths.inside(root, ply, file);
        if (!Files.isRegularFile(path)) {
            throw new DatasetException(path, "point cloud not found (ply_file_path of " + file.getFileName() + ")");
        }
        return path;
    }

    @Override
    public Scene load(Path folder, LoadOptions options) throws IOException {
        Path file = folder.resolve(TRANSFORMS_FILE);
        JsonNode meta = TransformsJson.read(file);
        String model = NerfstudioCameras.model(meta, file);
        double factor = TransformsJson.number(meta, "depth_unit_scale_factor", DEFAULT_DEPTH_UNIT_SCALE_FACTOR, file, "");
        if (!(factor > 0)) {
            throw new DatasetException(file, "depth_unit_scale_factor must be positive, got " + factor);
        }
        pointCloud(folder, meta, file);
        List<JsonNode> frames = TransformsJson.frames(meta, file);
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Path image = DatasetPaths.inside(folder, TransformsJson.text(frames.get(i), "file_path", file,
                    "frame " + i + ": "), file);
            TransformsJson.requireListedFile(image, file, i);
            images.add(image);
        }
        List<String> names = TransformsJson.viewNames(folder, images);
        ShrunkSizes shrunk = new ShrunkSizes(options.downscale());
        List<View> views = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            String where = "frame " + i + ": ";
            Path image = images.get(i);
            Pose pose = TransformsJson.pose(frame, file, where);
            boolean checkHeader = i == 0 || NerfstudioCameras.needsHeaderSize(meta, frame);
            int[] header = checkHeader ? ImageFiles.size(image) : null;
            Intrinsics full = NerfstudioCameras.intrinsics(meta, frame, file, where, header);
            if (header != null && (header[0] != full.width() || header[1] != full.height())) {
                throw new DatasetException(image, "image is " + header[0] + "x" + header[1] + " but "
                        + file.getFileName() + " says " + full.width() + "x" + full.height());
            }
            Distortion distortion = NerfstudioCameras.distortion(meta, frame, file, where);
            views.add(view(folder, file, i, names.get(i), frame, image, full, distortion, model, pose, 1 / factor,
                    shrunk));
        }
        return Scene.of(NAME, folder, views, null, null);
    }

    private static View view(Path root, Path file, int index, String name, JsonNode frame, Path image,
            Intrinsics full, Distortion distortion, String model, Pose pose, double depthUnitsPerMetre,
            ShrunkSizes shrunk) throws IOException {
        int n = shrunk.factor;
        Path smallImage = preShrunk(root, "images_", image, n);
        Intrinsics loaded = smallImage == null ? full.downscaled(n) : shrunk.intrinsics(smallImage, full);
        ImageFile imageSource = smallImage == null
                ? new ImageFile(image, full.width(), full.height(), n, new Undistortion(loaded, distortion))
                : new ImageFile(smallImage, loaded.width(), loaded.height(), 1, new Undistortion(loaded, distortion));

        Path d = TransformsJson.optionalListedFile(root, frame, "depth_file_path", file, index);
        Path smallDepth = d == null ? null : preShrunk(root, "depths_", d, n);
        DepthFile depth = d == null ? null : smallDepth == null
                ? new DepthFile(d, depthUnitsPerMetre, full.width(), full.height(), n)
                : new DepthFile(smallDepth, depthUnitsPerMetre, loaded.width(), loaded.height(), 1);
        Path m = TransformsJson.optionalListedFile(root, frame, "mask_path", file, index);
        Path smallMask = m == null ? null : preShrunk(root, "masks_", m, n);
        MaskFile mask = m == null ? null : smallMask == null
                ? new MaskFile(m, full.width(), full.height(), n)
                : new MaskFile(smallMask, loaded.width(), loaded.height(), 1);
        // Images are undistorted at load, so the view's camera is the pinhole with the same K.
        Camera camera = new Camera(loaded, Distortion.NONE, pose, model);
        return new View(name, "all", camera, imageSource, depth, mask, null);
    }

    /** nerfstudio's layout for pre-shrunk copies: {@code <root>/<prefix>N/<file name>}; null when absent. */
    private static Path preShrunk(Path root, String prefix, Path full, int factor) {
        if (factor == 1) {
            return null;
        }
        Path small = root.resolve(prefix + factor).resolve(full.getFileName().toString());
        return Files.isRegularFile(small) ? small : null;
    }

    /**
     * Sizes of pre-shrunk images, read from the first header per full-size resolution: resizing tools round
     * differently, so the file decides, within a pixel of full / N.
     */
    private static final class ShrunkSizes {
        final int factor;
        private final Map<List<Integer>, int[]> byFullSize = new HashMap<>();

        ShrunkSizes(int factor) {
            this.factor = factor;
        }

        Intrinsics intrinsics(Path smallImage, Intrinsics full) throws IOException {
            List<Integer> key = List.of(full.width(), full.height());
            int[] size = byFullSize.get(key);
            if (size == null) {
                size = ImageFiles.size(smallImage);
                if (Math.abs(size[0] - (double) full.width() / factor) > 1
                        || Math.abs(size[1] - (double) full.height() / factor) > 1) {
                    throw new DatasetException(smallImage, "image is " + size[0] + "x" + size[1]
                            + ", not 1/" + factor + " of " + full.width() + "x" + full.height());
                }
                byFullSize.put(key, size);
            }
            return full.resized(size[0], size[1]);
        }
    }
}
