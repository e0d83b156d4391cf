package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/** Owns {@code shaders/splat/rasterize.comp}: front-to-back compositing, one workgroup per tile. */
final class RasterizeKernel implements AutoCloseable {
    private final ComputeProgram program;

    RasterizeKernel(GlContext context) {
        int ts = SplatRasterizer.TILE_SIZE;
        program = ComputeProgram.builder(context, "splat/rasterize.comp").localSize(ts, ts, 1)
                .define("TILE_SIZE", ts)
                .bindings(XYS, CONIC_OPACITY, COLORS, DEPTHS, GAUSSIAN_IDS, TILE_RANGES, OUT_RGB, OUT_ALPHA,
                        OUT_DEPTH, FINAL_T, N_CONTRIB)
                .build();
    }

    void run(SplatCamera camera, float[] background, int tilesX, int tilesY, ProjectedGaussians projected,
            TileIntersections list, RasterImages out) {
        program.bind(XYS, projected.xys).bind(CONIC_OPACITY, projected.conicOpacity)
                .bind(COLORS, projected.colors).bind(DEPTHS, projected.depths)
                .bind(GAUSSIAN_IDS, list.gaussianIds).bind(TILE_RANGES, list.tileRanges)
                .bind(OUT_RGB, out.rgb).bind(OUT_ALPHA, out.alpha).bind(OUT_DEPTH, out.depth)
                .bind(FINAL_T, out.finalT).bind(N_CONTRIB, out.nContrib);
        program.setUint("imageWidth", camera.width());
        program.setUint("imageHeight", camera.height());
        program.setUint("tilesX", tilesX);
        program.setVec3("background", background[0], background[1], background[2]);
        program.dispatch(tilesX, tilesY, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
