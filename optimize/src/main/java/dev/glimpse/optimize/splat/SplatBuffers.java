package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * The per-Gaussian arrays on the GPU, in structure-of-arrays layout, all float: used both for the parameters and,
 * with the same shapes, for their gradients ({@code v_} buffers, accumulated with float atomics). Buffers may be
 * larger than needed (capacity for densification); only the first {@code count} Gaussians are live.
 *
 * @param means        [count][3] world positions
 * @param logScales    [count][3] log of the axis scales
 * @param quats        [count][4] rotation quaternion (w, x, y, z), not necessarily normalised
 * @param logitOpacity [count] opacity before the sigmoid
 * @param sh           [count][K][3] spherical-harmonics coefficients, K = (shDegree + 1)^2, coefficient-major per
 *                     Gaussian: index (n * K + k) * 3 + channel; k = 0 is the DC term
 * @param count        number of live Gaussians
 * @param shDegree     SH degree the sh buffer is laid out for (0..3)
 */
public record SplatBuffers(GpuBuffer means, GpuBuffer logScales, GpuBuffer quats, GpuBuffer logitOpacity, GpuBuffer sh,
        int count, int shDegree) {
    public SplatBuffers {
        if (count < 0 || shDegree < 0 || shDegree > 3) {
            throw new IllegalArgumentException("bad splat count " + count + " or SH degree " + shDegree);
        }
    }

    /** SH coefficients per colour channel for a degree: (degree + 1)^2. */
    public static int coefficients(int degree) {
        return (degree + 1) * (degree + 1);
    }

    public int shCoefficients() {
        return coefficients(shDegree);
    }

    /** The same buffers with another live count (after densification). */
    public SplatBuffers withCount(int newCount) {
        return new SplatBuffers(means, logScales, quats, logitOpacity, sh, newCount, shDegree);
    }
}
