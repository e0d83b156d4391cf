#version 450
// Loss backward, pass 2: finishes the blur of the SSIM partials and writes the gradient of the total loss
// (1 - lambda) L1 + lambda (1 - SSIM) w.r.t. the rendered image:
//   dSSIM/dx_p = (1/N) sum_q w(q - p) [dS_q/dmu_x + 2 x_p dS_q/dA + y_p dS_q/dC] (weights folded in),
//   dL1/dx_p = weight_p sign(x_p - y_p) / N,   N = 3 * sum of pixel weights (read from the stats buffer).
// Owned by dev.glimpse.optimize.train.PhotometricLoss.
#include "loss/ssim_window.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = RENDERED_BINDING) readonly buffer Rendered { float rendered[]; };          // [H][W][3] float
layout(std430, binding = TARGET_BINDING) readonly buffer Target { float target[]; };                // [H][W][3] float
layout(std430, binding = MASK_BINDING) readonly buffer Mask { float mask[]; };                      // [H][W] float (unused unless useMask)
layout(std430, binding = ROW_PARTIALS_BINDING) readonly buffer RowPartials { float rowPartials[]; }; // [9][H][W] float
layout(std430, binding = STATS_BINDING) readonly buffer Stats { float stats[]; };                   // [STATS_WORDS] float
layout(std430, binding = V_RGB_BINDING) writeonly buffer VRgb { float v_rgb[]; };                   // [H][W][3] float

uniform uint width;
uniform uint height;
uniform bool useMask;
uniform float lambda;

void main() {
    uint px = gl_GlobalInvocationID.x;
    uint py = gl_GlobalInvocationID.y;
    if (px >= width || py >= height) {
        return;
    }
    uint plane = width * height;
    uint p = py * width + px;
    float weightSum = stats[STAT_WEIGHT];
    float invN = weightSum > 0.0 ? 1.0 / (3.0 * weightSum) : 0.0;
    float weight = useMask ? mask[p] : 1.0;
    for (uint c = 0u; c < 3u; c++) {
        float b[3] = float[3](0.0, 0.0, 0.0);
        for (int k = -SSIM_RADIUS; k <= SSIM_RADIUS; k++) {
            int qy = int(py) + k;
            if (qy >= 0 && qy < int(height)) {
                float w = ssimWeights[k + SSIM_RADIUS];
                uint q = uint(qy) * width + px;
                for (uint i = 0u; i < 3u; i++) {
                    b[i] += w * rowPartials[(i * 3u + c) * plane + q];
                }
            }
        }
        float x = rendered[p * 3u + c];
        float y = target[p * 3u + c];
        float dSsim = (b[0] + 2.0 * x * b[1] + y * b[2]) * invN;
        float dL1 = weight * sign(x - y) * invN;
        v_rgb[p * 3u + c] = (1.0 - lambda) * dL1 - lambda * dSsim;
    }
}
