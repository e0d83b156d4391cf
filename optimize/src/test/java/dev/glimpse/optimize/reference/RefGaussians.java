package dev.glimpse.optimize.reference;

/**
 * A set of N Gaussians in the stored (optimised) parameterisation, all arrays owned and mutable so finite
 * differences can perturb one component in place.
 *
 * <p>Shapes: {@code means [N][3]} world positions; {@code logScales [N][3]} (scale = exp); {@code quats [N][4]}
 * as (w, x, y, z), not necessarily unit length (normalised inside the projection); {@code logitOpacity [N]}
 * (opacity = sigmoid); {@code sh [N][K][3]} with K = (degree + 1)^2, coefficient k of colour channel c at
 * {@code sh[n][k][c]}.
 */
public final class RefGaussians {

    public final double[][] means;
    public final double[][] logScales;
    public final double[][] quats;
    public final double[] logitOpacity;
    public final double[][][] sh;
    public final int degree;

    /** Wraps the arrays (no copy) after checking that their shapes agree. */
    public RefGaussians(double[][] means, double[][] logScales, double[][] quats, double[] logitOpacity,
            double[][][] sh, int degree) {
        int n = means.length;
        if (degree < 0 || degree > 3) {
            throw new IllegalArgumentException("RefGaussians: SH degree " + degree + " outside 0..3");
        }
        if (logScales.length != n || quats.length != n || logitOpacity.length != n || sh.length != n) {
            throw new IllegalArgumentException("RefGaussians: parameter arrays disagree on the Gaussian count");
        }
        int k = RefSh.coefficientCount(degree);
        for (int i = 0; i < n; i++) {
            if (means[i].length != 3 || logScales[i].length != 3 || quats[i].length != 4 || sh[i].length != k) {
                throw new IllegalArgumentException("RefGaussians: Gaussian " + i + " has a wrongly shaped parameter");
            }
        }
        this.means = means;
        this.logScales = logScales;
        this.quats = quats;
        this.logitOpacity = logitOpacity;
        this.sh = sh;
        this.degree = degree;
    }

    /** Number of Gaussians N. */
    public int size() {
        return means.length;
    }

    /** Deep copy. */
    public RefGaussians copy() {
        double[][][] shCopy = new double[sh.length][][];
        for (int i = 0; i < sh.length; i++) {
            shCopy[i] = deepCopy(sh[i]);
        }
        return new RefGaussians(deepCopy(means), deepCopy(logScales), deepCopy(quats), logitOpacity.clone(),
                shCopy, degree);
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
