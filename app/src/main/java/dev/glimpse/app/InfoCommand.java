package dev.glimpse.app;

import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.load.nerfstudio.NerfstudioLoader;
import dev.glimpse.datasets.ply.PlyElement;
import dev.glimpse.datasets.ply.PlyException;
import dev.glimpse.datasets.ply.PlyReader;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SceneSummary;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glimpse info DATA}: what Glimpse sees in a dataset folder, and optionally a full decode check. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a dataset: format, views, resolution, cameras, depth, masks, points, bounds.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "Dataset folder.")
    Path data;

    @Option(names = "--format", description = "Force a format (blender, nerfstudio, dtu, llff, colmap).")
    String format;

    @Option(names = "--downscale", defaultValue = "1",
            description = "Image downscale factor (default ${DEFAULT-VALUE}).")
    int downscale;

    @Option(names = "--check", description = "Decode every image, depth map and mask, and report the time taken.")
    boolean check;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (downscale < 1) {
            throw new UserError("--downscale must be 1 or more, got " + downscale);
        }
        long t0 = System.nanoTime();
        Scene scene = SceneFormats.load(data, format, new LoadOptions(downscale));
        double loadSeconds = (System.nanoTime() - t0) * 1e-9;
        InfoReport.DecodeCheck decoded = check ? decodeAll(scene) : null;
        InfoReport.PointFile initial = null;
        if (scene.format().equals(NerfstudioLoader.NAME)) {
            Path ply = NerfstudioLoader.initialPointCloud(scene.root()).orElse(null);
            initial = ply == null ? null : pointFile(ply);
        }
        InfoReport.PointFile surface = scene.surfacePoints() == null ? null : pointFile(scene.surfacePoints());
        InfoReport report = new InfoReport(scene, SceneSummary.of(scene), surface, initial, loadSeconds, decoded);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson().toPrettyString());
        } else {
            report.printText(out);
        }
        out.flush();
        return 0;
    }

    /**
     * Loads every lazily held file once, so a broken file anywhere in the dataset is reported now. Views are decoded
     * in parallel: PNG inflation is CPU-bound and independent per file.
     */
    private static InfoReport.DecodeCheck decodeAll(Scene scene) {
        long t0 = System.nanoTime();
        scene.views().parallelStream().forEach(v -> {
            try {
                v.image().load();
                if (v.depth() != null) {
                    v.depth().load();
                }
                if (v.mask() != null) {
                    v.mask().load();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        double seconds = (System.nanoTime() - t0) * 1e-9;
        int depth = (int) scene.views().stream().filter(v -> v.depth() != null).count();
        int masks = (int) scene.views().stream().filter(v -> v.mask() != null).count();
        return new InfoReport.DecodeCheck(scene.views().size(), depth, masks, seconds);
    }

    /** The vertex count from the PLY header only: the clouds can hold hundreds of thousands of points. */
    private static InfoReport.PointFile pointFile(Path ply) throws IOException {
        PlyElement vertex = PlyReader.readHeader(ply).element("vertex")
                .orElseThrow(() -> new PlyException(ply, "no vertex element"));
        return new InfoReport.PointFile(ply, vertex.count());
    }
}
