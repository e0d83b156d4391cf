package dev.glimpse.app;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.view.ContentLoader;
import dev.glimpse.render.view.RenderMode;
import dev.glimpse.render.view.SplatDisplay;
import dev.glimpse.render.view.Viewer;
import dev.glimpse.render.view.ViewerOptions;
import dev.glimpse.render.ViewerExtensions;
import dev.glimpse.render.window.WindowUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse view [DATA | OUT | FILE.ply]}: the desktop viewer (GLFW window, ImGui panels). With
 * {@code --screenshot FILE --frames N} it renders N frames, writes the last one and exits (tests, docs).
 */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Look at a dataset, a fit or a PLY in a window; train live; take screenshots.")
final class ViewCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA|OUT|FILE.ply",
            description = "Dataset folder, fit output folder or PLY (Gaussian splats, points or mesh).")
    Path path;

    @Option(names = "--dataset", paramLabel = "DATA", description = "Dataset whose cameras to show with a PLY or OUT.")
    Path dataset;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where live training saves PLY and checkpoints (default: OUT given, else out/<name>-view).")
    Path out;

    @Option(names = "--size", paramLabel = "WxH", description = "Window size (default 1280x720).")
    String size = "1280x720";

    @Option(names = "--mode", description = "rgb, depth, opacity, centres, points or mesh (default rgb).")
    String mode = "rgb";

    @Option(names = "--camera", paramLabel = "N",
            description = "Start at dataset camera N (training cameras first, then test).")
    Integer camera;

    @Option(names = "--orbit", paramLabel = "YAW,PITCH,SCALE",
            description = "Start orbit: yaw and pitch in degrees (negative pitch looks down), distance x SCALE.")
    String orbit;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Write the last frame here and exit.")
    Path screenshot;

    @Option(names = "--frames", paramLabel = "N",
            description = "Frames to run before --screenshot (default 3: ImGui sizes new panels on their first frame).")
    int frames = 3;

    @Option(names = "--panels", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show the panels (--no-panels: the 3D view only).")
    boolean panels;

    @Option(names = "--frusta", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the dataset cameras (--no-frusta: hide them).")
    boolean frusta;

    @Option(names = "--depth-range", paramLabel = "NEAR,FAR", description = "Depth mode's colour-map range.")
    String depthRange;

    @Option(names = "--colour-map", description = "ramp or grey (default ramp).")
    String colourMap = "ramp";

    @Option(names = "--render-scale", paramLabel = "F",
            description = "Splat image size as a fraction of the window, 0.1..1 (default 1; lower is faster).")
    float renderScale = 1;

    @Option(names = "--time", description = "Re-render every frame and print frame-time statistics at exit.")
    boolean time;

    @Option(names = "--time-idle",
            description = "Like --time, but keep the splat image while the view stands still (display and panels only).")
    boolean timeIdle;

    @Option(names = "--train", description = "Start live training at once (needs a dataset).")
    boolean train;

    @Option(names = "--train-steps", paramLabel = "N",
            description = "With --screenshot: training iterations to run before the last frame.")
    int trainSteps;

    @Mixin
    FitOptions fit;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ViewerOptions o = options();
        if (path != null && !Files.exists(path)) {
            throw new DatasetException(path, "does not exist");
        }
        if (dataset != null && !Files.isDirectory(dataset)) {
            throw new DatasetException(dataset, "is not a dataset folder");
        }
        if (path != null && fit.config == null && Files.isRegularFile(path.resolve("config.json"))) {
            fit.config = path.resolve("config.json");
        }
        TrainConfig config = fit.resolve();
        o.background = fit.background != null || fit.config != null ? config.data.background : null;
        Path output = out != null ? out : path != null && Files.isRegularFile(path.resolve("point_cloud.ply")) ? path
                : Path.of("out", (path == null ? "scene" : path.toAbsolutePath().normalize().getFileName()) + "-view");
        PrintWriter log = spec.commandLine().getErr();
        Viewer.Opener opener = (ctx, p) -> p == null ? ContentLoader.empty()
                : ContentLoader.load(ctx, p, dataset, config);
        // Ctrl-C closes the window the normal way, so live training still stops cleanly and keeps its checkpoint.
        try (StopRequest stop = StopRequest.onInterrupt(() -> log.println(
                "\nglimpse: closing the viewer (Ctrl-C again to quit at once)"))) {
            o.stop = stop;
            Viewer.run(o, path, opener, state -> ViewerExtensions.standard(state, config, output, log), log);
        } catch (WindowUnavailableException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }

    private ViewerOptions options() {
        ViewerOptions o = new ViewerOptions();
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        try {
            o.width = Integer.parseInt(wh[0].trim());
            o.height = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            throw new UserError("--size must be WIDTHxHEIGHT, e.g. 1280x720; got '" + size + "'");
        }
        if (o.width < 16 || o.height < 16 || o.width > 16384 || o.height > 16384) {
            throw new UserError("--size must be between 16x16 and 16384x16384; got '" + size + "'");
        }
        try {
            o.mode = RenderMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new UserError("--mode: " + e.getMessage());
        }
        if (camera != null && camera < 0) {
            throw new UserError("--camera must be >= 0");
        }
        o.camera = camera == null ? -1 : camera;
        if (frames < 1) {
            throw new UserError("--frames must be >= 1");
        }
        o.screenshot = screenshot;
        o.frames = frames;
        o.panels = panels;
        o.frusta = frusta;
        o.timing = time || timeIdle;
        o.rerender = !timeIdle;
        if (!(renderScale >= 0.1f && renderScale <= 1)) {
            throw new UserError("--render-scale must be between 0.1 and 1; got " + renderScale);
        }
        o.renderScale = renderScale;
        o.train = train;
        o.trainSteps = trainSteps;
        o.colourMap = switch (colourMap.toLowerCase(Locale.ROOT)) {
            case "ramp" -> SplatDisplay.ColourMap.RAMP;
            case "grey", "gray" -> SplatDisplay.ColourMap.GREY;
            default -> throw new UserError("--colour-map must be ramp or grey; got '" + colourMap + "'");
        };
        if (orbit != null) {
            String[] p = orbit.split(",");
            try {
                o.orbit = new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                    Double.parseDouble(p[2].trim())};
            } catch (RuntimeException e) {
                throw new UserError("--orbit must be YAW,PITCH,SCALE (degrees, degrees, factor); got '" + orbit + "'");
            }
            if (!(o.orbit[2] > 0)) {
                throw new UserError("--orbit SCALE must be > 0; got '" + orbit + "'");
            }
        }
        if (depthRange != null) {
            String[] p = depthRange.split(",");
            try {
                o.depthRange = new float[] {Float.parseFloat(p[0].trim()), Float.parseFloat(p[1].trim())};
            } catch (RuntimeException e) {
                throw new UserError("--depth-range must be NEAR,FAR in world units; got '" + depthRange + "'");
            }
            if (!(o.depthRange[1] > o.depthRange[0])) {
                throw new UserError("--depth-range needs FAR > NEAR; got '" + depthRange + "'");
            }
        }
        return o;
    }
}
