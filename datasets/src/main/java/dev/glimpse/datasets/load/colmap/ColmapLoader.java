package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.load.DatasetPaths;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneLoader;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads a COLMAP reconstruction: a sparse model ({@link ColmapModelFolder} says where and which format) plus the
 * photos in {@code images/}. COLMAP poses are already world-to-camera in OpenCV axes, so they map directly to
 * {@link Pose}. Views are ordered by image name (COLMAP's ids follow feature-extraction order, which is not
 * meaningful to users) and all belong to split "all". Distorted images are undistorted at load time to pinhole
 * with the same intrinsics; fisheye, FOV and thin-prism cameras are refused. With downscale N > 1 a
 * pre-shrunk {@code images_N/} folder is used when present (intrinsics rescaled to its actual file size, read from
 * each camera's first image), else {@code images/} is shrunk on load. A {@code points.ply} beside the model is
 * taken as the ground-truth surface cloud, the convention of Glimpse's benchmark datasets.
 */
public final class ColmapLoader implements SceneLoader {
    public static final String NAME = "colmap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean probe(Path folder) {
        return ColmapModelFolder.find(folder).isPresent();
    }

    @Override
    public Scene load(Path folder, LoadOptions options) throws IOException {
        ColmapModelFolder location = ColmapModelFolder.find(folder).orElseThrow(() -> new DatasetException(folder,
                "no COLMAP model (cameras, images and points3D as .bin or .txt) in sparse/0/, sparse/ or the folder"));
        ColmapModel model = location.read();
        if (model.images().isEmpty()) {
            throw new DatasetException(location.imagesFile(), "the model has no images");
        }
        Map<Integer, ColmapModel.Camera> camerasById = new HashMap<>();
        model.cameras().forEach(c -> camerasById.put(c.id(), c));

        int downscale = options.downscale();
        Path shrunk = folder.resolve("images_" + downscale);
        boolean preShrunk = downscale > 1 && Files.isDirectory(shrunk);
        Path imageDir = preShrunk ? shrunk : folder.resolve("images");

        List<ColmapModel.Image> byName = new ArrayList<>(model.images());
        byName.sort(Comparator.comparing(ColmapModel.Image::name));
        Map<Integer, LoadedCamera> loadedByCameraId = new HashMap<>();
        Map<Integer, Integer> viewIndexByImageId = new HashMap<>();
        List<View> views = new ArrayList<>(byName.size());
        for (ColmapModel.Image image : byName) {
            Path file = DatasetPaths.inside(imageDir, image.name(), location.imagesFile());
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(file, "image " + Integer.toUnsignedString(image.id()) + " of "
                        + location.imagesFile() + " not found");
            }
            LoadedCamera camera = loadedByCameraId.get(image.cameraId());
            if (camera == null) {
                camera = LoadedCamera.of(camerasById.get(image.cameraId()), location.camerasFile(),
                        preShrunk ? file : null, downscale);
                loadedByCameraId.put(image.cameraId(), camera);
            }
            Pose pose = pose(image, location.imagesFile());
            Camera viewCamera = new Camera(camera.intrinsics(), Distortion.NONE, pose, camera.modelName());
            ImageFile source = new ImageFile(file, camera.fileWidth(), camera.fileHeight(),
                    camera.shrinkOnLoad(), new Undistortion(camera.intrinsics(), camera.distortion()));
            viewIndexByImageId.put(image.id(), views.size());
            views.add(new View(image.name(), "all", viewCamera, source, null, null, null));
        }
        Path surface = folder.resolve("points.ply");
        return Scene.of(NAME, folder, views, sparsePoints(model, viewIndexByImageId),
                Files.isRegularFile(surface) ? surface : null);
    }

    private static Pose pose(ColmapModel.Image image, Path imagesFile) throws DatasetException {
        double[] q = image.qvec();
        double[] t = image.tvec();
        try {
            return Pose.fromQuaternion(q[0], q[1], q[2], q[3], t[0], t[1], t[2]);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(imagesFile, "image " + Integer.toUnsignedString(image.id()) + " '"
                    + image.name() + "': " + e.getMessage());
        }
    }

    /**
     * The model's points with colours in [0, 1] and their tracks as sorted, distinct view indices. Track entries
     * whose image is not in {@code viewIndexByImageId} are dropped: a scene loaded another way (Blender transforms
     * beside the model) may hold only some of the model's images, and the point itself is still valid.
     */
    public static SparsePoints sparsePoints(ColmapModel model, Map<Integer, Integer> viewIndexByImageId) {
        List<ColmapModel.Point3D> points = model.points3D();
        int n = points.size();
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        float[] error = new float[n];
        int[][] viewsSeeing = new int[n][];
        for (int i = 0; i < n; i++) {
            ColmapModel.Point3D p = points.get(i);
            double[] position = p.xyz();
            int[] colour = p.rgb();
            for (int c = 0; c < 3; c++) {
                xyz[3 * i + c] = (float) position[c];
                rgb[3 * i + c] = colour[c] / 255f;
            }
            error[i] = (float) p.error();
            TreeSet<Integer> seen = new TreeSet<>();
            for (int imageId : p.trackImageIds()) {
                Integer view = viewIndexByImageId.get(imageId);
                if (view != null) {
                    seen.add(view);
                }
            }
            viewsSeeing[i] = seen.stream().mapToInt(Integer::intValue).toArray();
        }
        return new SparsePoints(xyz, rgb, error, viewsSeeing);
    }

    /**
     * A COLMAP camera as Glimpse loads it: intrinsics at the loaded resolution, the distortion to remove, and how
     * the image files relate to that resolution.
     */
    private record LoadedCamera(Intrinsics intrinsics, Distortion distortion, String modelName, int fileWidth,
            int fileHeight, int shrinkOnLoad) {

        /**
         * @param preShrunkFile an image of this camera in images_N (its header gives the size), or null when
         *                      images/ is shrunk on load
         */
        static LoadedCamera of(ColmapModel.Camera camera, Path camerasFile, Path preShrunkFile, int downscale)
                throws IOException {
            Intrinsics full;
            Distortion distortion;
            try {
                ColmapCameras.requireSupported(camera);
            } catch (IllegalArgumentException e) {
                throw new DatasetException(camerasFile, e.getMessage());
            }
            try {
                full = ColmapCameras.intrinsics(camera);
                distortion = ColmapCameras.distortion(camera);
            } catch (IllegalArgumentException e) {
                throw new DatasetException(camerasFile, "camera " + Integer.toUnsignedString(camera.id()) + ": "
                        + e.getMessage());
            }
            String model = camera.model().name();
            if (preShrunkFile == null) {
                return new LoadedCamera(full.downscaled(downscale), distortion, model, camera.width(),
                        camera.height(), downscale);
            }
            int[] size = ImageFiles.size(preShrunkFile);
            return new LoadedCamera(full.resized(size[0], size[1]), distortion, model, size[0], size[1], 1);
        }
    }
}
