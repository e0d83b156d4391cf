#version 450
// Pearson correlation between the rendered depth D_hat and a dense depth prior, per patch: the loss is
// scale * (1 - corr) summed over patches, invariant to the prior's scale and shift, so a monocular estimate or an
// up-to-scale sensor serves as well as metric depth. With the patch as large as the image it is FSGS's global
// scale- and shift-invariant term; with small patches (random offset each iteration) the local correlation of
// DNGaussian / RDG-GS. One workgroup per patch; pixels count where the prior is > 0 and the splats cover them.
// Owned by dev.glimpse.optimize.regularize.DepthPearsonLoss.

#include "gpu/atomics.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

#include "regularize/depth_common.glsl"

layout(std430, binding = PRIOR_BINDING) readonly buffer Prior { float prior[]; }; // [H][W] float, 0 = none

uniform uint width;
uniform uint height;
uniform uint patchSize;  // pixels per patch side
uniform int originX;     // top-left of patch (0, 0), may be negative (random shift)
uniform int originY;
uniform float scale;     // term weight / number of patches
uniform uint minPixels;  // patches with fewer valid pixels are skipped

#define THREADS (LOCAL_SIZE_X * LOCAL_SIZE_Y)
shared float partial[6][THREADS];

void main() {
    uint t = gl_LocalInvocationIndex;
    ivec2 corner = ivec2(originX, originY) + ivec2(gl_WorkGroupID.xy) * int(patchSize);
    // Pass 1: n, sum d, sum p, sum d^2, sum p^2, sum d p over the patch (threads stride over it).
    float s[6] = float[6](0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for (uint y = gl_LocalInvocationID.y; y < patchSize; y += uint(LOCAL_SIZE_Y)) {
        for (uint x = gl_LocalInvocationID.x; x < patchSize; x += uint(LOCAL_SIZE_X)) {
            ivec2 q = corner + ivec2(x, y);
            if (q.x < 0 || q.y < 0 || q.x >= int(width) || q.y >= int(height)) {
                continue;
            }
            uint p = uint(q.y) * width + uint(q.x);
            float d;
            float pr = prior[p];
            if (pr > 0.0 && normalised_depth(p, d)) {
                s[0] += 1.0;
                s[1] += d;
                s[2] += pr;
                s[3] += d * d;
                s[4] += pr * pr;
                s[5] += d * pr;
            }
        }
    }
    for (int k = 0; k < 6; k++) {
        partial[k][t] = s[k];
    }
    barrier();
    for (uint half_ = uint(THREADS) / 2u; half_ > 0u; half_ >>= 1) {
        if (t < half_) {
            for (int k = 0; k < 6; k++) {
                partial[k][t] += partial[k][t + half_];
            }
        }
        barrier();
    }
    float n = partial[0][0];
    if (n < float(minPixels)) {
        return;
    }
    float meanD = partial[1][0] / n;
    float meanP = partial[2][0] / n;
    float sdd = partial[3][0] - n * meanD * meanD;
    float spp = partial[4][0] - n * meanP * meanP;
    float sdp = partial[5][0] - n * meanD * meanP;
    // A flat patch (in the render or the prior) has no defined correlation.
    if (sdd <= 1e-12 * n * max(meanD * meanD, 1e-12) || spp <= 1e-12 * n * max(meanP * meanP, 1e-12)) {
        return;
    }
    float norm = inversesqrt(sdd * spp);
    float corr = sdp * norm;
    if (t == 0u) {
        add_loss(scale * (1.0 - corr));
    }
    // Pass 2: d corr / d D_hat_i = (p_i - meanP) norm - corr (d_i - meanD) / sdd; the loss is -scale times it.
    for (uint y = gl_LocalInvocationID.y; y < patchSize; y += uint(LOCAL_SIZE_Y)) {
        for (uint x = gl_LocalInvocationID.x; x < patchSize; x += uint(LOCAL_SIZE_X)) {
            ivec2 q = corner + ivec2(x, y);
            if (q.x < 0 || q.y < 0 || q.x >= int(width) || q.y >= int(height)) {
                continue;
            }
            uint p = uint(q.y) * width + uint(q.x);
            float d;
            float pr = prior[p];
            if (pr > 0.0 && normalised_depth(p, d)) {
                float g = (pr - meanP) * norm - corr * (d - meanD) / sdd;
                add_normalised_depth_vjp(p, -scale * g);
            }
        }
    }
}
