package dev.glimpse.datasets.scene;

import java.util.Arrays;

/**
 * A rigid world-to-camera transform in OpenCV/COLMAP axes (camera x right, y down, looking down +z):
 * {@code x_cam = R x_world + t}. Every loader converts its format's convention into this one.
 *
 * @param rotation    R, 3x3 row-major [9]
 * @param translation t [3]
 */
public record Pose(double[] rotation, double[] translation) {
    /** How far R^T R may stray from the identity, and det(R) from 1, before a pose is rejected. */
    private static final double ROTATION_TOLERANCE = 1e-3;

    public Pose {
        if (rotation.length != 9 || translation.length != 3) {
            throw new IllegalArgumentException("pose needs a 3x3 rotation and a 3-vector translation");
        }
        for (double v : rotation) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("pose rotation has a non-finite value");
            }
        }
        for (double v : translation) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("pose translation has a non-finite value");
            }
        }
        checkRotation(rotation);
        rotation = rotation.clone();
        translation = translation.clone();
    }

    private static void checkRotation(double[] r) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[i] * r[j] + r[3 + i] * r[3 + j] + r[6 + i] * r[6 + j];
                double expected = i == j ? 1 : 0;
                if (Math.abs(dot - expected) > ROTATION_TOLERANCE) {
                    throw new IllegalArgumentException("pose rotation is not orthonormal (column dot "
                            + i + "," + j + " = " + dot + ")");
                }
            }
        }
        if (Math.abs(det3(r) - 1) > ROTATION_TOLERANCE) {
            throw new IllegalArgumentException("pose rotation has determinant " + det3(r) + ", not +1 (a reflection?)");
        }
    }

    static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** The identity pose: camera at the origin looking down world +z. */
    public static Pose identity() {
        return new Pose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);
    }

    /** From a COLMAP quaternion (qw, qx, qy, qz) of the world-to-camera rotation and its translation. */
    public static Pose fromQuaternion(double qw, double qx, double qy, double qz, double tx, double ty, double tz) {
        double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
        if (!(n > 1e-12) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("quaternion has zero or non-finite norm");
        }
        double w = qw / n, x = qx / n, y = qy / n, z = qz / n;
        double[] r = {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
        return new Pose(r, new double[] {tx, ty, tz});
    }

    /**
     * From a camera-to-world matrix in the OpenGL/Blender/NeRF convention (camera looks down -z, +y up), given
     * row-major as 3 or 4 rows of 4. OpenGL to OpenCV negates the camera's y and z axes (columns 1 and 2), then
     * the matrix is inverted.
     */
    public static Pose fromOpenGlCameraToWorld(double[][] c2w) {
        if (c2w.length < 3) {
            throw new IllegalArgumentException("camera-to-world matrix needs at least 3 rows");
        }
        double[] rc2w = new double[9];
        double[] centre = new double[3];
        for (int i = 0; i < 3; i++) {
            if (c2w[i].length < 4) {
                throw new IllegalArgumentException("camera-to-world matrix rows need 4 values");
            }
            rc2w[3 * i] = c2w[i][0];
            rc2w[3 * i + 1] = -c2w[i][1];
            rc2w[3 * i + 2] = -c2w[i][2];
            centre[i] = c2w[i][3];
        }
        return fromOpenCvCameraToWorld(rc2w, centre);
    }

    /** From an OpenCV camera-to-world rotation (row-major [9]) and camera centre. */
    public static Pose fromOpenCvCameraToWorld(double[] rc2w, double[] centre) {
        double[] r = transpose(rc2w);
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = -(r[3 * i] * centre[0] + r[3 * i + 1] * centre[1] + r[3 * i + 2] * centre[2]);
        }
        return new Pose(r, t);
    }

    static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    /** Camera centre in world coordinates, -R^T t. */
    public double[] centre() {
        double[] r = rotation;
        double[] t = translation;
        return new double[] {
            -(r[0] * t[0] + r[3] * t[1] + r[6] * t[2]),
            -(r[1] * t[0] + r[4] * t[1] + r[7] * t[2]),
            -(r[2] * t[0] + r[5] * t[1] + r[8] * t[2])
        };
    }

    /** The camera's viewing direction (+z of the camera) in world coordinates. */
    public double[] forward() {
        return new double[] {rotation[6], rotation[7], rotation[8]};
    }

    /** Maps a world point to camera coordinates. */
    public double[] toCamera(double x, double y, double z) {
        double[] r = rotation;
        return new double[] {
            r[0] * x + r[1] * y + r[2] * z + translation[0],
            r[3] * x + r[4] * y + r[5] * z + translation[1],
            r[6] * x + r[7] * y + r[8] * z + translation[2]
        };
    }

    /** The world-to-camera transform as a 4x4 row-major matrix [16]. */
    public double[] worldToCameraMatrix() {
        double[] r = rotation;
        double[] t = translation;
        return new double[] {r[0], r[1], r[2], t[0], r[3], r[4], r[5], t[1], r[6], r[7], r[8], t[2], 0, 0, 0, 1};
    }

    /** The camera-to-world transform in OpenCV axes as a 4x4 row-major matrix [16]. */
    public double[] cameraToWorldMatrix() {
        double[] rt = transpose(rotation);
        double[] c = centre();
        return new double[] {rt[0], rt[1], rt[2], c[0], rt[3], rt[4], rt[5], c[1], rt[6], rt[7], rt[8], c[2], 0, 0, 0, 1};
    }

    /** The rotation as a unit quaternion (qw, qx, qy, qz) with qw >= 0, as COLMAP writes it. */
    public double[] quaternion() {
        double[] m = rotation;
        double trace = m[0] + m[4] + m[8];
        double w, x, y, z;
        if (trace > 0) {
            double s = 0.5 / Math.sqrt(trace + 1);
            w = 0.25 / s;
            x = (m[7] - m[5]) * s;
            y = (m[2] - m[6]) * s;
            z = (m[3] - m[1]) * s;
        } else if (m[0] > m[4] && m[0] > m[8]) {
            double s = 2 * Math.sqrt(1 + m[0] - m[4] - m[8]);
            w = (m[7] - m[5]) / s;
            x = 0.25 * s;
            y = (m[1] + m[3]) / s;
            z = (m[2] + m[6]) / s;
        } else if (m[4] > m[8]) {
            double s = 2 * Math.sqrt(1 + m[4] - m[0] - m[8]);
            w = (m[2] - m[6]) / s;
            x = (m[1] + m[3]) / s;
            y = 0.25 * s;
            z = (m[5] + m[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m[8] - m[0] - m[4]);
            w = (m[3] - m[1]) / s;
            x = (m[2] + m[6]) / s;
            y = (m[5] + m[7]) / s;
            z = 0.25 * s;
        }
        double sign = w < 0 ? -1 : 1;
        return new double[] {sign * w, sign * x, sign * y, sign * z};
    }

    /** This pose after a world similarity x' = s x + offset (used to normalise scenes). */
    public Pose inScaledWorld(double scale, double[] offset) {
        double[] c = centre();
        double[] newCentre = {scale * c[0] + offset[0], scale * c[1] + offset[1], scale * c[2] + offset[2]};
        return fromOpenCvCameraToWorld(transpose(rotation), newCentre);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pose p && Arrays.equals(rotation, p.rotation) && Arrays.equals(translation, p.translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return "Pose[R=" + Arrays.toString(rotation) + ", t=" + Arrays.toString(translation) + "]";
    }
}
