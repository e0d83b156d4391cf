package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/** Owns {@code shaders/splat/duplicate_keys.comp}: one (tile, depth) key per tile a Gaussian touches. */
final class DuplicateKeysKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 128;
    private final ComputeProgram program;

    DuplicateKeysKernel(GlContext context) {
        program = ComputeProgram.builder(context, "splat/duplicate_keys.comp").localSize(WORKGROUP_SIZE)
                .bindings(DEPTHS, TILES_TOUCHED, TILE_RECTS, OFFSETS, KEYS_HI, KEYS_LO, GAUSSIAN_IDS).build();
    }

    void run(int count, int tilesX, ProjectedGaussians projected, TileIntersections out) {
        program.bind(DEPTHS, projected.depths).bind(TILES_TOUCHED, projected.tilesTouched)
                .bind(TILE_RECTS, projected.tileRects).bind(OFFSETS, projected.offsets)
                .bind(KEYS_HI, out.keysHi).bind(KEYS_LO, out.keysLo).bind(GAUSSIAN_IDS, out.gaussianIds);
        program.setUint("count", count);
        program.setUint("tilesX", tilesX);
        program.dispatch(ComputeProgram.groupsFor(count, WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
