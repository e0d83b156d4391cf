#version 450
// Backward of rasterize.comp, one workgroup per tile: each pixel walks the entries it processed back to
// front, recovering T_i = T_{i+1} / (1 - alpha_i) from the saved T_final and keeping the running sums
// S = sum over splats behind of c alpha T (and of z alpha T), per shared/SPLATTING.md:
// dL/dalpha_i = v_rgb . (c_i T_i - (S + T_final bg) / (1 - alpha_i)) + v_depth (z_i T_i - S_z / (1 - alpha_i))
//             + v_alpha T_final / (1 - alpha_i).
// Per-Gaussian gradients are first summed over the tile's pixels in shared memory, then added once per
// (tile, Gaussian) to the global screen-space gradients with float atomics (so the result is not bit-stable).
// Owned by dev.glimpse.optimize.splat.RasterizeBackwardKernel.
#include "gpu/atomics.glsl"      // first: it may add an #extension line
#include "composite.glsl"
#include "screen_grads.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = FINAL_T_BINDING) readonly buffer FinalT { float finalT[]; };         // [H][W]
layout(std430, binding = N_CONTRIB_BINDING) readonly buffer NContrib { uint nContrib[]; };    // [H][W]
layout(std430, binding = V_RGB_BINDING) readonly buffer VRgb { float v_rgb[]; };             // [H][W][3]
layout(std430, binding = V_ALPHA_BINDING) readonly buffer VAlpha { float v_alpha[]; };       // [H][W] or unused
layout(std430, binding = V_DEPTH_BINDING) readonly buffer VDepth { float v_depth[]; };       // [H][W] or unused
layout(std430, binding = SCREEN_GRADS_BINDING) buffer ScreenGrads { ATOMIC_FLOAT screenGrads[]; }; // [n][SCREEN_GRAD_STRIDE]

uniform vec3 background;
uniform uint hasVAlpha;   // 0: v_alpha is taken as zero (nothing meaningful bound)
uniform uint hasVDepth;

shared ATOMIC_FLOAT tileSums[SCREEN_GRAD_STRIDE * BATCH_SIZE];   // [field][slot]
shared uint maxProcessed;

void add_to_slot(uint slot, uint field, float value) {
    atomicAddFloat(tileSums, field * uint(BATCH_SIZE) + slot, value);
}

void main() {
    uint slot = gl_LocalInvocationIndex;
    uvec2 range = tileRanges[tile_id()];
    bool inside = pixel_inside();
    vec2 centre = pixel_centre();
    uint p = inside ? pixel_index() : 0u;
    float tFinal = inside ? finalT[p] : 1.0;
    uint processed = inside ? nContrib[p] : 0u;
    vec3 vRgb = inside ? vec3(v_rgb[3u * p], v_rgb[3u * p + 1u], v_rgb[3u * p + 2u]) : vec3(0.0);
    float vAlpha = inside && hasVAlpha != 0u ? v_alpha[p] : 0.0;
    float vDepth = inside && hasVDepth != 0u ? v_depth[p] : 0.0;
    if (slot == 0u) {
        maxProcessed = 0u;
    }
    barrier();
    atomicMax(maxProcessed, processed);
    barrier();
    uint end = maxProcessed;

    float t = tFinal;
    vec3 sumColor = vec3(0.0);
    float sumDepth = 0.0;
    vec3 backgroundTerm = tFinal * background;
    // Batches from the back: batch b holds entries [end - (b+1) BATCH_SIZE, end - b BATCH_SIZE), slot 0 last.
    for (uint behind = 0u; behind < end; behind += uint(BATCH_SIZE)) {
        uint batch = min(uint(BATCH_SIZE), end - behind);
        barrier();
        if (slot < batch) {
            stage_entry(slot, range.x + end - behind - 1u - slot);
            for (uint f = 0u; f < uint(SCREEN_GRAD_STRIDE); f++) {
                tileSums[f * uint(BATCH_SIZE) + slot] = atomicFloatBits(0.0);
            }
        }
        barrier();
        for (uint k = 0u; k < batch; k++) {
            uint entry = end - behind - 1u - k;   // position in the tile list
            if (entry >= processed) {
                continue;
            }
            vec4 co = batchConicOpacity[k];
            vec2 d = centre - batchXy[k];
            float power = splat_power(d, co.xyz);
            if (power > 0.0) {
                continue;
            }
            float raw = splat_raw_alpha(co.w, power);
            float alpha = min(MAX_ALPHA, raw);
            if (alpha < MIN_ALPHA) {
                continue;
            }
            float oneMinus = 1.0 - alpha;
            t /= oneMinus;
            float weight = alpha * t;
            vec4 cd = batchColorDepth[k];
            float v_a = vAlpha * tFinal / oneMinus
                    + dot(vRgb, cd.rgb * t - (sumColor + backgroundTerm) / oneMinus)
                    + vDepth * (cd.w * t - sumDepth / oneMinus);
            sumColor += cd.rgb * weight;
            sumDepth += cd.w * weight;
            add_to_slot(k, SG_COLOR, weight * vRgb.r);
            add_to_slot(k, SG_COLOR + 1u, weight * vRgb.g);
            add_to_slot(k, SG_COLOR + 2u, weight * vRgb.b);
            add_to_slot(k, SG_DEPTH, weight * vDepth);
            if (raw > MAX_ALPHA) {
                continue;   // capped alpha: constant in opacity, conic and centre
            }
            float gauss = exp(power);
            float v_power = raw * v_a;
            add_to_slot(k, SG_OPACITY, gauss * v_a);
            add_to_slot(k, SG_CONIC, -0.5 * d.x * d.x * v_power);
            add_to_slot(k, SG_CONIC + 1u, -d.x * d.y * v_power);
            add_to_slot(k, SG_CONIC + 2u, -0.5 * d.y * d.y * v_power);
            // d = centre - uv, so the centre gradient is minus the offset gradient.
            add_to_slot(k, SG_UV, (co.x * d.x + co.y * d.y) * v_power);
            add_to_slot(k, SG_UV + 1u, (co.y * d.x + co.z * d.y) * v_power);
        }
        barrier();
        if (slot < batch) {
            uint g = batchIds[slot];
            for (uint f = 0u; f < uint(SCREEN_GRAD_STRIDE); f++) {
                float value = atomicFloatValue(tileSums[f * uint(BATCH_SIZE) + slot]);
                if (value != 0.0) {
                    atomicAddFloat(screenGrads, g * uint(SCREEN_GRAD_STRIDE) + f, value);
                }
            }
        }
    }
}
