package dev.glimpse.optimize.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each helper VJP of {@link RefMath}, {@link RefPerspective} and {@link RefSh} against central finite
 * differences of v_out . f(x) over random inputs, so a wrong helper is named directly (the GLSL port can run
 * the same comparisons helper by helper).
 */
class RefMathVjpTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;
    private static final int TRIALS = 50;

    @Test
    void normalize() {
        check("normalize", 4, RefMath::normalize, RefMath::normalizeVjp);
    }

    @Test
    void quatToRotmat() {
        check("quatToRotmat", 4, q -> flat(RefMath.quatToRotmat(q)), (q, v) -> RefMath.quatToRotmatVjp(q,
                square(v, 3, 3)));
    }

    @Test
    void covariance3d() {
        check("covariance3d", 7, x -> flat(RefMath.covariance3d(slice(x, 0, 4), slice(x, 4, 7))), (x, v) -> {
            double[][] g = RefMath.covariance3dVjp(slice(x, 0, 4), slice(x, 4, 7), square(v, 3, 3));
            return concat(g[0], g[1]);
        });
    }

    @Test
    void inverse2x2() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < TRIALS; trial++) {
            // A well-conditioned SPD input: diagonal dominant.
            double b = rnd.nextGaussian();
            double[] m = {Math.abs(b) + 0.5 + rnd.nextDouble() * 3, b, Math.abs(b) + 0.5 + rnd.nextDouble() * 3};
            checkAt("inverse2x2", m, rnd, RefMath::inverse2x2, RefMath::inverse2x2Vjp);
        }
    }

    @Test
    void projectCov() {
        // Sigma is symmetric by construction, so it is fed as sym(X) = (X + X^T) / 2 of a free 3x3 X.
        double[][] w = RefScenes.randomCamera(new Random(5)).rotation();
        check("projectCov", 15, x -> RefPerspective.projectCov(sym(square(slice(x, 0, 9), 3, 3)), w,
                square(slice(x, 9, 15), 2, 3)), (x, v) -> {
                    double[][][] g = RefPerspective.projectCovVjp(sym(square(slice(x, 0, 9), 3, 3)), w,
                            square(slice(x, 9, 15), 2, 3), v);
                    return concat(flat(sym(g[0])), flat(g[1]));
                });
    }

    @Test
    void jacobianInsideAndBeyondTheClamp() {
        RefCamera cam = RefScenes.randomCamera(new Random(9));
        Random rnd = new Random(10);
        int clampedX = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double tz = 0.5 + 5 * rnd.nextDouble();
            // tan-angles up to 2x the image half-width, so roughly half the samples are clamped.
            double[] t = {(2 * rnd.nextDouble() - 1) * 2 * cam.tanHalfFovX() * tz,
                (2 * rnd.nextDouble() - 1) * 2 * cam.tanHalfFovY() * tz, tz};
            clampedX += RefPerspective.jacobianClamped(cam, t)[0] ? 1 : 0;
            checkAt("jacobian", t, rnd, x -> flat(RefPerspective.jacobian(cam, x)),
                    (x, v) -> RefPerspective.jacobianVjp(cam, x, square(v, 2, 3)));
            checkAt("projectMean", t, rnd, x -> RefPerspective.projectMean(cam, x),
                    (x, v) -> RefPerspective.projectMeanVjp(cam, x, v));
        }
        assertThat(clampedX).isBetween(5, TRIALS - 5);
    }

    @Test
    void shColorEveryDegree() {
        for (int degree = 0; degree <= 3; degree++) {
            int deg = degree;
            int k = RefSh.coefficientCount(deg);
            check("shColor deg " + deg, 3 + 3 * k,
                    x -> RefSh.shColor(deg, square(slice(x, 3, 3 + 3 * k), k, 3), slice(x, 0, 3)), (x, v) -> {
                        double[][] g = RefSh.shColorVjp(deg, square(slice(x, 3, 3 + 3 * k), k, 3), slice(x, 0, 3), v);
                        double[] out = g[0].clone();
                        for (int c = 1; c < g.length; c++) {
                            out = concat(out, g[c]);
                        }
                        return out;
                    });
        }
    }

    @Test
    void sigmoid() {
        check("sigmoid", 1, x -> new double[] {RefMath.sigmoid(x[0])},
                (x, v) -> new double[] {RefMath.sigmoidVjp(x[0], v[0])});
    }

    private static void check(String name, int inputs, Function<double[], double[]> f,
            BiFunction<double[], double[], double[]> vjp) {
        Random rnd = new Random(name.hashCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] x = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                x[i] = rnd.nextGaussian();
            }
            checkAt(name, x, rnd, f, vjp);
        }
    }

    private static void checkAt(String name, double[] x, Random rnd, Function<double[], double[]> f,
            BiFunction<double[], double[], double[]> vjp) {
        double[] out = f.apply(x);
        double[] v = new double[out.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        double[] analytic = vjp.apply(x, v);
        assertThat(analytic).as(name + " gradient length").hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += STEP;
            xm[i] -= STEP;
            double fd = (dot(v, f.apply(xp)) - dot(v, f.apply(xm))) / (2 * STEP);
            double err = Math.abs(fd - analytic[i]) / Math.max(1.0, Math.abs(fd));
            assertThat(err).as("%s d/dx[%d]: analytic %s fd %s", name, i, analytic[i], fd)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] slice(double[] x, int from, int to) {
        return Arrays.copyOfRange(x, from, to);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] flat(double[][] m) {
        double[] out = new double[0];
        for (double[] row : m) {
            out = concat(out, row);
        }
        return out;
    }

    /** (X + X^T) / 2; its VJP is the same map, so it serves both directions. */
    private static double[][] sym(double[][] x) {
        double[][] s = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i][j] = 0.5 * (x[i][j] + x[j][i]);
            }
        }
        return s;
    }

    private static double[][] square(double[] x, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = slice(x, r * cols, (r + 1) * cols);
        }
        return m;
    }
}
