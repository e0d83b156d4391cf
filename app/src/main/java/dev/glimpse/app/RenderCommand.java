package dev.glimpse.app;

import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse render PLY --dataset DATA -o DIR}: renders a standard 3DGS PLY from the cameras of a dataset,
 * one PNG per view (and, with {@code --depth}, a 16-bit depth PNG in millimetres, 0 where nothing is drawn).
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render a Gaussian-splat PLY from a dataset's cameras.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLY", description = "Gaussian splat file (standard 3DGS layout).")
    Path ply;

    @Option(names = "--dataset", required = true, paramLabel = "DATA", description = "Dataset whose cameras to use.")
    Path dataset;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--split", defaultValue = "test", description = "Which views: test, train or all (default test).")
    String which;

    @Option(names = "--config", paramLabel = "FILE.json",
            description = "Data settings (split preset, views, downscale, background), e.g. a fit's config.json.")
    Path config;

    @Option(names = "--background", description = "white, black or r,g,b (default: the config's, else white).")
    String background;

    @Option(names = "--depth", description = "Also write <view>_depth.png (16-bit, millimetres).")
    boolean depth;

    @Option(names = "--gpu", paramLabel = "N") Integer gpu;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainConfig cfg = config != null ? TrainConfig.read(config) : new TrainConfig();
        float[] bg = background != null ? FitOptions.parseColour(background) : cfg.data.background;
        Scene scene = FitViews.loadScene(dataset, cfg);
        int[] indices = switch (which) {
            case "test" -> FitViews.select(scene, cfg.data).test();
            case "train" -> FitViews.select(scene, cfg.data).train();
            case "all" -> IntStream.range(0, scene.views().size()).toArray();
            default -> throw new UserError("--split must be test, train or all; got '" + which + "'");
        };
        Files.createDirectories(out);
        PrintWriter log = spec.commandLine().getErr();
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu));
                GaussianModel model = SplatFiles.load(ctx, ply);
                SplatRasterizer rasterizer = new SplatRasterizer(ctx)) {
            for (int i : indices) {
                var view = scene.views().get(i);
                SplatCamera cam = SplatCamera.of(view.camera());
                RasterOutput r = rasterizer.forward(model.params(), model.shDegree(), cam, bg);
                String name = view.name().replaceAll("[^A-Za-z0-9._-]", "_");
                ImageFiles.writeRgbPng(out.resolve(name + ".png"), rasterizer.readRgb(r), cam.width(), cam.height(), 3);
                if (depth) {
                    writeDepth(out.resolve(name + "_depth.png"), rasterizer.readDepth(r), rasterizer.readAlpha(r),
                            cam.width(), cam.height());
                }
            }
            log.printf("glimpse: rendered %d views of %,d Gaussians into %s%n", indices.length, model.count(), out);
        }
        return 0;
    }

    /** Depth as the datasets store it: 16-bit millimetres of expected depth over coverage, 0 where uncovered. */
    private static void writeDepth(Path file, float[] expected, float[] alpha, int width, int height)
            throws IOException {
        float[] metres = Evaluation.normalisedDepth(expected, alpha);
        int[] mm = new int[metres.length];
        for (int i = 0; i < mm.length; i++) {
            mm[i] = (int) Math.max(0, Math.min(65535, Math.round(metres[i] * 1000.0)));
        }
        ImageFiles.writeGrey16Png(file, mm, width, height);
    }
}
