// Per-pixel compositing rules shared by rasterize.comp and rasterize_backward.comp, and the tile layout both
// use: one workgroup of TILE_SIZE x TILE_SIZE invocations per tile, one pixel each, walking the tile's
// depth-sorted list in batches of BATCH_SIZE entries staged in shared memory.
// `precise` keeps both shaders taking identical skip decisions for the same inputs (no contraction differences).

#define BATCH_SIZE (TILE_SIZE * TILE_SIZE)
#define MAX_ALPHA 0.99               // cap on a single splat's alpha (no gradient through the cap)
#define MIN_ALPHA (1.0 / 255.0)      // fainter splats are skipped
#define MIN_TRANSMITTANCE 1e-4       // stop before T would drop below this

layout(std430, binding = XYS_BINDING) readonly buffer Xys { vec2 xys[]; };                          // [n] (u, v)
layout(std430, binding = CONIC_OPACITY_BINDING) readonly buffer ConicOpacity { vec4 conicOpacity[]; }; // [n] (a, b, c, opacity)
layout(std430, binding = COLORS_BINDING) readonly buffer Colors { float colors[]; };                // [n][3]
layout(std430, binding = DEPTHS_BINDING) readonly buffer Depths { float depths[]; };                // [n]
layout(std430, binding = GAUSSIAN_IDS_BINDING) readonly buffer GaussianIds { uint gaussianIds[]; }; // [intersections] sorted
layout(std430, binding = TILE_RANGES_BINDING) readonly buffer TileRanges { uvec2 tileRanges[]; };   // [numTiles] (start, end)

uniform uint imageWidth;
uniform uint imageHeight;
uniform uint tilesX;

shared uint batchIds[BATCH_SIZE];
shared vec2 batchXy[BATCH_SIZE];
shared vec4 batchConicOpacity[BATCH_SIZE];
shared vec4 batchColorDepth[BATCH_SIZE];

// Stages list entry `entry` (absolute index into gaussianIds) in shared slot `slot`.
void stage_entry(uint slot, uint entry) {
    uint g = gaussianIds[entry];
    batchIds[slot] = g;
    batchXy[slot] = xys[g];
    batchConicOpacity[slot] = conicOpacity[g];
    batchColorDepth[slot] = vec4(colors[3u * g], colors[3u * g + 1u], colors[3u * g + 2u], depths[g]);
}

// Exponent -0.5 d^T conic d with d = pixel centre - (u, v).
float splat_power(vec2 d, vec3 conic) {
    precise float p = -0.5 * (conic.x * d.x * d.x + conic.z * d.y * d.y) - conic.y * d.x * d.y;
    return p;
}

// opacity * exp(power) before the cap.
float splat_raw_alpha(float opacity, float power) {
    precise float a = opacity * exp(power);
    return a;
}

uint tile_id() {
    return gl_WorkGroupID.y * tilesX + gl_WorkGroupID.x;
}

bool pixel_inside() {
    return gl_GlobalInvocationID.x < imageWidth && gl_GlobalInvocationID.y < imageHeight;
}

uint pixel_index() {
    return gl_GlobalInvocationID.y * imageWidth + gl_GlobalInvocationID.x;
}

vec2 pixel_centre() {
    return vec2(gl_GlobalInvocationID.xy) + 0.5;
}
