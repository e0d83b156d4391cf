package dev.glimpse.optimize.reference;

/**
 * Entry point of the reference splatting pipeline: forward = project then rasterise; backward = rasterise
 * backward then project backward, the stages under the same names in reverse. The projection backward
 * recomputes each Gaussian's intermediates (as the 3DGS backward does) and chains, per Gaussian:
 * colour clamp mask -> shColorVjp -> normalizeVjp(direction) -> mean;
 * conic -> inverse2x2Vjp -> projectCovVjp -> (Sigma, J); Sigma -> covariance3dVjp -> (unit quat, scale)
 * -> normalizeVjp(quat), scale -> log-scale; J -> jacobianVjp, (u, v) -> projectMeanVjp, depth -> t.z;
 * t -> mean through W^T; opacity -> sigmoidVjp.
 */
public final class RefSplatting {

    private RefSplatting() {
    }

    /** Projects and rasterises {@code g} as seen by {@code cam}, SH evaluated up to {@code activeDegree}. */
    public static RefForwardResult forward(RefGaussians g, RefCamera cam, int activeDegree, double[] background,
            int tileSize) {
        return RefRasterizer.forward(RefProjection.project(g, cam, activeDegree, tileSize), cam, background);
    }

    /** Gradients of sum(v_rgb rgb) + sum(v_alpha alpha) + sum(v_depth depth) for the forward {@code f}. */
    public static RefGradients backward(RefGaussians g, RefCamera cam, int activeDegree, RefForwardResult f,
            double[][][] v_rgb, double[][] v_alpha, double[][] v_depth) {
        return projectBackward(g, cam, activeDegree, f.projection, RefRasterizer.backward(f, v_rgb, v_alpha,
                v_depth));
    }

    /** Chains screen-space gradients back to the stored parameters. */
    public static RefGradients projectBackward(RefGaussians g, RefCamera cam, int activeDegree,
            RefProjection p, RefRasterGrads s) {
        RefGradients out = new RefGradients(g.size(), RefSh.coefficientCount(g.degree), s);
        for (int n = 0; n < g.size(); n++) {
            if (p.valid[n]) {
                projectBackwardOne(g, cam, activeDegree, p, s, n, out);
            }
        }
        return out;
    }

    private static void projectBackwardOne(RefGaussians g, RefCamera cam, int activeDegree, RefProjection p,
            RefRasterGrads s, int n, RefGradients out) {
        RefProjection.Stage st = RefProjection.Stage.compute(g, cam, n, activeDegree);

        double[] v_rawColor = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            v_rawColor[ch] = p.colorClamped[n][ch] ? 0.0 : s.v_color[n][ch];
        }
        double[][] shGrads = RefSh.shColorVjp(activeDegree, g.sh[n], RefMath.normalize(st.dir()), v_rawColor);
        for (int k = 1; k < shGrads.length; k++) {
            out.v_sh[n][k - 1] = shGrads[k];
        }
        // The camera centre is constant, so the direction gradient is a mean gradient.
        double[] v_mean = RefMath.normalizeVjp(st.dir(), shGrads[0]);

        double[] v_cov2d = RefMath.inverse2x2Vjp(st.cov2d(), s.v_conic[n]);
        double[][][] covGrads = RefPerspective.projectCovVjp(st.sigma(), cam.rotation(), st.jacobian(), v_cov2d);
        double[][] sigmaGrads = RefMath.covariance3dVjp(st.unitQuat(), st.scale(), covGrads[0]);
        out.v_quats[n] = RefMath.normalizeVjp(g.quats[n], sigmaGrads[0]);
        for (int a = 0; a < 3; a++) {
            out.v_logScales[n][a] = sigmaGrads[1][a] * st.scale()[a];
        }

        double[] v_t = RefPerspective.jacobianVjp(cam, st.t(), covGrads[1]);
        double[] v_tFromUv = RefPerspective.projectMeanVjp(cam, st.t(), s.v_uv[n]);
        for (int a = 0; a < 3; a++) {
            v_t[a] += v_tFromUv[a];
        }
        v_t[2] += s.v_depth[n];
        double[] v_meanFromT = RefMath.mulTransposeVec(cam.rotation(), v_t);
        for (int a = 0; a < 3; a++) {
            out.v_means[n][a] = v_mean[a] + v_meanFromT[a];
        }
        out.v_logitOpacity[n] = RefMath.sigmoidVjp(g.logitOpacity[n], s.v_opacity[n]);
    }
}
