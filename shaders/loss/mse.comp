#version 450
// Per-workgroup sums for PSNR / MSE (and L1) without SSIM, reduced by loss_reduce.comp.
// Owned by dev.glimpse.optimize.train.ImageMse.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

#include "loss/group_sums.glsl"

layout(std430, binding = RENDERED_BINDING) readonly buffer Rendered { float rendered[]; }; // [H][W][3] float
layout(std430, binding = TARGET_BINDING) readonly buffer Target { float target[]; };       // [H][W][3] float
layout(std430, binding = MASK_BINDING) readonly buffer Mask { float mask[]; };             // [H][W] float (unused unless useMask)

uniform uint width;
uniform uint height;
uniform bool useMask;

void main() {
    uint px = gl_GlobalInvocationID.x;
    uint py = gl_GlobalInvocationID.y;
    vec4 sums = vec4(0.0);
    if (px < width && py < height) {
        uint p = py * width + px;
        float weight = useMask ? mask[p] : 1.0;
        for (uint c = 0u; c < 3u; c++) {
            float diff = rendered[p * 3u + c] - target[p * 3u + c];
            sums += weight * vec4(abs(diff), 0.0, diff * diff, 0.0);
        }
        sums.w = weight;
    }
    storeGroupSums(sums);
}
