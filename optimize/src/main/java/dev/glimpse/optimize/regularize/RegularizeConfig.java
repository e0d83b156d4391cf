package dev.glimpse.optimize.regularize;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The few-view regularisers of a fit, the {@code regularize} section of config.json. Every term is off at weight
 * 0 (plain Gaussian splatting); {@code --preset sparse} switches on the combination documented in the README.
 * Weights multiply means (over target pixels, patches or Gaussians), so they do not depend on image size.
 */
@JsonPropertyOrder({"sparseDepth", "sparseSigma", "sparseMinViews", "mvsDepth", "mvsSigma", "depthPrior",
        "depthPriorGlobal", "depthPriorLocal", "patchSize", "pseudoViews", "pseudoEvery", "pseudoEdgeGain",
        "opacityEntropy", "anisotropy", "maxAnisotropy", "size", "maxSize", "carve", "carveMargin", "from", "until",
        "alphaMin"})
public final class RegularizeConfig {
    /** DS-NeRF sparse-point depth term: weight of the robust depth loss at the projections of SfM points. */
    public double sparseDepth = 0;
    /** Relative-residual scale of the sparse term's Cauchy kernel. */
    public double sparseSigma = 0.05;
    /** A sparse point supervises only if at least this many training views saw it (few-view protocol). */
    public int sparseMinViews = 2;
    /** Multi-view stereo term: weight of the confidence-weighted robust loss against the stereo depth maps. */
    public double mvsDepth = 0;
    /** Relative-residual scale of the stereo term's Cauchy kernel. */
    public double mvsSigma = 0.02;
    /** Dense depth prior for the correlation terms: "none", "dataset" (the dataset's depth maps: a sensor or a
     *  monocular estimator) or "mvs" (the stereo depth maps). */
    public String depthPrior = "none";
    /** Weight of the scale- and shift-invariant term: 1 - Pearson correlation over the whole image. */
    public double depthPriorGlobal = 0;
    /** Weight of the local term: 1 - Pearson correlation on patches, averaged. */
    public double depthPriorLocal = 0;
    /** Patch side of the local correlation, pixels. */
    public int patchSize = 16;
    /** Weight of the edge-aware depth smoothness on pseudo views between training cameras (0 = no pseudo views). */
    public double pseudoViews = 0;
    /** A pseudo view is rendered every this many iterations. */
    public int pseudoEvery = 4;
    /** Colour-edge gain of the smoothness weights. */
    public double pseudoEdgeGain = 10;
    /** Weight of the opacity entropy (opacities to 0 or 1). */
    public double opacityEntropy = 0;
    /** Weight of the anisotropy penalty. */
    public double anisotropy = 0;
    /** Largest ratio of a Gaussian's longest to shortest axis before the anisotropy penalty applies. */
    public double maxAnisotropy = 10;
    /** Weight of the size penalty. */
    public double size = 0;
    /** Largest axis, as a share of the scene extent, before the size penalty applies. */
    public double maxSize = 0.1;
    /** Depth-aware pruning: remove Gaussians training views see through (mask background or stereo depth beyond). */
    public boolean carve = false;
    /** Relative depth margin of the stereo carving test. */
    public double carveMargin = 0.05;
    /** The image and pseudo-view terms apply from this iteration ... */
    public int from = 0;
    /** ... until this one (exclusive; 0 = to the end). */
    public int until = 0;
    /** Pixels whose accumulated alpha is below this have no rendered depth for the depth terms. */
    public double alphaMin = 0.05;

    /** Whether any term is on (otherwise the fit is plain Gaussian splatting). */
    public boolean any() {
        return sparseDepth > 0 || mvsDepth > 0 || depthPriorGlobal > 0 || depthPriorLocal > 0 || pseudoViews > 0
                || opacityEntropy > 0 || anisotropy > 0 || size > 0 || carve;
    }

    /** Whether any term needs the stereo depth maps. */
    public boolean needsMvs() {
        return mvsDepth > 0 || (depthPrior.equals("mvs") && (depthPriorGlobal > 0 || depthPriorLocal > 0)) || carve;
    }

    /** Whether any term needs the dataset's depth maps. */
    public boolean needsDatasetDepth() {
        return depthPrior.equals("dataset") && (depthPriorGlobal > 0 || depthPriorLocal > 0);
    }

    /** Whether a term that renders the training view's depth applies at this iteration. */
    public boolean activeAt(int iteration) {
        return iteration >= from && (until <= 0 || iteration < until);
    }

    public List<String> problems(String prefix) {
        List<String> p = new ArrayList<>();
        for (double w : new double[] {sparseDepth, mvsDepth, depthPriorGlobal, depthPriorLocal, pseudoViews,
                opacityEntropy, anisotropy, size}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                p.add(prefix + "weights must be finite and >= 0");
                break;
            }
        }
        if (!(sparseSigma > 0) || !(mvsSigma > 0)) {
            p.add(prefix + "sparseSigma and mvsSigma must be > 0");
        }
        if (sparseMinViews < 1) {
            p.add(prefix + "sparseMinViews must be >= 1");
        }
        if (!List.of("none", "dataset", "mvs").contains(depthPrior)) {
            p.add(prefix + "depthPrior must be none, dataset or mvs");
        }
        if (patchSize < 4 || patchSize > 256) {
            p.add(prefix + "patchSize must be 4..256");
        }
        if (pseudoEvery < 1) {
            p.add(prefix + "pseudoEvery must be >= 1");
        }
        if (!(maxAnisotropy > 1) || !(maxSize > 0) || !(carveMargin >= 0) || !(pseudoEdgeGain >= 0)) {
            p.add(prefix + "maxAnisotropy must be > 1, maxSize > 0, carveMargin and pseudoEdgeGain >= 0");
        }
        if (!(alphaMin > 0 && alphaMin < 1)) {
            p.add(prefix + "alphaMin must be in (0, 1)");
        }
        if (from < 0 || until < 0) {
            p.add(prefix + "from and until must be >= 0");
        }
        return p;
    }
}
