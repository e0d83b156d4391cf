package dev.glimpse.app;

import dev.glimpse.optimize.fit.Presets;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command-line settings of a fit. A {@code --config} file is read first; flags given on the command line
 * override it; the result is written to OUT/config.json, which {@code --config} accepts back.
 */
final class FitOptions {
    @Option(names = "--config", paramLabel = "FILE.json", description = "Settings file (e.g. a previous OUT/config.json).")
    Path config;

    @Option(names = "--preset", description = "Settings preset: none, or sparse (few-view regularisers and stereo"
            + " initialisation for 3 to 8 views); applied over --config, under the other flags.")
    String preset;

    @Option(names = "--iters", description = "Iterations (default 7000).")
    Integer iterations;

    @Option(names = "--views", description = "Number of training views, evenly spaced (default: all of the split).")
    Integer views;

    @Option(names = "--split", description = "Split preset: default, blender, llff, dtu.")
    String split;

    @Option(names = "--train-ids", split = ",", description = "Explicit training view positions in the train pool.")
    List<Integer> trainIds;

    @Option(names = "--downscale", description = "Image downscale factor.")
    Integer downscale;

    @Option(names = "--sh-degree", description = "Highest spherical-harmonics degree, 0..3 (default 3).")
    Integer shDegree;

    @Option(names = "--seed", description = "Random seed (default 0).")
    Long seed;

    @Option(names = "--format", description = "Force the dataset format.")
    String format;

    @Option(names = "--init", description = "Initialisation: points, mvs, cuboid, random (default points).")
    String init;

    @Option(names = "--max-gaussians", description = "Cap on the number of Gaussians (default 1,000,000).")
    Integer maxGaussians;

    @Option(names = "--checkpoint-every", description = "Iterations between checkpoints (default 1000; 0 = end only).")
    Integer checkpointEvery;

    @Option(names = "--background", description = "Background colour: white, black, or r,g,b in [0,1] (default white).")
    String background;

    TrainConfig resolve() throws IOException {
        TrainConfig c = config != null ? TrainConfig.read(config) : new TrainConfig();
        if (preset != null) {
            try {
                Presets.apply(c, preset);
            } catch (IllegalArgumentException e) {
                throw new UserError("--preset: " + e.getMessage());
            }
        }
        if (iterations != null) {
            c.iterations = iterations;
        }
        if (views != null) {
            c.data.views = views;
        }
        if (split != null) {
            c.data.split = split;
        }
        if (trainIds != null) {
            c.data.trainIds = trainIds;
        }
        if (downscale != null) {
            c.data.downscale = downscale;
        }
        if (shDegree != null) {
            c.data.shDegree = shDegree;
        }
        if (seed != null) {
            c.seed = seed;
        }
        if (format != null) {
            c.data.format = format;
        }
        if (init != null) {
            c.init.method = init;
        }
        if (maxGaussians != null) {
            c.densify.maxGaussians = maxGaussians;
        }
        if (checkpointEvery != null) {
            c.output.checkpointEvery = checkpointEvery;
        }
        if (background != null) {
            c.data.background = parseColour(background);
        }
        List<String> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new UserError("invalid settings: " + String.join("; ", problems));
        }
        return c;
    }

    static float[] parseColour(String s) {
        switch (s) {
            case "white":
                return new float[] {1, 1, 1};
            case "black":
                return new float[] {0, 0, 0};
            default:
                String[] parts = s.split(",");
                if (parts.length != 3) {
                    throw new UserError("--background must be white, black or r,g,b; got '" + s + "'");
                }
                float[] rgb = new float[3];
                for (int i = 0; i < 3; i++) {
                    try {
                        rgb[i] = Float.parseFloat(parts[i].trim());
                    } catch (NumberFormatException e) {
                        throw new UserError("--background component '" + parts[i] + "' is not a number");
                    }
                    if (!(rgb[i] >= 0 && rgb[i] <= 1)) {
                        throw new UserError("--background components must be in [0, 1]; got '" + s + "'");
                    }
                }
                return rgb;
        }
    }
}
