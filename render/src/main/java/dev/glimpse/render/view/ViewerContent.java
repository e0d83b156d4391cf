package dev.glimpse.render.view;

import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianModel;
import java.util.List;

/**
 * What the viewer shows, loaded from a dataset folder, a fit's output folder or a PLY: any of Gaussians, input
 * points, a mesh and the dataset's cameras, plus where the scene is (centre, radius, up axis) for framing.
 * Owns its GPU objects.
 *
 * @param name       shown in the window title
 * @param scene      the dataset (null: none, so no cameras or live training)
 * @param split      its train/test split (null without a scene)
 * @param cameras    dataset cameras listed in the viewer (training first, then test)
 * @param gaussians  splats from a PLY or checkpoint (null: none yet)
 * @param points     input points (null: none)
 * @param mesh       PLY faces (null: none)
 * @param centre     scene centre [3] (orbit pivot)
 * @param radius     radius that frames the content
 * @param up         world up axis [3]
 */
public record ViewerContent(String name, Scene scene, Split split, List<DatasetCamera> cameras,
        GaussianModel gaussians, PointSet points, MeshDrawer mesh, double[] centre, double radius, double[] up)
        implements AutoCloseable {

    /** A dataset camera: its index in the scene, name, split ("train" or "test") and splat camera. */
    public record DatasetCamera(int index, String name, String split, SplatCamera camera) {}

    /** Points on the GPU: positions [n][3] and colours [n][3] in [0, 1]. */
    public record PointSet(GpuBuffer positions, GpuBuffer colours, int count, String source) {}

    /** This content with other Gaussians (live training replaces them). */
    public ViewerContent withGaussians(GaussianModel model) {
        return new ViewerContent(name, scene, split, cameras, model, points, mesh, centre, radius, up);
    }

    @Override
    public void close() {
        if (gaussians != null) {
            gaussians.close();
        }
        if (points != null) {
            points.positions().close();
            points.colours().close();
        }
        if (mesh != null) {
            mesh.close();
        }
    }
}
