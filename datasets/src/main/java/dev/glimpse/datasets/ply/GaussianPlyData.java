package dev.glimpse.datasets.ply;

import java.util.Objects;

/**
 * Gaussians exactly as a 3D Gaussian splatting PLY stores them (activations not applied), in flat
 * arrays ready for upload. Plain file-layer data; the optimiser has its own types.
 *
 * @param count        number of Gaussians N
 * @param shDegree     spherical-harmonics degree 0..3; K = (shDegree + 1)^2 coefficients per channel
 * @param means        float [N][3] centre x, y, z
 * @param logScales    float [N][3] natural log of the per-axis standard deviation
 * @param quats        float [N][4] rotation quaternion w, x, y, z, unnormalised as stored
 * @param logitOpacity float [N] opacity before the sigmoid
 * @param sh           float [N][K][3] SH coefficients, coefficient-major: {@code sh[(n*K + k)*3 + c]}; k = 0 is DC
 */
public record GaussianPlyData(int count, int shDegree, float[] means, float[] logScales, float[] quats,
        float[] logitOpacity, float[] sh) {

    public GaussianPlyData {
        if (count < 0) {
            throw new IllegalArgumentException("negative Gaussian count " + count);
        }
        if (shDegree < 0 || shDegree > 3) {
            throw new IllegalArgumentException("SH degree must be 0..3, got " + shDegree);
        }
        requireLength("means", means, 3L * count);
        requireLength("logScales", logScales, 3L * count);
        requireLength("quats", quats, 4L * count);
        requireLength("logitOpacity", logitOpacity, count);
        requireLength("sh", sh, 3L * count * coefficientsPerChannel(shDegree));
    }

    /** Zero-filled data for {@code count} Gaussians of {@code shDegree}. */
    public static GaussianPlyData allocate(int count, int shDegree) {
        int k = coefficientsPerChannel(shDegree);
        return new GaussianPlyData(count, shDegree, new float[3 * count], new float[3 * count], new float[4 * count],
                new float[count], new float[3 * k * count]);
    }

    /** K = (degree + 1)^2, the SH coefficients per colour channel, DC included. */
    public static int coefficientsPerChannel(int shDegree) {
        return (shDegree + 1) * (shDegree + 1);
    }

    /** K for this data. */
    public int coefficientsPerChannel() {
        return coefficientsPerChannel(shDegree);
    }

    private static void requireLength(String name, float[] array, long expected) {
        Objects.requireNonNull(array, name);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has " + array.length + " floats, expected " + expected);
        }
    }

    /**
     * The Gaussians at least {@code minOpacity} opaque (0 keeps all), with SH truncated to {@code degree}
     * (at most this data's degree).
     */
    public GaussianPlyData selected(double minOpacity, int degree) {
        double minLogit = minOpacity <= 0 ? Double.NEGATIVE_INFINITY : Math.log(minOpacity / (1 - minOpacity));
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += logitOpacity[i] >= minLogit ? 1 : 0;
        }
        GaussianPlyData o = allocate(n, degree);
        int kIn = coefficientsPerChannel();
        int kOut = o.coefficientsPerChannel();
        for (int i = 0, j = 0; i < count; i++) {
            if (logitOpacity[i] < minLogit) {
                continue;
            }
            System.arraycopy(means, 3 * i, o.means, 3 * j, 3);
            System.arraycopy(logScales, 3 * i, o.logScales, 3 * j, 3);
            System.arraycopy(quats, 4 * i, o.quats, 4 * j, 4);
            o.logitOpacity[j] = logitOpacity[i];
            System.arraycopy(sh, i * kIn * 3, o.sh, j * kOut * 3, kOut * 3);
            j++;
        }
        return o;
    }
}
