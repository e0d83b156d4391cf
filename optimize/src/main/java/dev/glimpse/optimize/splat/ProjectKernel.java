package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/** Owns {@code shaders/splat/project.comp}: per-Gaussian cull, EWA projection, radius, tile rectangle, colour. */
final class ProjectKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 128;
    private final ComputeProgram program;

    ProjectKernel(GlContext context) {
        program = ComputeProgram.builder(context, "splat/project.comp").localSize(WORKGROUP_SIZE)
                .define("TILE_SIZE", SplatRasterizer.TILE_SIZE)
                .bindings(MEANS, LOG_SCALES, QUATS, LOGIT_OPACITY, SH, XYS, CONIC_OPACITY, COLORS, DEPTHS, RADII,
                        TILES_TOUCHED, TILE_RECTS)
                .build();
    }

    void run(SplatBuffers params, int activeShDegree, SplatCamera camera, int tilesX, int tilesY,
            ProjectedGaussians out) {
        bindParams(program, params, activeShDegree);
        setCamera(program, camera);
        program.bind(XYS, out.xys).bind(CONIC_OPACITY, out.conicOpacity).bind(COLORS, out.colors)
                .bind(DEPTHS, out.depths).bind(RADII, out.radii).bind(TILES_TOUCHED, out.tilesTouched)
                .bind(TILE_RECTS, out.tileRects);
        program.setUint("tilesX", tilesX);
        program.setUint("tilesY", tilesY);
        program.dispatch(ComputeProgram.groupsFor(params.count(), WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
