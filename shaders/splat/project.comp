#version 450
// Forward stage 1, per Gaussian: cull, EWA projection, conic, radius, tile rectangle, SH colour, depth.
// Culled Gaussians get radius 0 and touch no tiles; their other outputs are left undefined.
// Owned by dev.glimpse.optimize.splat.ProjectKernel.
#include "stage.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = XYS_BINDING) writeonly buffer Xys { vec2 xys[]; };                          // [n] (u, v) px
layout(std430, binding = CONIC_OPACITY_BINDING) writeonly buffer ConicOpacity { vec4 conicOpacity[]; }; // [n] (a, b, c, sigmoid(o))
layout(std430, binding = COLORS_BINDING) writeonly buffer Colors { float colors[]; };                // [n][3] clamped colour
layout(std430, binding = DEPTHS_BINDING) writeonly buffer Depths { float depths[]; };                // [n] camera-space z
layout(std430, binding = RADII_BINDING) writeonly buffer Radii { int radii[]; };                     // [n] px, 0 = culled
layout(std430, binding = TILES_TOUCHED_BINDING) writeonly buffer TilesTouched { uint tilesTouched[]; }; // [n]
layout(std430, binding = TILE_RECTS_BINDING) writeonly buffer TileRects { uvec4 tileRects[]; };      // [n] xmin ymin xmax ymax (max exclusive)

uniform uint tilesX;
uniform uint tilesY;

void main() {
    uint n = gl_GlobalInvocationID.x;
    if (n >= count) {
        return;
    }
    radii[n] = 0;
    tilesTouched[n] = 0u;
    Stage s;
    if (!compute_stage(n, s)) {
        return;
    }
    float r = ceil(3.0 * sqrt(largest_eigenvalue2x2(s.cov2d)));
    vec2 uv = project_mean(s.t);
    // [floor((u - r) / ts), ceil((u + r) / ts)) clamped to the tile grid, as the reference does.
    vec2 lo = clamp(floor((uv - r) / float(TILE_SIZE)), vec2(0.0), vec2(tilesX, tilesY));
    vec2 hi = clamp(ceil((uv + r) / float(TILE_SIZE)), vec2(0.0), vec2(tilesX, tilesY));
    uvec4 rect = uvec4(uvec2(lo), uvec2(hi));
    if (rect.z <= rect.x || rect.w <= rect.y) {
        return;
    }
    vec3 color = max(raw_color(s, n), vec3(0.0));
    xys[n] = uv;
    conicOpacity[n] = vec4(inverse2x2(s.cov2d), sigmoid(logitOpacity[n]));
    colors[3u * n] = color.r;
    colors[3u * n + 1u] = color.g;
    colors[3u * n + 2u] = color.b;
    depths[n] = s.t.z;
    radii[n] = int(r);
    tileRects[n] = rect;
    tilesTouched[n] = (rect.z - rect.x) * (rect.w - rect.y);
}
