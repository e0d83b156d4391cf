package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.ply.PointCloud;
import dev.glimpse.optimize.metrics.GeometryMetrics;
import dev.glimpse.optimize.mvs.MvsFusion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Geometry of a fit against the dataset's ground-truth surface points: the Gaussian centres (those opaque enough
 * to be surface rather than haze) and, when the fit ran stereo, the fused MVS points. The F-score distance is 1 %
 * of the ground truth's bounding-box diagonal, so it scales with the scene (3.5 cm on tabletop).
 *
 * @param centres       metrics of the opaque Gaussian centres, null when none is opaque enough
 * @param centreCount   how many centres were compared
 * @param stereo        metrics of the fused MVS points, null without stereo
 * @param stereoCount   how many fused points were compared
 * @param tau           the F-score distance, in world units
 */
public record GeometryEvaluation(GeometryMetrics centres, int centreCount, GeometryMetrics stereo, int stereoCount,
        double tau) {
    /**
     * A centre counts as surface when its opacity is at least this: twice the 0.1 every Gaussian starts from, so
     * only those the fit made more opaque count. (At 0.5, a 600-iteration few-view fit kept under 200 of 27,000.)
     */
    public static final float MIN_OPACITY = 0.2f;
    /** F-score distance as a share of the ground truth's bounding-box diagonal. */
    public static final double TAU_SHARE = 0.01;

    /**
     * @param surfacePoints the dataset's points.ply
     * @param splatsOrNull  the fit's Gaussians, or null to measure only the stereo points
     * @param stereoOrNull  fused MVS points, or null
     */
    public static GeometryEvaluation of(Path surfacePoints, GaussianPlyData splatsOrNull, MvsFusion.Cloud stereoOrNull)
            throws IOException {
        float[] truth = PointCloud.read(surfacePoints).positions();
        double tau = TAU_SHARE * GeometryMetrics.boundingBoxDiagonal(truth);
        float[] opaque = splatsOrNull == null ? new float[0] : splatsOrNull.selected(MIN_OPACITY, 0).means();
        GeometryMetrics centres = opaque.length == 0 ? null : GeometryMetrics.of(opaque, truth, tau);
        GeometryMetrics stereo = stereoOrNull == null || stereoOrNull.count() == 0 ? null
                : GeometryMetrics.of(stereoOrNull.xyz(), truth, tau);
        return new GeometryEvaluation(centres, opaque.length / 3, stereo,
                stereoOrNull == null ? 0 : stereoOrNull.count(), tau);
    }
}
