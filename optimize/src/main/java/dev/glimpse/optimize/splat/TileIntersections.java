package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** The sorted tile/Gaussian intersection list and each tile's run in it; grown as needed, never shrunk. */
final class TileIntersections implements AutoCloseable {
    final GpuBuffer keysHi;       // [intersections] uint tile id (sorted)
    final GpuBuffer keysLo;       // [intersections] uint depth float bits (sorted within a tile)
    final GpuBuffer gaussianIds;  // [intersections] uint Gaussian of each sorted key
    final GpuBuffer tileRanges;   // [numTiles][2] uint (start, end) into the sorted list

    TileIntersections(GlContext context) {
        keysHi = GpuBuffer.create(context, 4, "splat keys hi");
        keysLo = GpuBuffer.create(context, 4, "splat keys lo");
        gaussianIds = GpuBuffer.create(context, 4, "splat sorted gaussian ids");
        tileRanges = GpuBuffer.create(context, 8, "splat tile ranges");
    }

    void ensure(long intersections, int numTiles) {
        keysHi.ensureCapacity(4 * intersections);
        keysLo.ensureCapacity(4 * intersections);
        gaussianIds.ensureCapacity(4 * intersections);
        tileRanges.ensureCapacity(8L * numTiles);
    }

    @Override
    public void close() {
        tileRanges.close();
        gaussianIds.close();
        keysLo.close();
        keysHi.close();
    }
}
