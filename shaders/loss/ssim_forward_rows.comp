#version 450
// SSIM forward, pass 1: horizontal blur of the five local-statistics inputs x, y, x^2, y^2, xy per channel
// (x = rendered, y = target). Owned by dev.glimpse.optimize.train.PhotometricLoss; ssim_forward_cols.comp
// finishes the separable blur.
#include "loss/ssim_window.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = RENDERED_BINDING) readonly buffer Rendered { float rendered[]; };  // [H][W][3] float
layout(std430, binding = TARGET_BINDING) readonly buffer Target { float target[]; };        // [H][W][3] float
layout(std430, binding = ROW_STATS_BINDING) writeonly buffer RowStats { float rowStats[]; }; // [5][3][H][W] float

uniform uint width;
uniform uint height;

void main() {
    uint px = gl_GlobalInvocationID.x;
    uint py = gl_GlobalInvocationID.y;
    if (px >= width || py >= height) {
        return;
    }
    uint plane = width * height;
    uint p = py * width + px;
    for (uint c = 0u; c < 3u; c++) {
        float sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0;
        for (int k = -SSIM_RADIUS; k <= SSIM_RADIUS; k++) {
            int qx = int(px) + k;
            if (qx >= 0 && qx < int(width)) {
                float w = ssimWeights[k + SSIM_RADIUS];
                uint q = (py * width + uint(qx)) * 3u + c;
                float x = rendered[q];
                float y = target[q];
                sx += w * x;
                sy += w * y;
                sxx += w * x * x;
                syy += w * y * y;
                sxy += w * x * y;
            }
        }
        rowStats[(0u * 3u + c) * plane + p] = sx;
        rowStats[(1u * 3u + c) * plane + p] = sy;
        rowStats[(2u * 3u + c) * plane + p] = sxx;
        rowStats[(3u * 3u + c) * plane + p] = syy;
        rowStats[(4u * 3u + c) * plane + p] = sxy;
    }
}
