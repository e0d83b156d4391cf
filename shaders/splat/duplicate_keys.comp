#version 450
// Forward stage 3, per Gaussian: one (tile, depth) key per touched tile, written at the Gaussian's scanned
// offset. Keys: hi = tile id (row-major), lo = depth float bits, which order like the depths because depths are
// positive (>= near plane). Gaussians are visited in index order, so the stable sort breaks depth ties by index.
// Owned by dev.glimpse.optimize.splat.DuplicateKeysKernel.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = DEPTHS_BINDING) readonly buffer Depths { float depths[]; };                // [n]
layout(std430, binding = TILES_TOUCHED_BINDING) readonly buffer TilesTouched { uint tilesTouched[]; }; // [n]
layout(std430, binding = TILE_RECTS_BINDING) readonly buffer TileRects { uvec4 tileRects[]; };      // [n]
layout(std430, binding = OFFSETS_BINDING) readonly buffer Offsets { uint offsets[]; };              // [n] exclusive scan of tilesTouched
layout(std430, binding = KEYS_HI_BINDING) writeonly buffer KeysHi { uint keysHi[]; };               // [intersections] tile id
layout(std430, binding = KEYS_LO_BINDING) writeonly buffer KeysLo { uint keysLo[]; };               // [intersections] depth bits
layout(std430, binding = GAUSSIAN_IDS_BINDING) writeonly buffer GaussianIds { uint gaussianIds[]; }; // [intersections]

uniform uint count;
uniform uint tilesX;

void main() {
    uint n = gl_GlobalInvocationID.x;
    if (n >= count || tilesTouched[n] == 0u) {
        return;
    }
    uint at = offsets[n];
    uvec4 rect = tileRects[n];
    uint depthBits = floatBitsToUint(depths[n]);
    for (uint y = rect.y; y < rect.w; y++) {
        for (uint x = rect.x; x < rect.z; x++) {
            keysHi[at] = y * tilesX + x;
            keysLo[at] = depthBits;
            gaussianIds[at] = n;
            at++;
        }
    }
}
