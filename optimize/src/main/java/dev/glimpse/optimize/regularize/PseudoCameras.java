package dev.glimpse.optimize.regularize;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cameras between the training cameras, for the unseen-view regulariser (FSGS's pseudo views): a random training
 * camera and its nearest neighbour, blended at a random point between them (centres interpolated linearly,
 * rotations by spherical interpolation). Deterministic in (seed, iteration), so a resumed fit sees the same ones.
 */
public final class PseudoCameras {
    private final List<Camera> training;
    private final int[] nearest;
    private final long seed;

    public PseudoCameras(List<Camera> training, long seed) {
        if (training.size() < 2) {
            throw new IllegalArgumentException("pseudo views need at least two training cameras");
        }
        this.training = List.copyOf(training);
        this.seed = seed;
        nearest = new int[training.size()];
        for (int i = 0; i < training.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < training.size(); j++) {
                double d = distance(training.get(i).pose().centre(), training.get(j).pose().centre());
                if (j != i && d < best) {
                    best = d;
                    nearest[i] = j;
                }
            }
        }
    }

    /** The pseudo camera of an iteration. */
    public SplatCamera at(int iteration) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + iteration);
        int a = random.nextInt(training.size());
        return SplatCamera.of(between(training.get(a), training.get(nearest[a]), random.nextDouble()));
    }

    /** The camera at fraction {@code t} from {@code a} to {@code b}, with a's intrinsics. */
    static Camera between(Camera a, Camera b, double t) {
        double[] qa = a.pose().quaternion();
        double[] qb = b.pose().quaternion();
        double dot = qa[0] * qb[0] + qa[1] * qb[1] + qa[2] * qb[2] + qa[3] * qb[3];
        if (dot < 0) { // the same rotation, on the near side of the quaternion sphere
            for (int i = 0; i < 4; i++) {
                qb[i] = -qb[i];
            }
            dot = -dot;
        }
        double[] q = new double[4];
        double angle = Math.acos(Math.min(1, dot));
        double wa = angle < 1e-6 ? 1 - t : Math.sin((1 - t) * angle) / Math.sin(angle);
        double wb = angle < 1e-6 ? t : Math.sin(t * angle) / Math.sin(angle);
        double norm = 0;
        for (int i = 0; i < 4; i++) {
            q[i] = wa * qa[i] + wb * qb[i];
            norm += q[i] * q[i];
        }
        norm = Math.sqrt(norm);
        double[] ca = a.pose().centre();
        double[] cb = b.pose().centre();
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = (1 - t) * ca[i] + t * cb[i];
        }
        Pose rotation = Pose.fromQuaternion(q[0] / norm, q[1] / norm, q[2] / norm, q[3] / norm, 0, 0, 0);
        double[] r = rotation.rotation();
        double[] tr = new double[3];
        for (int i = 0; i < 3; i++) {
            tr[i] = -(r[3 * i] * c[0] + r[3 * i + 1] * c[1] + r[3 * i + 2] * c[2]);
        }
        return Camera.pinhole(a.intrinsics(), new Pose(r, tr));
    }

    private static double distance(double[] p, double[] q) {
        double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
