package dev.glimpse.render.view;

import dev.glimpse.optimize.splat.SplatCamera;

/**
 * The viewer's camera: an eye, a look direction given by yaw and pitch about the scene's up axis, and a pivot
 * distance (orbit turns about the point that far ahead; fly moves the eye). It can also be snapped to a dataset
 * camera, whose exact pose and intrinsics are then used (scaled to fit the viewport) until the user moves, so the
 * viewer's image of a training camera is the optimiser's image of it. All vectors are world coordinates; camera
 * axes are OpenCV's (x right, y down, z forward), as everywhere in Glimpse.
 */
public final class ViewCamera {
    /** Splats nearer than this are culled, as in training. */
    private static final float NEAR = SplatCamera.DEFAULT_NEAR;

    private final double[] up = {0, 0, 1};
    private final double[] e1 = {1, 0, 0};   // with e2 and up: the frame yaw and pitch are measured in
    private final double[] e2 = {0, 1, 0};
    private final double[] eye = {0, 0, 5};
    private double yaw;
    private double pitch;
    private double distance = 5;
    private double fovY = Math.toRadians(50);
    private SplatCamera snapped;   // non-null while showing a dataset camera exactly
    private int snappedIndex = -1;
    private long revision;         // changes whenever the view changes, so renders can be cached

