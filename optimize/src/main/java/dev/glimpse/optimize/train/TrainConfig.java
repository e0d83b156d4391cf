package dev.glimpse.optimize.train;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.optimize.mvs.MvsConfig;
import dev.glimpse.optimize.regularize.RegularizeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every setting of a fit, as written to OUT/config.json and accepted back by {@code --config}. Fields start at
 * the defaults; a config file only needs the keys it changes, and unknown keys are rejected (a typo must not be
 * silently ignored). Defaults follow the 3D Gaussian splatting reference schedule (SPLATTING.md), with 7,000
 * iterations because that is what a CPU renderer can afford and the reference's first evaluation point.
 */
@JsonPropertyOrder({"preset", "seed", "iterations", "data", "learningRates", "loss", "densify", "init", "regularize", "mvs", "output"})
public final class TrainConfig {
    /** The --preset the settings started from ("none" or "sparse"), for the record. */
    public String preset = "none";
    public long seed = 0;
    public int iterations = 7000;
    public Data data = new Data();
    public LearningRates learningRates = new LearningRates();
    public Loss loss = new Loss();
    public Densify densify = new Densify();
    public Init init = new Init();
    public RegularizeConfig regularize = new RegularizeConfig();
    public MvsConfig mvs = new MvsConfig();
    public Output output = new Output();

    /** Which images, at what size, against which background. */
    @JsonPropertyOrder({"format", "split", "views", "trainIds", "testIds", "downscale", "background", "shDegree", "shDegreeInterval"})
    public static final class Data {
        /** Dataset format to force, or null to detect. */
        public String format;
        /** Split preset: "default", "blender", "llff", "dtu". */
        public String split = "default";
        /** Number of training views, evenly spaced; 0 means all of the preset's training views. */
        public int views = 0;
        /** Explicit training / test view ids (override views); empty means the preset's. */
        public List<Integer> trainIds = new ArrayList<>();
        public List<Integer> testIds = new ArrayList<>();
        public int downscale = 1;
        /** Background colour RGB in [0, 1]; RGBA images are composited over it and the renderer uses it. */
        public float[] background = {1, 1, 1};
        /** Highest spherical-harmonics degree (0..3). */
        public int shDegree = 3;
        /** Iterations between raising the active SH degree by one. */
        public int shDegreeInterval = 1000;
    }

    /** Adam learning rates per parameter group (Adam eps 1e-15, as the reference). */
    @JsonPropertyOrder({"positionInit", "positionFinal", "shDc", "shRest", "opacity", "scale", "rotation"})
    public static final class LearningRates {
        /** Position learning rate at iteration 0, times the scene extent. */
        public double positionInit = 1.6e-4;
        /** Position learning rate at the last iteration, times the scene extent (exponential decay between). */
        public double positionFinal = 1.6e-6;
        public double shDc = 2.5e-3;
        public double shRest = 2.5e-3 / 20;
        public double opacity = 0.025;
        public double scale = 5e-3;
        public double rotation = 1e-3;
    }

    /** Photometric loss: (1 - lambdaDssim) L1 + lambdaDssim (1 - SSIM). */
    public static final class Loss {
        public double lambdaDssim = 0.2;
    }

    /** Adaptive density control (clone / split / prune / opacity reset). */
    @JsonPropertyOrder({"strategy", "from", "until", "interval", "gradThreshold", "percentDense", "pruneOpacity",
            "maxScreenSize", "opacityResetInterval", "maxGaussians"})
    public static final class Densify {
        /** Strategy name; "default" is the reference's clone/split/prune. */
        public String strategy = "default";
        public int from = 500;
        public int until = 15000;
        public int interval = 100;
        /** Mean view-space positional gradient norm above which a Gaussian is cloned or split. */
        public double gradThreshold = 2e-4;
        /** Largest scale (times extent) below which a Gaussian is cloned rather than split. */
        public double percentDense = 0.01;
        public double pruneOpacity = 0.005;
        /** Screen radius in pixels above which a Gaussian is pruned (after the first opacity reset). */
        public double maxScreenSize = 20;
        public int opacityResetInterval = 3000;
        /** Cap on the number of Gaussians; densification stops growing past it. */
        public int maxGaussians = 1_000_000;
    }

    /** Initial Gaussians. */
    @JsonPropertyOrder({"method", "randomCount", "mvsPoints", "fillCount", "fillScale"})
    public static final class Init {
        /** "points" (sparse points the training views saw, else cuboid), "mvs" (fused stereo points of the training
         *  views, else points), "cuboid" (random in the content box), "random" (random in a wide cube). */
        public String method = "points";
        /** Number of random points for "random" / "cuboid". */
        public int randomCount = 50_000;
        /** At most this many Gaussians from the stereo cloud for "mvs" (the cloud is voxel-thinned to it). */
        public int mvsPoints = 30_000;
        /** Random points in the content box added to a "mvs" or "points" start (0 = none). */
        public int fillCount = 0;
        /** The fill's box is the content box scaled by this about its centre: the content box comes from robust
         *  quantiles of the sparse points, and the surfaces at the edges of the views reach past it. */
        public double fillScale = 1.0;
    }

    /** Outputs during a fit. */
    @JsonPropertyOrder({"checkpointEvery", "renderTestViews"})
    public static final class Output {
        /** Iterations between checkpoints (0 = only at the end and on interruption). */
        public int checkpointEvery = 1000;
        public boolean renderTestViews = true;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads a config file over the defaults; problems are one line naming the file. */
    public static TrainConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "config file not found");
        }
        TrainConfig c;
        try {
            c = mapper().readValue(file.toFile(), TrainConfig.class);
        } catch (JacksonException e) {
            throw new DatasetException(file, "invalid config: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
        List<String> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new DatasetException(file, "invalid config: " + problems.get(0));
        }
        return c;
    }

    /** Writes the config as JSON through a temporary file, so a crash never leaves half a file. */
    public void write(Path file) throws IOException {
        AtomicWrite.string(file, toJson());
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("config cannot be serialised", e);
        }
    }

    /** Settings that cannot work, as messages (empty when the config is usable). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (iterations < 1) {
            p.add("iterations must be >= 1");
        }
        if (data.downscale < 1) {
            p.add("data.downscale must be >= 1");
        }
        if (data.views < 0) {
            p.add("data.views must be >= 0");
        }
        if (data.shDegree < 0 || data.shDegree > 3) {
            p.add("data.shDegree must be 0..3");
        }
        if (data.background == null || data.background.length != 3) {
            p.add("data.background must have 3 values");
        }
        if (loss.lambdaDssim < 0 || loss.lambdaDssim > 1) {
            p.add("loss.lambdaDssim must be in [0, 1]");
        }
        if (densify.maxGaussians < 1) {
            p.add("densify.maxGaussians must be >= 1");
        }
        if (!List.of("points", "mvs", "random", "cuboid").contains(init.method)) {
            p.add("init.method must be points, mvs, cuboid or random");
        }
        if (init.randomCount < 1) {
            p.add("init.randomCount must be >= 1");
        }
        if (init.mvsPoints < 1) {
            p.add("init.mvsPoints must be >= 1");
        }
        if (init.fillCount < 0) {
            p.add("init.fillCount must be >= 0");
        }
        if (!(init.fillScale > 0) || !Double.isFinite(init.fillScale)) {
            p.add("init.fillScale must be finite and > 0");
        }
        p.addAll(regularize.problems("regularize."));
        p.addAll(mvs.problems("mvs."));
        return p;
    }
}
