package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.datasets.scene.SparsePoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny stereo scenes ray-traced in Java (tests only): textured planes seen by a few pinhole cameras, with the
 * exact planar depth of every pixel. The texture is a smooth sum of sines of the 3D hit point, so NCC windows
 * have contrast everywhere and no two places look alike.
 */
final class StereoScenes {
    static final int SIZE = 64;
    static final double FOCAL = 64;

    /** A plane n . x = offset, textured where {@code inside} (a box in the plane, null = everywhere). */
    record Plane(double[] normal, double offset, double[] boxMin, double[] boxMax, double phase) {
        double hit(double[] origin, double[] dir) {
            double denom = dot(normal, dir);
            if (Math.abs(denom) < 1e-9) {
                return Double.POSITIVE_INFINITY;
            }
            double t = (offset - dot(normal, origin)) / denom;
            if (t <= 1e-6) {
                return Double.POSITIVE_INFINITY;
            }
            if (boxMin != null) {
                for (int a = 0; a < 3; a++) {
                    double x = origin[a] + t * dir[a];
                    if (x < boxMin[a] - 1e-9 || x > boxMax[a] + 1e-9) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            return t;
        }
    }

    /** Views with images, masks (all inside) and the ground-truth depth of each. */
    record Scene(List<MvsView> views, List<float[]> truth) {}

    /** A wall at z = 4 and a square at z = 2.5 in front of it, seen by cameras spread along x, looking down +z. */
    static Scene frontal(int cameras, double spread) {
        List<Plane> planes = List.of(
                new Plane(new double[] {0, 0, 1}, 4, null, null, 0),
                new Plane(new double[] {0, 0, 1}, 2.5, new double[] {-0.5, -0.5, 2.4}, new double[] {0.5, 0.5, 2.6},
                        1.3));
        List<Camera> cams = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            double x = cameras == 1 ? 0 : -spread / 2 + spread * i / (cameras - 1);
            cams.add(Camera.pinhole(intrinsics(), new Pose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                    new double[] {-x, 0, 0})));
        }
        return render(cams, planes, new DepthRange(2, 5));
    }

    /** A floor z = 0 seen obliquely (40 degrees down) by cameras 1.5 up, spread sideways. */
    static Scene floor(int cameras, double spread) {
        List<Plane> planes = List.of(new Plane(new double[] {0, 0, 1}, 0, null, null, 0.7));
        double tilt = Math.toRadians(40);
        // camera axes in world: x right = (1,0,0); forward = (0, cos t, -sin t); y down = forward x right... OpenCV:
        // rows of R are the camera axes in world coordinates.
        double[] right = {1, 0, 0};
        double[] forward = {0, Math.cos(tilt), -Math.sin(tilt)};
        double[] down = cross(forward, right);
        double[] r = {right[0], right[1], right[2], down[0], down[1], down[2], forward[0], forward[1], forward[2]};
        List<Camera> cams = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            double[] c = {-spread / 2 + spread * i / (cameras - 1), 0, 1.5};
            double[] t = new double[3];
            for (int k = 0; k < 3; k++) {
                t[k] = -(r[3 * k] * c[0] + r[3 * k + 1] * c[1] + r[3 * k + 2] * c[2]);
            }
            cams.add(Camera.pinhole(intrinsics(), new Pose(r, t)));
        }
        return render(cams, planes, new DepthRange(1, 8));
    }

    /** Sparse points on the floor z = 0 in front of the floor cameras (what SfM would give), seen by no view. */
    static SparsePoints floorPoints(int count) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        float[] xyz = new float[3 * count];
        for (int i = 0; i < count; i++) {
            xyz[3 * i] = (float) (r.nextDouble() * 4 - 2);
            xyz[3 * i + 1] = (float) (0.5 + r.nextDouble() * 4);
        }
        float[] error = new float[count];
        java.util.Arrays.fill(error, Float.NaN);
        return new SparsePoints(xyz, new float[3 * count], error, new int[count][0]);
    }

    static Intrinsics intrinsics() {
        return new Intrinsics(SIZE, SIZE, FOCAL, FOCAL, SIZE / 2.0, SIZE / 2.0);
    }

    static Scene render(List<Camera> cams, List<Plane> planes, DepthRange range) {
        List<MvsView> views = new ArrayList<>();
        List<float[]> truth = new ArrayList<>();
        for (int v = 0; v < cams.size(); v++) {
            Camera cam = cams.get(v);
            double[] rt = cam.pose().rotation();
            double[] origin = cam.pose().centre();
            int n = SIZE * SIZE;
            float[] rgb = new float[3 * n];
            float[] grey = new float[n];
            float[] mask = new float[n];
            float[] depth = new float[n];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double[] local = {(x + 0.5 - SIZE / 2.0) / FOCAL, (y + 0.5 - SIZE / 2.0) / FOCAL, 1};
                    double[] dir = new double[3];
                    for (int a = 0; a < 3; a++) {
                        dir[a] = rt[a] * local[0] + rt[3 + a] * local[1] + rt[6 + a] * local[2];
                    }
                    double best = Double.POSITIVE_INFINITY;
                    Plane hitPlane = null;
                    for (Plane p : planes) {
                        double t = p.hit(origin, dir);
                        if (t < best) {
                            best = t;
                            hitPlane = p;
                        }
                    }
                    int p = y * SIZE + x;
                    mask[p] = 1;
                    if (hitPlane == null) {
                        continue;
                    }
                    double[] hit = {origin[0] + best * dir[0], origin[1] + best * dir[1], origin[2] + best * dir[2]};
                    float g = texture(hit, hitPlane.phase());
                    grey[p] = g;
                    rgb[3 * p] = g;
                    rgb[3 * p + 1] = g;
                    rgb[3 * p + 2] = g;
                    depth[p] = (float) best; // the ray has local z = 1, so t is the planar depth
                }
            }
            views.add(new MvsView(v, "view" + v, cam, rgb, grey, mask, range));
            truth.add(depth);
        }
        return new Scene(views, truth);
    }

    /** Smooth, non-repeating grey texture in [0.1, 0.9]. */
    static float texture(double[] p, double phase) {
        double s = Math.sin(7.1 * p[0] + 3.3 * p[1] + phase) + Math.sin(5.3 * p[1] - 4.7 * p[2] + 2 * phase)
                + Math.sin(9.7 * p[0] - 6.1 * p[2] + 0.5) * Math.sin(8.3 * p[1] + 1.7 * p[0]);
        return (float) (0.5 + 0.13 * s);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
