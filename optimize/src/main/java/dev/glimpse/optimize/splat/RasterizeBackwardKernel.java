package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * Owns {@code shaders/splat/rasterize_backward.comp}: per pixel, back to front, image cotangents to per-Gaussian
 * screen-space gradients (accumulated with float atomics into a caller-zeroed buffer).
 */
final class RasterizeBackwardKernel implements AutoCloseable {
    private final ComputeProgram program;

    RasterizeBackwardKernel(GlContext context) {
        int ts = SplatRasterizer.TILE_SIZE;
        program = ComputeProgram.builder(context, "splat/rasterize_backward.comp").localSize(ts, ts, 1)
                .define("TILE_SIZE", ts).define("SCREEN_GRAD_STRIDE", SCREEN_GRAD_STRIDE)
                .bindings(XYS, CONIC_OPACITY, COLORS, DEPTHS, GAUSSIAN_IDS, TILE_RANGES, FINAL_T, N_CONTRIB, V_RGB,
                        V_ALPHA, V_DEPTH, SCREEN_GRADS)
                .build();
    }

    /** {@code vAlpha} / {@code vDepth} null: those cotangents are zero ({@code unused} is bound instead). */
    void run(RasterOutput saved, GpuBuffer vRgb, GpuBuffer vAlpha, GpuBuffer vDepth, GpuBuffer unused,
            GpuBuffer screenGrads) {
        ProjectedGaussians projected = saved.projected;
        program.bind(XYS, projected.xys).bind(CONIC_OPACITY, projected.conicOpacity)
                .bind(COLORS, projected.colors).bind(DEPTHS, projected.depths)
                .bind(GAUSSIAN_IDS, saved.list.gaussianIds).bind(TILE_RANGES, saved.list.tileRanges)
                .bind(FINAL_T, saved.images.finalT).bind(N_CONTRIB, saved.images.nContrib)
                .bind(V_RGB, vRgb).bind(V_ALPHA, vAlpha == null ? unused : vAlpha)
                .bind(V_DEPTH, vDepth == null ? unused : vDepth).bind(SCREEN_GRADS, screenGrads);
        SplatCamera camera = saved.camera();
        program.setUint("imageWidth", camera.width());
        program.setUint("imageHeight", camera.height());
        program.setUint("tilesX", saved.tilesX);
        float[] bg = saved.background;
        program.setVec3("background", bg[0], bg[1], bg[2]);
        program.setUint("hasVAlpha", vAlpha == null ? 0 : 1);
        program.setUint("hasVDepth", vDepth == null ? 0 : 1);
        program.dispatch(saved.tilesX, saved.tilesY, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
