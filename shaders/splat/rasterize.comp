#version 450
// Forward stage 6: front-to-back compositing of each tile's depth-sorted list, one workgroup per tile.
// Saves T_final and the number of list entries each pixel processed for rasterize_backward.comp.
// Owned by dev.glimpse.optimize.splat.RasterizeKernel.
#include "composite.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = OUT_RGB_BINDING) writeonly buffer OutRgb { float outRgb[]; };         // [H][W][3]
layout(std430, binding = OUT_ALPHA_BINDING) writeonly buffer OutAlpha { float outAlpha[]; };   // [H][W] 1 - T_final
layout(std430, binding = OUT_DEPTH_BINDING) writeonly buffer OutDepth { float outDepth[]; };   // [H][W] sum z alpha T
layout(std430, binding = FINAL_T_BINDING) writeonly buffer FinalT { float finalT[]; };         // [H][W] T_final
layout(std430, binding = N_CONTRIB_BINDING) writeonly buffer NContrib { uint nContrib[]; };    // [H][W] entries processed

uniform vec3 background;

shared uint pixelsDone;

void main() {
    uint slot = gl_LocalInvocationIndex;
    uvec2 range = tileRanges[tile_id()];
    uint total = range.y - range.x;
    bool inside = pixel_inside();
    vec2 centre = pixel_centre();
    if (slot == 0u) {
        pixelsDone = 0u;
    }
    barrier();
    bool done = !inside;
    if (done) {
        atomicAdd(pixelsDone, 1u);
    }
    float t = 1.0;
    vec3 rgb = vec3(0.0);
    float depth = 0.0;
    uint processed = 0u;
    for (uint first = 0u; first < total; first += uint(BATCH_SIZE)) {
        barrier();
        // Uniform: every invocation reads the count after the same barrier, and it only changes below.
        if (pixelsDone == uint(BATCH_SIZE)) {
            break;
        }
        if (first + slot < total) {
            stage_entry(slot, range.x + first + slot);
        }
        barrier();
        uint batch = min(uint(BATCH_SIZE), total - first);
        for (uint k = 0u; k < batch && !done; k++) {
            vec4 co = batchConicOpacity[k];
            float power = splat_power(centre - batchXy[k], co.xyz);
            if (power > 0.0) {
                continue;
            }
            float alpha = min(MAX_ALPHA, splat_raw_alpha(co.w, power));
            if (alpha < MIN_ALPHA) {
                continue;
            }
            float nextT = t * (1.0 - alpha);
            if (nextT < MIN_TRANSMITTANCE) {
                done = true;
                atomicAdd(pixelsDone, 1u);
                break;
            }
            vec4 cd = batchColorDepth[k];
            rgb += cd.rgb * (alpha * t);
            depth += cd.w * (alpha * t);
            t = nextT;
            processed = first + k + 1u;
        }
    }
    if (inside) {
        uint p = pixel_index();
        vec3 c = rgb + t * background;
        outRgb[3u * p] = c.r;
        outRgb[3u * p + 1u] = c.g;
        outRgb[3u * p + 2u] = c.b;
        outAlpha[p] = 1.0 - t;
        outDepth[p] = depth;
        finalT[p] = t;
        nContrib[p] = processed;
    }
}
