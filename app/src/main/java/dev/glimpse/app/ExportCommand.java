package dev.glimpse.app;

import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.ply.PlyFormat;
import dev.glimpse.datasets.ply.PointCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse export IN -o FILE}: re-saves a fit's Gaussians for other tools: as splats (standard 3DGS PLY,
 * optionally at a lower SH degree and without nearly transparent Gaussians, which shrinks files for web viewers) or
 * as a coloured point cloud of the Gaussian centres (colour from the SH DC term, opacity as an extra property) for
 * point-cloud tools and geometry metrics.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export Gaussians as a (smaller) splat PLY or as a coloured point cloud.")
final class ExportCommand implements Callable<Integer> {
    /** SH degree-0 basis constant: colour = C0 * dc + 0.5 (SPLATTING.md). */
    static final double SH_C0 = 0.28209479177387814;

    @Parameters(index = "0", paramLabel = "IN", description = "A fit's output folder or a Gaussian PLY.")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE") Path out;

    @Option(names = "--as", defaultValue = "splats", description = "splats or points (default ${DEFAULT-VALUE}).")
    String as;

    @Option(names = "--sh-degree", description = "Keep SH coefficients up to this degree (splats only).")
    Integer shDegree;

    @Option(names = "--min-opacity", defaultValue = "0", description = "Drop Gaussians less opaque than this (0..1).")
    double minOpacity;

    @Option(names = "--encoding", defaultValue = "binary", description = "binary, ascii or big-endian.")
    String encoding;

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path ply = Files.isDirectory(in) ? in.resolve("point_cloud.ply") : in;
        PlyFormat format = switch (encoding) {
            case "binary" -> PlyFormat.BINARY_LITTLE_ENDIAN;
            case "ascii" -> PlyFormat.ASCII;
            case "big-endian" -> PlyFormat.BINARY_BIG_ENDIAN;
            default -> throw new UserError("--encoding must be binary, ascii or big-endian; got '" + encoding + "'");
        };
        if (!(minOpacity >= 0 && minOpacity < 1)) {
            throw new UserError("--min-opacity must be in [0, 1)");
        }
        GaussianPlyData data = GaussianPly.read(ply);
        int degree = shDegree == null ? data.shDegree() : shDegree;
        if (degree < 0 || degree > data.shDegree()) {
            throw new UserError("--sh-degree must be 0.." + data.shDegree() + " for this file");
        }
        GaussianPlyData kept = data.selected(minOpacity, degree);
        switch (as) {
            case "splats" -> GaussianPly.write(out, kept, format);
            case "points" -> centres(kept).write(out, format);
            default -> throw new UserError("--as must be splats or points; got '" + as + "'");
        }
        spec.commandLine().getErr().printf("glimpse: wrote %,d of %,d Gaussians to %s%n", kept.count(), data.count(),
                out);
        return 0;
    }

    /** Centres coloured by the view-independent (DC) colour, with opacity as an extra property. */
    static PointCloud centres(GaussianPlyData d) {
        int k = d.coefficientsPerChannel();
        byte[] rgb = new byte[3 * d.count()];
        float[] opacity = new float[d.count()];
        for (int i = 0; i < d.count(); i++) {
            for (int c = 0; c < 3; c++) {
                double v = SH_C0 * d.sh()[i * k * 3 + c] + 0.5;
                rgb[3 * i + c] = (byte) Math.round(255 * Math.min(1, Math.max(0, v)));
            }
            opacity[i] = (float) (1 / (1 + Math.exp(-d.logitOpacity()[i])));
        }
        return new PointCloud(d.means().clone(), rgb, null, Map.of("opacity", opacity));
    }
}
