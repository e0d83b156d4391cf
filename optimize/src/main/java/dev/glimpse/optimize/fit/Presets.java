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
        // Plus random points in the content box for the surfaces only one view saw, which stereo cannot reach
        // (tabletop, 3 views, 128x128, 300 iterations: 20.76 dB with 20,000 of them, 20.07 dB with 40,000).
        c.init.fillCount = 20_000;
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
