#version 450
// Depth-aware pruning: a Gaussian is a floater when some training view sees THROUGH the place it occupies:
// either the view's mask says background all around its projection (RGBA scenes: the visual hull), or a
// confident stereo depth all around its projection lies beyond it by more than the margin (plus three of its
// own standard deviations). Such Gaussians get a logit opacity below the prune threshold, so the next density
// step removes them. A window of (2 CARVE_RADIUS + 1)^2 pixels must agree, so silhouettes and depth edges are
// spared. Owned by dev.glimpse.optimize.regularize.FreeSpaceCarving.

layout(local_size_x = LOCAL_SIZE_X) in;

struct CarveView {
    mat4 worldToCamera;
    vec4 intrinsics;   // fx, fy, cx, cy
    ivec4 shape;       // width, height, word offset of its planes, has depth (0/1)
};

layout(std430, binding = MEANS_BINDING) readonly buffer Means { float means[]; };           // [n][3] float
layout(std430, binding = LOG_SCALES_BINDING) readonly buffer LogScales { float logScales[]; }; // [n][3] float
layout(std430, binding = LOGIT_OPACITY_BINDING) buffer Opacity { float logitOpacity[]; };   // [n] float
layout(std430, binding = VIEWS_BINDING) readonly buffer Views { CarveView views[]; };        // [numViews]
layout(std430, binding = MASKS_BINDING) readonly buffer Masks { float masks[]; };            // [sum H W] float, 1 = scene
layout(std430, binding = DEPTHS_BINDING) readonly buffer Depths { float depths[]; };         // [sum H W] float, 0 = none
layout(std430, binding = CARVED_BINDING) buffer Carved { uint carved[]; };                  // [1] uint, counter

uniform uint count;
uniform uint numViews;
uniform float nearPlane;
uniform float margin;      // relative depth margin
uniform float deadLogit;   // written to carved Gaussians: below the prune threshold

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= count || logitOpacity[i] <= deadLogit) {
        return;
    }
    vec3 p = vec3(means[3u * i], means[3u * i + 1u], means[3u * i + 2u]);
    float sigma = exp(max(logScales[3u * i], max(logScales[3u * i + 1u], logScales[3u * i + 2u])));
    for (uint v = 0u; v < numViews; v++) {
        vec3 t = (views[v].worldToCamera * vec4(p, 1.0)).xyz;
        if (t.z < nearPlane) {
            continue;
        }
        vec4 k = views[v].intrinsics;
        ivec2 c = ivec2(floor(vec2(k.x * t.x / t.z + k.z, k.y * t.y / t.z + k.w)));
        ivec2 size = views[v].shape.xy;
        if (c.x < CARVE_RADIUS || c.y < CARVE_RADIUS || c.x >= size.x - CARVE_RADIUS
                || c.y >= size.y - CARVE_RADIUS) {
            continue;
        }
        uint base = uint(views[v].shape.z);
        bool allBackground = true;
        bool allBeyond = views[v].shape.w != 0;
        for (int dy = -CARVE_RADIUS; dy <= CARVE_RADIUS; dy++) {
            for (int dx = -CARVE_RADIUS; dx <= CARVE_RADIUS; dx++) {
                uint q = base + uint(c.y + dy) * uint(size.x) + uint(c.x + dx);
                allBackground = allBackground && masks[q] < 0.5;
                float d = depths[q];
                allBeyond = allBeyond && d > 0.0 && t.z + 3.0 * sigma < d * (1.0 - margin);
            }
        }
        if (allBackground || allBeyond) {
            logitOpacity[i] = deadLogit;
            atomicAdd(carved[0], 1u);
            return;
        }
    }
}
