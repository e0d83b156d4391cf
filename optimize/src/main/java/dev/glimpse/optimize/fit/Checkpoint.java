package dev.glimpse.optimize.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.datasets.io.NdArray;
import dev.glimpse.datasets.io.Npy;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.ParameterGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Everything needed to continue a fit exactly: the Gaussians (standard 3DGS PLY, so a checkpoint is also viewable),
 * Adam's moments per parameter group, the densification statistics, and the iteration and Adam step counts.
 * A checkpoint is a folder written beside the old one and swapped in by renames, so a crash or Ctrl-C during a save
 * leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    public static final String FOLDER = "checkpoint";
    static final String GAUSSIANS = "gaussians.ply";
    static final String STATE = "state.json";
    static final int FORMAT_VERSION = 1;

    /** A loaded checkpoint: the model (on the GPU) and the counters to resume with. */
    public record Restored(GaussianModel model, int iteration, int adamStep) {}

    private Checkpoint() {}

    public static void save(Path outDir, GaussianModel model, int iteration, int adamStep) throws IOException {
        Path target = outDir.resolve(FOLDER);
        Path fresh = outDir.resolve(FOLDER + ".new");
        Path old = outDir.resolve(FOLDER + ".old");
        deleteTree(fresh);
        Files.createDirectories(fresh);
        GaussianPly.write(fresh.resolve(GAUSSIANS), model.download());
        int n = model.count();
        for (ParameterGroup g : model.groups()) {
            writeFloats(fresh.resolve("adam_" + g.name() + "_m.npy"), g.m(), n, g.floatsPerGaussian());
            writeFloats(fresh.resolve("adam_" + g.name() + "_v.npy"), g.v(), n, g.floatsPerGaussian());
        }
        writeFloats(fresh.resolve("densify_grad_accum.npy"), model.gradAccum(), n, 1);
        writeFloats(fresh.resolve("densify_grad_denom.npy"), model.gradDenom(), n, 1);
        writeFloats(fresh.resolve("densify_max_radius.npy"), model.maxRadius(), n, 1);
        ObjectNode state = new ObjectMapper().createObjectNode();
        state.put("formatVersion", FORMAT_VERSION);
        state.put("iteration", iteration);
        state.put("adamStep", adamStep);
        state.put("gaussians", n);
        state.put("shDegree", model.shDegree());
        AtomicWrite.string(fresh.resolve(STATE), state.toPrettyString() + "\n");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(fresh, target);
        deleteTree(old);
    }

    /** Loads {@code outDir/checkpoint}; problems are one-line errors naming the file. */
    public static Restored load(Path outDir, GlContext ctx, int shDegree, int maxCapacity) throws IOException {
        Path dir = outDir.resolve(FOLDER);
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile)) {
            throw new DatasetException(dir, "no checkpoint to resume from (missing " + STATE + ")");
        }
        JsonNode state = new ObjectMapper().readTree(stateFile.toFile());
        if (state.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new DatasetException(stateFile, "unsupported checkpoint format version " + state.path("formatVersion"));
        }
        GaussianPlyData data = GaussianPly.read(dir.resolve(GAUSSIANS));
        if (data.shDegree() > shDegree) {
            throw new DatasetException(dir.resolve(GAUSSIANS), "checkpoint has SH degree " + data.shDegree()
                    + " but the config asks for " + shDegree);
        }
        GaussianModel model = GaussianModel.of(ctx, data, shDegree, maxCapacity);
        try {
            int n = data.count();
            for (ParameterGroup g : model.groups()) {
                readFloats(dir.resolve("adam_" + g.name() + "_m.npy"), g.m(), n, g.floatsPerGaussian());
                readFloats(dir.resolve("adam_" + g.name() + "_v.npy"), g.v(), n, g.floatsPerGaussian());
            }
            readFloats(dir.resolve("densify_grad_accum.npy"), model.gradAccum(), n, 1);
            readFloats(dir.resolve("densify_grad_denom.npy"), model.gradDenom(), n, 1);
            readFloats(dir.resolve("densify_max_radius.npy"), model.maxRadius(), n, 1);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new Restored(model, state.path("iteration").asInt(), state.path("adamStep").asInt());
    }

    private static void writeFloats(Path file, GpuBuffer buffer, int count, int perGaussian) throws IOException {
        float[] values = count == 0 ? new float[0] : buffer.downloadFloats(0, count * perGaussian);
        Npy.write(file, NdArray.ofFloats(new int[] {count, perGaussian}, values));
    }

    private static void readFloats(Path file, GpuBuffer buffer, int count, int perGaussian) throws IOException {
        NdArray a = Npy.read(file);
        if (a.size() != (long) count * perGaussian) {
            throw new DatasetException(file, "holds " + a.size() + " values, expected " + count * perGaussian);
        }
        if (count > 0) {
            buffer.upload(0, a.asFloats());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
