#version 450
// SSIM forward, pass 2: vertical blur giving the local means mu_x, mu_y and raw second moments
// A = blur(x^2), B = blur(y^2), C = blur(xy); the SSIM value per pixel and channel; and, for the backward, the
// weighted partials of SSIM_q w.r.t. (mu_x, A, C) at each pixel q. Also the workgroup's loss sums.
// Owned by dev.glimpse.optimize.train.PhotometricLoss.
//
// S = (2 mx my + C1)(2 (C - mx my) + C2) / ((mx^2 + my^2 + C1)(A - mx^2 + B - my^2 + C2)) = N / D
#include "loss/ssim_window.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

#include "loss/group_sums.glsl"

layout(std430, binding = RENDERED_BINDING) readonly buffer Rendered { float rendered[]; };  // [H][W][3] float
layout(std430, binding = TARGET_BINDING) readonly buffer Target { float target[]; };        // [H][W][3] float
layout(std430, binding = MASK_BINDING) readonly buffer Mask { float mask[]; };              // [H][W] float weight (unused unless useMask)
layout(std430, binding = ROW_STATS_BINDING) readonly buffer RowStats { float rowStats[]; }; // [5][3][H][W] float
layout(std430, binding = PARTIALS_BINDING) writeonly buffer Partials { float partials[]; }; // [3][3][H][W] float: w dS/dmu_x, w dS/dA, w dS/dC

uniform uint width;
uniform uint height;
uniform bool useMask;

const float C1 = 0.01 * 0.01;
const float C2 = 0.03 * 0.03;

void main() {
    uint px = gl_GlobalInvocationID.x;
    uint py = gl_GlobalInvocationID.y;
    vec4 sums = vec4(0.0);
    if (px < width && py < height) {
        uint plane = width * height;
        uint p = py * width + px;
        float weight = useMask ? mask[p] : 1.0;
        for (uint c = 0u; c < 3u; c++) {
            float s[5] = float[5](0.0, 0.0, 0.0, 0.0, 0.0);
            for (int k = -SSIM_RADIUS; k <= SSIM_RADIUS; k++) {
                int qy = int(py) + k;
                if (qy >= 0 && qy < int(height)) {
                    float w = ssimWeights[k + SSIM_RADIUS];
                    uint q = uint(qy) * width + px;
                    for (uint i = 0u; i < 5u; i++) {
                        s[i] += w * rowStats[(i * 3u + c) * plane + q];
                    }
                }
            }
            float mx = s[0], my = s[1];
            float a1 = 2.0 * mx * my + C1;
            float a2 = 2.0 * (s[4] - mx * my) + C2;
            float b1 = mx * mx + my * my + C1;
            float b2 = (s[2] - mx * mx) + (s[3] - my * my) + C2;
            float d = b1 * b2;
            float ssim = a1 * a2 / d;
            // dN/dmx = 2 my (a2 - a1), dD/dmx = 2 mx (b2 - b1); dS/dA = -S b1 / D; dS/dC = 2 a1 / D.
            float dMx = (2.0 * my * (a2 - a1) - ssim * 2.0 * mx * (b2 - b1)) / d;
            float dA = -ssim * b1 / d;
            float dC = 2.0 * a1 / d;
            partials[(0u * 3u + c) * plane + p] = weight * dMx;
            partials[(1u * 3u + c) * plane + p] = weight * dA;
            partials[(2u * 3u + c) * plane + p] = weight * dC;
            float diff = rendered[p * 3u + c] - target[p * 3u + c];
            sums += weight * vec4(abs(diff), ssim, diff * diff, 0.0);
        }
        sums.w = weight;
    }
    storeGroupSums(sums);
}
