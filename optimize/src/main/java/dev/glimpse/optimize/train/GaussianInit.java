package dev.glimpse.optimize.train;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.metrics.PointKdTree;
import java.util.SplittableRandom;

/**
 * Initial Gaussians on the CPU, as the 3D Gaussian splatting reference makes them: one isotropic Gaussian per
 * point, sized by the distances to its 3 nearest neighbours, coloured by the point's RGB through the DC SH
 * coefficient, opacity 0.1, identity rotation.
 */
public final class GaussianInit {
    /** SH band-0 constant C0 (SPLATTING.md). */
    public static final double SH_C0 = 0.28209479177387814;
    /** Initial opacity before the sigmoid: logit(0.1). */
    public static final float INITIAL_LOGIT_OPACITY = (float) Math.log(0.1 / 0.9);
    /** Floor of the mean squared neighbour distance (the reference's clamp, before the square root). */
    public static final double MIN_MEAN_SQUARED_DISTANCE = 1e-7;
    static final int NEIGHBOURS = 3;

    private GaussianInit() {}

    /**
     * Gaussians at {@code xyz} [n][3] with colours {@code rgb} [n][3] in [0, 1].
     *
     * @param shDegree stored SH degree; coefficients above DC start at 0
     */
    public static GaussianPlyData fromPoints(float[] xyz, float[] rgb, int shDegree) {
        if (xyz.length % 3 != 0 || rgb.length != xyz.length) {
            throw new IllegalArgumentException("points need [n][3] positions and [n][3] colours, got "
                    + xyz.length + " and " + rgb.length + " floats");
        }
        int n = xyz.length / 3;
        if (n < 1) {
            throw new IllegalArgumentException("cannot initialise Gaussians from an empty point set");
        }
        GaussianPlyData out = GaussianPlyData.allocate(n, shDegree);
        System.arraycopy(xyz, 0, out.means(), 0, xyz.length);
        double[] meanSq = n > 1 ? new PointKdTree(xyz).meanSquaredDistanceToNearest(NEIGHBOURS) : new double[1];
        int k = out.coefficientsPerChannel();
        for (int i = 0; i < n; i++) {
            float logScale = (float) Math.log(Math.sqrt(Math.max(meanSq[i], MIN_MEAN_SQUARED_DISTANCE)));
            for (int a = 0; a < 3; a++) {
                out.logScales()[3 * i + a] = logScale;
                out.sh()[i * k * 3 + a] = (float) ((rgb[3 * i + a] - 0.5) / SH_C0);
            }
            out.quats()[4 * i] = 1;
            out.logitOpacity()[i] = INITIAL_LOGIT_OPACITY;
        }
        return out;
    }

    /** {@code count} Gaussians uniformly placed in the box [min, max] with uniform random colours. */
    public static GaussianPlyData randomInBox(float[] min, float[] max, int count, int shDegree, long seed) {
        float[][] points = randomPoints(min, max, count, seed);
        return fromPoints(points[0], points[1], shDegree);
    }

    /** {positions [n][3], colours [n][3]}: {@code count} points uniform in [min, max] with uniform random colours. */
    public static float[][] randomPoints(float[] min, float[] max, int count, long seed) {
        if (min.length != 3 || max.length != 3 || count < 1) {
            throw new IllegalArgumentException("random init needs 3-vector bounds and a positive count");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] xyz = new float[3 * count];
        float[] rgb = new float[3 * count];
        for (int i = 0; i < count; i++) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * i + a] = (float) (min[a] + random.nextDouble() * (max[a] - min[a]));
                rgb[3 * i + a] = (float) random.nextDouble();
            }
        }
        return new float[][] {xyz, rgb};
    }
}
