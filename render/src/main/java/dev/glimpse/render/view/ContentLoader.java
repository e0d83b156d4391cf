package dev.glimpse.render.view;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.ply.PlyException;
import dev.glimpse.datasets.ply.PointCloud;
import dev.glimpse.datasets.ply.TriangleMesh;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SparsePoints;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens what {@code glimpse view} is given: a dataset folder (cameras, images, sparse points), a fit's output
 * folder (its point_cloud.ply and, when the fit ran the stereo, its fused mvs/points.ply; with the cameras of
 * {@code dataset} when given) or a PLY file (Gaussian splats,
 * else a point cloud, with its faces as a mesh). Bad input raises an IOException naming the file.
 */
public final class ContentLoader {
    private ContentLoader() {}

    /**
     * @param path    dataset folder, fit output folder or .ply file
     * @param dataset dataset whose cameras to show with a PLY or output folder (null: none)
     * @param config  data settings (split, downscale, format) for the dataset
     */
    public static ViewerContent load(GlContext ctx, Path path, Path dataset, TrainConfig config) throws IOException {
        if (!Files.exists(path)) {
            throw new DatasetException(path, "does not exist");
        }
        Path ply = null;
        Path data = dataset;
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ply")) {
                throw new DatasetException(path, "is neither a .ply file nor a folder");
            }
            ply = path;
        } else if (Files.isRegularFile(path.resolve("point_cloud.ply"))) {
            ply = path.resolve("point_cloud.ply");
        } else {
            data = path;
        }
        Scene scene = data == null ? null : FitViews.loadScene(data, config);
        Split split = scene == null ? null : FitViews.select(scene, config.data);
        List<ViewerContent.DatasetCamera> cameras = scene == null ? List.of() : cameras(scene, split);
        GaussianModel gaussians = null;
        ViewerContent.PointSet points = null;
        MeshDrawer mesh = null;
        if (ply != null) {
            GaussianPlyData g = readGaussians(ply);
            if (g != null) {
                gaussians = GaussianModel.of(ctx, g, g.shDegree(), Math.max(g.count(), config.densify.maxGaussians));
            } else {
                PointCloud cloud = PointCloud.read(ply);
                if (cloud.count() == 0) {
                    throw new DatasetException(ply, "holds no points");
                }
                points = upload(ctx, cloud.positions(), colours(cloud.colors(), cloud.count()), ply.getFileName()
                        .toString());
                mesh = readMesh(ctx, ply);
            }
        }
        Path fused = ply != null && Files.isDirectory(path) ? path.resolve("mvs").resolve("points.ply") : null;
        if (points == null && fused != null && Files.isRegularFile(fused)) {
            // A fit that ran the stereo keeps its fused cloud: denser than the SfM points, so shown instead.
            PointCloud cloud = PointCloud.read(fused);
            points = upload(ctx, cloud.positions(), colours(cloud.colors(), cloud.count()), "MVS points");
        }
        if (points == null && scene != null && scene.sparsePoints().isPresent()) {
            SparsePoints sp = scene.sparsePoints().get();
            points = upload(ctx, sp.xyz(), sp.rgb(), "SfM points");
        }
        double[] centre;
        double radius;
        if (scene != null) {
            SceneBounds b = scene.bounds();
            centre = b.boxCentre();
            radius = 0.5 * dist(b.boxMin(), b.boxMax());
        } else {
            float[] xyz = gaussians != null ? gaussians.download().means() : points.positions().downloadFloats();
            double[][] box = robustBox(xyz);
            centre = new double[] {(box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2,
                (box[0][2] + box[1][2]) / 2};
            radius = Math.max(1e-3, 0.5 * dist(box[0], box[1]));
        }
        String name = path.toAbsolutePath().normalize().getFileName() == null ? path.toString()
                : path.toAbsolutePath().normalize().getFileName().toString();
        return new ViewerContent(name, scene, split, cameras, gaussians, points, mesh, centre, radius,
                upOf(cameras));
    }

    /** Nothing loaded yet (the window waits for a dropped file). */
    public static ViewerContent empty() {
        return new ViewerContent("(drop a dataset folder or PLY here)", null, null, List.of(), null, null, null,
                new double[] {0, 0, 0}, 1, new double[] {0, 0, 1});
    }

    private static GaussianPlyData readGaussians(Path ply) throws IOException {
        try {
            GaussianPlyData g = GaussianPly.read(ply);
            if (g.count() == 0) {
                throw new DatasetException(ply, "holds no Gaussians");
            }
            for (float v : g.means()) {
                if (!Float.isFinite(v)) {
                    throw new DatasetException(ply, "has a non-finite Gaussian position");
                }
            }
            return g;
        } catch (PlyException e) {
            if (e.getMessage() != null && e.getMessage().contains("not a Gaussian splat PLY")) {
                return null;
            }
            throw e;
        }
    }

    private static MeshDrawer readMesh(GlContext ctx, Path ply) throws IOException {
        TriangleMesh m;
        try {
            m = TriangleMesh.read(ply);
        } catch (PlyException noFaces) {
            return null;
        }
        return m.triangleCount() == 0 ? null : new MeshDrawer(ctx, m);
    }

    private static List<ViewerContent.DatasetCamera> cameras(Scene scene, Split split) {
        List<ViewerContent.DatasetCamera> out = new ArrayList<>();
        for (int i : split.train()) {
            out.add(new ViewerContent.DatasetCamera(i, scene.views().get(i).name(), "train",
                    SplatCamera.of(scene.views().get(i).camera())));
        }
        for (int i : split.test()) {
            out.add(new ViewerContent.DatasetCamera(i, scene.views().get(i).name(), "test",
                    SplatCamera.of(scene.views().get(i).camera())));
        }
        return List.copyOf(out);
    }

    /** The mean of the cameras' up directions (-y in OpenCV axes); +z without cameras. */
    static double[] upOf(List<ViewerContent.DatasetCamera> cameras) {
        double[] up = new double[3];
        for (ViewerContent.DatasetCamera c : cameras) {
            float[] m = c.camera().worldToCamera(); // column-major: row 1 is (m[1], m[5], m[9])
            up[0] -= m[1];
            up[1] -= m[5];
            up[2] -= m[9];
        }
        double n = Math.sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
        return n < 1e-6 ? new double[] {0, 0, 1} : new double[] {up[0] / n, up[1] / n, up[2] / n};
    }

    private static ViewerContent.PointSet upload(GlContext ctx, float[] xyz, float[] rgb, String source) {
        int n = xyz.length / 3;
        return new ViewerContent.PointSet(GpuBuffer.of(ctx, source + " positions", xyz),
                GpuBuffer.of(ctx, source + " colours", rgb), n, source);
    }

    private static float[] colours(byte[] rgb, int n) {
        float[] out = new float[3 * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = rgb == null ? 0.9f : (rgb[i] & 0xff) / 255f;
        }
        return out;
    }

    /** Per-axis 2 % .. 98 % quantiles, so a few stray splats do not shrink the framed content. */
    private static double[][] robustBox(float[] xyz) {
        int n = xyz.length / 3;
        double[][] box = new double[2][3];
        double[] axis = new double[n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                axis[i] = xyz[3 * i + a];
            }
            Arrays.sort(axis);
            box[0][a] = axis[(int) Math.floor(0.02 * (n - 1))];
            box[1][a] = axis[(int) Math.ceil(0.98 * (n - 1))];
        }
        return box;
    }

    private static double dist(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