    /** Sets the world up axis (normalised here) that orbit and fly keep vertical. */
    public void setUp(double[] worldUp) {
        double[] u = Vec.normalise(worldUp);
        System.arraycopy(u, 0, up, 0, 3);
        double[] any = Math.abs(u[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double[] a = Vec.normalise(Vec.cross(any, u));
        double[] b = Vec.cross(u, a);
        System.arraycopy(a, 0, e1, 0, 3);
        System.arraycopy(b, 0, e2, 0, 3);
        changed();
    }

    /** Looks at {@code centre} from a distance that shows a sphere of {@code radius} in the field of view. */
    public void frame(double[] centre, double radius) {
        leaveSnap();
        // 10 % margin; the vertical field is the narrower one in landscape windows.
        distance = Math.max(1e-3, 1.1 * radius / Math.sin(fovY / 2));
        if (pitch == 0 && yaw == 0) {
            yaw = Math.toRadians(-60);
            pitch = Math.toRadians(-25);
        }
        double[] f = forward();
        for (int a = 0; a < 3; a++) {
            eye[a] = centre[a] - distance * f[a];
        }
        changed();
    }

    /**
     * Looks at {@code centre} from the direction given by yaw and pitch (radians, about the up axis; negative pitch
     * looks down) at {@code scale} times the framing distance of a sphere of {@code radius}.
     */
    public void orbitAt(double[] centre, double radius, double yawRadians, double pitchRadians, double scale) {
        yaw = yawRadians;
        pitch = Math.max(-1.55, Math.min(1.55, pitchRadians));
        frame(centre, radius);
        zoom(scale);
    }

    /** Turns about the pivot by the given angles (radians); pitch stays short of the poles. */
    public void orbit(double dYaw, double dPitch) {
        double[] pivot = pivot();
        leaveSnap();
        turn(dYaw, dPitch);
        double[] f = forward();
        for (int a = 0; a < 3; a++) {
            eye[a] = pivot[a] - distance * f[a];
        }
        changed();
    }

    /** Turns the look direction with the eye fixed (fly mode's mouse look). */
    public void look(double dYaw, double dPitch) {
        leaveSnap();
        turn(dYaw, dPitch);
        changed();
    }

    /** Moves the eye along the camera's right, down and forward axes (fly mode's WASD / QE). */
    public void move(double right, double down, double ahead) {
        leaveSnap();
        double[][] axes = axes();
        for (int a = 0; a < 3; a++) {
            eye[a] += right * axes[0][a] + down * axes[1][a] + ahead * axes[2][a];
        }
        changed();
    }

    /** Moves towards the pivot by a factor of the distance (< 1 zooms in). */
    public void zoom(double factor) {
        double[] pivot = pivot();
        leaveSnap();
        distance = Math.max(1e-3, distance * factor);
        double[] f = forward();
        for (int a = 0; a < 3; a++) {
            eye[a] = pivot[a] - distance * f[a];
        }
        changed();
    }

    /** Shows dataset camera {@code index} exactly (its pose and intrinsics). */
    public void snap(int index, SplatCamera camera) {
        double[] c = {camera.centre()[0], camera.centre()[1], camera.centre()[2]};
        double[] f = {camera.worldToCamera()[2], camera.worldToCamera()[6], camera.worldToCamera()[10]};
        System.arraycopy(c, 0, eye, 0, 3);
        double fu = Vec.dot(f, up);
        pitch = Math.asin(Math.max(-1, Math.min(1, fu)));
        yaw = Math.atan2(Vec.dot(f, e2), Vec.dot(f, e1));
        fovY = 2 * Math.atan(camera.height() / (2.0 * camera.fy()));
        snapped = camera;
        snappedIndex = index;
        changed();
    }

    /** Index of the dataset camera shown exactly, or -1. */
    public int snappedIndex() {
        return snappedIndex;
    }

    public double fovY() {
        return fovY;
    }

    public void setFovY(double radians) {
        leaveSnap();
        fovY = Math.max(Math.toRadians(5), Math.min(Math.toRadians(150), radians));
        changed();
    }

    public double distance() {
        return distance;
    }

    public void setDistance(double d) {
        distance = Math.max(1e-3, d);
    }

    public double[] eye() {
        return eye.clone();
    }

    /** A number that changes whenever the view changes. */
    public long revision() {
        return revision;
    }

    /**
     * The splat camera for a {@code width} x {@code height} image. Snapped: the dataset camera's intrinsics scaled
     * to fit (centred); at the dataset's own size it is that camera exactly.
     */
    public SplatCamera splatCamera(int width, int height) {
        if (snapped != null) {
            double s = Math.min(width / (double) snapped.width(), height / (double) snapped.height());
            return new SplatCamera(snapped.worldToCamera(), snapped.centre(), (float) (snapped.fx() * s),
                    (float) (snapped.fy() * s), (float) (snapped.cx() * s + (width - snapped.width() * s) / 2),
                    (float) (snapped.cy() * s + (height - snapped.height() * s) / 2), width, height, NEAR);
        }
        double[][] axes = axes();
        float[] w2c = new float[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                w2c[c * 4 + r] = (float) axes[r][c];
            }
            w2c[12 + r] = (float) -Vec.dot(axes[r], eye);
        }
        w2c[15] = 1;
        float f = (float) (height / (2 * Math.tan(fovY / 2)));
        return new SplatCamera(w2c, new float[] {(float) eye[0], (float) eye[1], (float) eye[2]}, f, f,
                width / 2f, height / 2f, width, height, NEAR);
    }

    /** The rows of the world-to-camera rotation: right, down, forward. */
    private double[][] axes() {
        double[] f = forward();
        double[] r = Vec.normalise(Vec.cross(f, up));
        double[] d = Vec.cross(f, r);
        return new double[][] {r, d, f};
    }

    private double[] forward() {
        double cp = Math.cos(pitch);
        double[] f = new double[3];
        for (int a = 0; a < 3; a++) {
            f[a] = cp * (Math.cos(yaw) * e1[a] + Math.sin(yaw) * e2[a]) + Math.sin(pitch) * up[a];
        }
        return f;
    }

    private double[] pivot() {
        double[] f = snapped != null ? new double[] {snapped.worldToCamera()[2], snapped.worldToCamera()[6],
            snapped.worldToCamera()[10]} : forward();
        return new double[] {eye[0] + distance * f[0], eye[1] + distance * f[1], eye[2] + distance * f[2]};
    }

    private void turn(double dYaw, double dPitch) {
        yaw += dYaw;
        pitch = Math.max(-1.55, Math.min(1.55, pitch + dPitch));
    }

    private void leaveSnap() {
        snapped = null;
        snappedIndex = -1;
    }

    private void changed() {
        revision++;
    }
}
