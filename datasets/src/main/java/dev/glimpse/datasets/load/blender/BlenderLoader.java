package dev.glimpse.datasets.load.blender;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.DepthFile;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.load.DatasetPaths;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneLoader;
import dev.glimpse.datasets.load.colmap.ColmapLoader;
import dev.glimpse.datasets.load.colmap.ColmapModel;
import dev.glimpse.datasets.load.colmap.ColmapModelFolder;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SparsePoints;
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
 * The NeRF-synthetic ("Blender") layout: {@code transforms_train.json}, {@code transforms_val.json} and
 * {@code transforms_test.json} (any of them, at least one), each with a horizontal field of view
 * {@code camera_angle_x} and frames holding {@code file_path} and an OpenGL camera-to-world
 * {@code transform_matrix}. Views come in file order, train then val then test, with the split of their file.
 *
 * <p>Beyond the original format it reads what Glimpse's benchmark scenes add: {@code w}/{@code h} (otherwise the
 * size comes from the first image's header), per-frame {@code depth_path} (16-bit PNG of planar depth) with a
 * top-level {@code depth_scale} in stored units per metre, which defaults to 1000 (millimetres, the convention of
 * 16-bit depth PNGs and of nerfstudio's default factor 1e-3), and a root {@code points.ply} that is the
 * ground-truth surface cloud ({@link Scene#surfacePoints()}), not an initialisation. A COLMAP model beside the
 * transforms ({@code sparse/0}, as our benchmark scenes have: triangulated with the known poses, so in the same world
 * frame) supplies the scene's sparse points; see {@link #attachSparsePoints}.
 *
 * <p>The images of the original data sets are RGBA with a transparent background; compositing over a background
 * colour is the consumer's choice ({@link dev.glimpse.datasets.image.RgbaImage#over}).
 */
public final class BlenderLoader implements SceneLoader {
    public static final String NAME = "blender";

    /** Split names in the order their views are listed. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    /** Stored depth units per metre when a file gives depth paths without {@code depth_scale}: millimetres. */
    public static final double DEFAULT_DEPTH_UNITS_PER_METRE = 1000;

    /** Ground-truth surface cloud file name at the dataset root. */
    public static final String SURFACE_POINTS_FILE = "points.ply";

    /** One frame as read from its transforms file, before the view is named. */
    private record Frame(String split, Path image, Path depth, double depthUnitsPerMetre, Intrinsics fullSize,
            Pose pose) {}

    @Override
    public String name() {
        return NAME;
    }

    /** The transforms file of a split: {@code transforms_<split>.json} in the folder. */
    public static Path transformsFile(Path folder, String split) {
        return folder.resolve("transforms_" + split + ".json");
    }

    @Override
    public boolean probe(Path folder) {
        return SPLITS.stream().anyMatch(s -> Files.isRegularFile(transformsFile(folder, s)));
    }

    @Override
    public Scene load(Path folder, LoadOptions options) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, Files.exists(folder) ? "not a folder" : "dataset folder not found");
        }
        List<Frame> frames = new ArrayList<>();
        for (String split : SPLITS) {
            Path file = transformsFile(folder, split);
            if (Files.exists(file)) {
                frames.addAll(readSplit(folder, split, file));
            }
        }
        if (frames.isEmpty()) {
            throw new DatasetException(folder, "no transforms_train.json, transforms_val.json or transforms_test.json");
        }
        List<String> names = TransformsJson.viewNames(folder, frames.stream().map(Frame::image).toList());
        int n = options.downscale();
        List<View> views = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Intrinsics full = f.fullSize();
            Intrinsics loaded = full.downscaled(n);
            ImageFile image = new ImageFile(f.image(), full.width(), full.height(), n,
                    new Undistortion(loaded, Distortion.NONE));
            DepthFile depth = f.depth() == null ? null
                    : new DepthFile(f.depth(), f.depthUnitsPerMetre(), full.width(), full.height(), n);
            views.add(new View(names.get(i), f.split(), Camera.pinhole(loaded, f.pose()), image, depth, null, null));
        }
        Path surface = folder.resolve(SURFACE_POINTS_FILE);
        return Scene.of(NAME, folder, views, attachSparsePoints(folder, views),
                Files.isRegularFile(surface) ? surface : null);
    }

    /**
     * The points of a COLMAP model in the folder ({@link ColmapModelFolder#find}), or null when there is none. Each
     * COLMAP image is matched to the view whose image file it names, relative to {@code images/} (COLMAP's usual
     * image root) or to the dataset folder; model images that are not Blender views are left out of the tracks.
     */
    private static SparsePoints attachSparsePoints(Path folder, List<View> views) throws IOException {
        Optional<ColmapModelFolder> location = ColmapModelFolder.find(folder);
        if (location.isEmpty()) {
            return null;
        }
        ColmapModel model = location.get().read();
        Map<Path, Integer> viewIndexByFile = new HashMap<>();
        for (int i = 0; i < views.size(); i++) {
            viewIndexByFile.put(views.get(i).image().file().toAbsolutePath().normalize(), i);
        }
        Map<Integer, Integer> viewIndexByImageId = new HashMap<>();
        for (ColmapModel.Image image : model.images()) {
            for (Path imageRoot : List.of(folder.resolve("images"), folder)) {
                Integer view = viewIndexByFile.get(imageRoot.resolve(image.name()).toAbsolutePath().normalize());
                if (view != null) {
                    viewIndexByImageId.put(image.id(), view);
                    break;
                }
            }
        }
        return ColmapLoader.sparsePoints(model, viewIndexByImageId);
    }

    private static List<Frame> readSplit(Path root, String split, Path file) throws IOException {
        JsonNode json = TransformsJson.read(file);
        double angle = TransformsJson.positive(json, "camera_angle_x", file, "");
        if (angle >= Math.PI) {
            throw new DatasetException(file, "camera_angle_x must be below pi radians, got " + angle);
        }
        double depthScale = TransformsJson.number(json, "depth_scale", DEFAULT_DEPTH_UNITS_PER_METRE, file, "");
        if (!(depthScale > 0)) {
            throw new DatasetException(file, "depth_scale must be positive, got " + depthScale);
        }
        List<JsonNode> frames = TransformsJson.frames(json, file);
        List<Path> images = new ArrayList<>();
        List<Path> depths = new ArrayList<>();
        List<Pose> poses = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            String where = "frame " + i + ": ";
            images.add(imagePath(root, TransformsJson.text(frame, "file_path", file, where), file, i));
            depths.add(TransformsJson.optionalListedFile(root, frame, "depth_path", file, i));
            poses.add(TransformsJson.pose(frame, file, where));
        }
        int[] size = imageSize(json, file, images.get(0));
        double focal = 0.5 * size[0] / Math.tan(0.5 * angle);
        Intrinsics k = new Intrinsics(size[0], size[1], focal, focal, 0.5 * size[0], 0.5 * size[1]);
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            out.add(new Frame(split, images.get(i), depths.get(i), depthScale, k, poses.get(i)));
        }
        return out;
    }

    /** The original NeRF files omit the extension ("./train/r_0"): try the path as given, then with ".png". */
    private static Path imagePath(Path root, String filePath, Path file, int frame) throws DatasetException {
        Path given = DatasetPaths.inside(root, filePath, file);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path png = DatasetPaths.inside(root, filePath + ".png", file);
        if (Files.isRegularFile(png)) {
            return png;
        }
        TransformsJson.requireListedFile(given, file, frame);
        return given;
    }

    /**
     * The image size from {@code w}/{@code h}, checked against the first image's header so a wrong size is reported
     * when the scene is opened rather than deep into training; without the fields, the header decides.
     */
    private static int[] imageSize(JsonNode json, Path file, Path firstImage) throws IOException {
        int[] header = ImageFiles.size(firstImage);
        if (!TransformsJson.has(json, "w") && !TransformsJson.has(json, "h")) {
            return header;
        }
        int w = TransformsJson.positiveInt(json, "w", file, "");
        int h = TransformsJson.positiveInt(json, "h", file, "");
        if (header[0] != w || header[1] != h) {
            throw new DatasetException(firstImage, "image is " + header[0] + "x" + header[1] + " but "
                    + file.getFileName() + " says w x h = " + w + "x" + h);
        }
        return header;
    }
}
