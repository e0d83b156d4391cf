package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/** Owns {@code shaders/splat/tile_ranges.comp}: each tile's (start, end) run in the sorted intersections. */
final class TileRangesKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    private final ComputeProgram program;

    TileRangesKernel(GlContext context) {
        program = ComputeProgram.builder(context, "splat/tile_ranges.comp").localSize(WORKGROUP_SIZE)
                .bindings(KEYS_HI, TILE_RANGES).build();
    }

    /** Clears every tile's range to empty, then marks the runs of the first {@code intersections} keys. */
    void run(int intersections, int numTiles, TileIntersections list) {
        list.tileRanges.fill(0, 8L * numTiles, 0);
        program.bind(KEYS_HI, list.keysHi).bind(TILE_RANGES, list.tileRanges);
        program.setUint("intersections", intersections);
        program.dispatch(ComputeProgram.groupsFor(intersections, WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
