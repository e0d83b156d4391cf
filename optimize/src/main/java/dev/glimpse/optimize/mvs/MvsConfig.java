package dev.glimpse.optimize.mvs;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the plane-sweep multi-view stereo, as the {@code mvs} section of a fit's config.json and of
 * {@code glimpse mvs}. Defaults suit 256 to 1024 pixel images of 3 to 10 views; the window is sampled every
 * {@code windowStep} pixels so a wide footprint costs few samples.
 */
@JsonPropertyOrder({"hypotheses", "sources", "bestSources", "windowRadius", "windowStep", "dominantPlane", "tiltDegrees", "bilateralSigma", "minStd", "aggregationRadius",
        "colourSigma", "temperature", "confidenceRadius", "depthMargin", "maxReprojection", "maxRelativeDepth",
        "minConsistentViews", "minConfidence", "edgeJump", "edgeRadius", "maxFusedPoints"})
public final class MvsConfig {
    /** Largest number of sources a reference view is matched against (a shader array bound). */
    public static final int MAX_SOURCES = 8;

    /** Depth hypotheses per reference view, uniform in inverse depth between the view's near and far. */
    public int hypotheses = 128;
    /** Source views matched against each reference view (its nearest in viewing angle). */
    public int sources = 4;
    /**
     * The matching cost averages the best this many sources (the others may be occluded). One is best with a few
     * wide-baseline views, where a view often has a single usable neighbour (tabletop, 6 views: 50 % of surface
     * pixels kept against 39 % with two).
     */
    public int bestSources = 1;
    /** NCC window half-size in pixels. */
    public int windowRadius = 4;
    /** Sampling step inside the window (must divide the radius). */
    public int windowStep = 2;
    /** Also lay windows on the scene's dominant plane (a floor, a table: the plane through most sparse points, else
     *  the cameras' mean up), not only fronto-parallel ones. */
    public boolean dominantPlane = true;
    /** Also try planes tilted by this many degrees to the four sides; 0 = none. */
    public double tiltDegrees = 0;
    /** Grey-level scale of the bilateral window weights; 0 = plain NCC. */
    public double bilateralSigma = 0.05;
    /**
     * Windows whose grey-level standard deviation is below this are textureless: no depth there. Low on purpose:
     * with the edge filter on, weak texture still matches (tabletop, 6 views: 65 % kept and 92 % within 2 % at
     * 0.001, against 46 % and 91 % at 0.004; at 0 flat windows divide by zero and coverage collapses).
     */
    public double minStd = 0.001;
    /** Half-size of the adaptive-support cost aggregation; 0 turns it off. */
    public int aggregationRadius = 2;
    /** Grey-level difference scale of the aggregation weights. */
    public double colourSigma = 0.1;
    /** Softmax temperature turning costs into the probability volume behind the confidence. */
    public double temperature = 0.02;
    /** The confidence is the probability mass within this many hypotheses of the winner. */
    public int confidenceRadius = 2;
    /** The swept depth range is the view's near/far widened by this factor on each side. */
    public double depthMargin = 1.2;
    /** Geometric consistency: round-trip reprojection error bound, pixels. */
    public double maxReprojection = 2.0;
    /** Geometric consistency: relative depth difference bound. */
    public double maxRelativeDepth = 0.02;
    /** A depth is kept when this many other views agree with it (capped at the number of other views). */
    public int minConsistentViews = 1;
    /** A depth is kept when its confidence reaches this. */
    public double minConfidence = 0.3;
    /**
     * A second difference of inverse depth between neighbouring kept pixels above this share of the pixel's inverse
     * depth is an occlusion edge ({@link DepthEdges}); 0 turns the edge filter off. Tabletop, 6 views: kept / within
     * 2 % 63.6 / 93.0 % at 0.03, 65.2 / 92.4 % at 0.05, 66.2 / 91.8 % at 0.1.
     */
    public double edgeJump = 0.05;
    /** Depths within this many pixels of an occlusion edge are dropped (their windows straddle it). */
    public int edgeRadius = 1;
    /** The fused cloud is thinned to at most this many points (most confident per voxel). */
    public int maxFusedPoints = 200_000;

    /** Settings that cannot work, as messages naming the key. */
    public List<String> problems(String prefix) {
        List<String> p = new ArrayList<>();
        if (hypotheses < 3) {
            p.add(prefix + "hypotheses must be >= 3");
        }
        if (sources < 1 || sources > MAX_SOURCES) {
            p.add(prefix + "sources must be 1.." + MAX_SOURCES);
        }
        if (bestSources < 1 || bestSources > sources) {
            p.add(prefix + "bestSources must be 1..sources");
        }
        if (windowStep < 1 || windowRadius < windowStep || windowRadius % windowStep != 0) {
            p.add(prefix + "windowRadius must be a positive multiple of windowStep");
        }
        if (sampleCount() > 81) {
            p.add(prefix + "window has more than 81 samples (raise windowStep)");
        }
        if (aggregationRadius < 0 || aggregationRadius > 8) {
            p.add(prefix + "aggregationRadius must be 0..8");
        }
        if (!(tiltDegrees >= 0 && tiltDegrees < 80) || !(bilateralSigma >= 0)) {
            p.add(prefix + "tiltDegrees must be in [0, 80) and bilateralSigma >= 0");
        }
        if (!(colourSigma > 0) || !(temperature > 0)) {
            p.add(prefix + "colourSigma and temperature must be > 0");
        }
        if (confidenceRadius < 0) {
            p.add(prefix + "confidenceRadius must be >= 0");
        }
        if (!(depthMargin >= 1)) {
            p.add(prefix + "depthMargin must be >= 1");
        }
        if (!(maxReprojection > 0) || !(maxRelativeDepth > 0)) {
            p.add(prefix + "maxReprojection and maxRelativeDepth must be > 0");
        }
        if (minConsistentViews < 0) {
            p.add(prefix + "minConsistentViews must be >= 0");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            p.add(prefix + "minConfidence must be in [0, 1]");
        }
        if (!(edgeJump >= 0) || edgeRadius < 0) {
            p.add(prefix + "edgeJump and edgeRadius must be >= 0");
        }
        if (maxFusedPoints < 1) {
            p.add(prefix + "maxFusedPoints must be >= 1");
        }
        return p;
    }

    /** Samples in one NCC window. */
    public int sampleCount() {
        int side = 2 * windowRadius / Math.max(1, windowStep) + 1;
        return side * side;
    }
}
