package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.Undistortion;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianInit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic workload for benchmarks: a ring of cameras (50 degree field of view) looking at a unit cube filled
 * with random Gaussians sized so they cover the view the way a fitted scene does, and noise targets. Nothing is read
 * from disk, so timings depend only on resolution, Gaussian count and the device.
 */
public final class BenchScene {
    static final int CAMERAS = 8;
    static final double RADIUS = 3.0;

    private BenchScene() {}

    /** Views of the ring, decoded targets included. */
    public static FitViews views(int width, int height, long seed) {
        double f = 0.5 * width / Math.tan(Math.toRadians(25));
        Intrinsics k = new Intrinsics(width, height, f, f, width / 2.0, height / 2.0);
        List<View> views = new ArrayList<>();
        List<FitViews.FitView> train = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < CAMERAS; i++) {
            double a = 2 * Math.PI * i / CAMERAS;
            double[] c = {RADIUS * Math.cos(a), RADIUS * Math.sin(a), 0.8};
            Camera cam = Camera.pinhole(k, lookAtOrigin(c));
            // The image file is never opened: targets are generated below.
            views.add(new View("bench_" + i, "train", cam, new ImageFile(Path.of("bench_" + i + ".png"), width, height,
                    1, new Undistortion(k, Distortion.NONE)), null, null, null));
            float[] rgb = new float[width * height * 3];
            for (int p = 0; p < rgb.length; p++) {
                rgb[p] = (float) rnd.nextDouble();
            }
            train.add(new FitViews.FitView(i, "bench_" + i, SplatCamera.of(cam), rgb));
        }
        Scene scene = Scene.of("bench", Path.of("."), views, null, null);
        int[] all = java.util.stream.IntStream.range(0, CAMERAS).toArray();
        return new FitViews(scene, new Split(all, new int[0]), train);
    }

    /** {@code count} random Gaussians in the cube [-1, 1]^3, scaled to tile it. */
    public static GaussianPlyData gaussians(int count, int shDegree, long seed) {
        GaussianPlyData g = GaussianInit.randomInBox(new float[] {-1, -1, -1}, new float[] {1, 1, 1}, count, shDegree,
                seed);
        float logScale = (float) Math.log(0.5 * Math.cbrt(8.0 / count));
        java.util.Arrays.fill(g.logScales(), logScale);
        return g;
    }

    private static Pose lookAtOrigin(double[] c) {
        double[] fwd = normalise(new double[] {-c[0], -c[1], -c[2]});
        double[] right = normalise(cross(fwd, new double[] {0, 0, 1}));
        double[] down = cross(fwd, right);
        double[] rc2w = {right[0], down[0], fwd[0], right[1], down[1], fwd[1], right[2], down[2], fwd[2]};
        return Pose.fromOpenCvCameraToWorld(rc2w, c);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
