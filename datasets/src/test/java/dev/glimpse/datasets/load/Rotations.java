package dev.glimpse.datasets.load;

import java.util.Random;

/** Random rotations for loader tests. */
public final class Rotations {
    private Rotations() {}

    /** A uniformly random rotation, row-major [9], from a normalised Gaussian quaternion. */
    public static double[] random(Random rng) {
        double w = rng.nextGaussian(), x = rng.nextGaussian(), y = rng.nextGaussian(), z = rng.nextGaussian();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
    }
}
