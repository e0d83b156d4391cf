#version 450
// Forward stage 5, per sorted intersection: where each tile's run of keys starts and ends. Tiles without any
// intersection keep the (0, 0) the host cleared them to.
// Owned by dev.glimpse.optimize.splat.TileRangesKernel.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = KEYS_HI_BINDING) readonly buffer KeysHi { uint keysHi[]; };     // [intersections] sorted tile ids
layout(std430, binding = TILE_RANGES_BINDING) buffer TileRanges { uvec2 tileRanges[]; };  // [numTiles] (start, end)

uniform uint intersections;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= intersections) {
        return;
    }
    uint tile = keysHi[i];
    if (i == 0u) {
        tileRanges[tile].x = 0u;
    } else {
        uint previous = keysHi[i - 1u];
        if (previous != tile) {
            tileRanges[previous].y = i;
            tileRanges[tile].x = i;
        }
    }
    if (i == intersections - 1u) {
        tileRanges[tile].y = intersections;
    }
}
