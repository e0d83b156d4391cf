package dev.glimpse.app;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.train.GaussianModel;
import java.io.IOException;
import java.nio.file.Path;

/** Loading of standard 3DGS PLY files onto the GPU for the commands that render them. */
final class SplatFiles {
    private SplatFiles() {}

    static GaussianModel load(GlContext ctx, Path ply) throws IOException {
        GaussianPlyData data = GaussianPly.read(ply);
        if (data.count() == 0) {
            throw new DatasetException(ply, "holds no Gaussians");
        }
        for (float v : data.means()) {
            if (!Float.isFinite(v)) {
                throw new DatasetException(ply, "has a non-finite Gaussian position");
            }
        }
        return GaussianModel.of(ctx, data, data.shDegree(), data.count());
    }
}
