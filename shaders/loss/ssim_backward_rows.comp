#version 450
// SSIM backward, pass 1: horizontal blur of the per-pixel partials (the Gaussian window is symmetric, so the
// adjoint of a blur is the same blur). Owned by dev.glimpse.optimize.train.PhotometricLoss.
#include "loss/ssim_window.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = PARTIALS_BINDING) readonly buffer Partials { float partials[]; };          // [9][H][W] float
layout(std430, binding = ROW_PARTIALS_BINDING) writeonly buffer RowPartials { float rowPartials[]; }; // [9][H][W] float

uniform uint width;
uniform uint height;

void main() {
    uint px = gl_GlobalInvocationID.x;
    uint py = gl_GlobalInvocationID.y;
    if (px >= width || py >= height) {
        return;
    }
    uint plane = width * height;
    for (uint i = 0u; i < 9u; i++) {
        float s = 0.0;
        for (int k = -SSIM_RADIUS; k <= SSIM_RADIUS; k++) {
            int qx = int(px) + k;
            if (qx >= 0 && qx < int(width)) {
                s += ssimWeights[k + SSIM_RADIUS] * partials[i * plane + py * width + uint(qx)];
            }
        }
        rowPartials[i * plane + py * width + px] = s;
    }
}
