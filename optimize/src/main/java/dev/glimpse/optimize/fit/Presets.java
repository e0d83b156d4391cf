package dev.glimpse.optimize.fit;

import dev.glimpse.optimize.train.TrainConfig;
import java.util.List;

/**
 * Named combinations of settings ({@code --preset}). {@code sparse} is the recommended few-view recipe for 3 to 8
 * training views; README.md explains each choice.
 */
public final class Presets {
    public static final List<String> NAMES = List.of("none", "sparse");

    private Presets() {}

    /** Applies preset {@code name} to {@code c}; unknown names throw IllegalArgumentException. */
    public static void apply(TrainConfig c, String name) {
        switch (name) {
            case "none" -> { }
            case "sparse" -> sparse(c);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + NAMES + ")");
        }
        c.preset = name;
    }

    private static void sparse(TrainConfig c) {
        // Start from the stereo surface instead of a few SfM points: with 3 to 8 views the photometric loss alone
        // cannot move Gaussians across the scene to where the surface is.
        c.init.method = "mvs";
        // Plus random points for the surfaces only one view saw, which stereo cannot reach, in a box a quarter
        // larger than the content box, whose robust quantiles stop short of surfaces at the edges of the views.
        // Tabletop, 3 views, 128x128, 300 iterations (docs/results.md): test PSNR / depth AbsRel 21.92 / 0.206 at
        // scale 1, 21.56 / 0.124 at 1.25, 21.05 / 0.100 at 1.5; 30,000 points at 1.5 gave 20.77 / 0.100.
        c.init.fillCount = 20_000;
        c.init.fillScale = 1.25;
        var r = c.regularize;
        r.sparseDepth = 0.05;
        r.mvsDepth = 0.05;
        r.depthPrior = "mvs";
        r.depthPriorLocal = 0.05;
        r.pseudoViews = 0.1;
        r.opacityEntropy = 0.01;
        r.anisotropy = 0.1;
        r.carve = true;
    }
}
