#version 450
// Final reduction of the per-workgroup loss sums into the loss stats buffer (one workgroup, fixed summation
// order, so the values are deterministic). Owned by dev.glimpse.optimize.train.LossReduction; the slots are
// dev.glimpse.optimize.train.LossStats. Means are over weighted pixels and the three channels.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = GROUP_SUMS_BINDING) readonly buffer GroupSums { vec4 groupSums[]; }; // [numGroups] vec4
layout(std430, binding = STATS_BINDING) writeonly buffer Stats { float stats[]; };           // [STATS_WORDS] float

uniform uint numGroups;
uniform float lambda;  // weight of (1 - SSIM) in the total loss
uniform bool hasSsim;  // false for MSE-only sums: SSIM and total become NaN

shared vec4 scratch[LOCAL_SIZE_X];

void main() {
    uint t = gl_LocalInvocationID.x;
    vec4 local = vec4(0.0);
    for (uint g = t; g < numGroups; g += uint(LOCAL_SIZE_X)) {
        local += groupSums[g];
    }
    scratch[t] = local;
    barrier();
    for (uint half_ = uint(LOCAL_SIZE_X) / 2u; half_ > 0u; half_ >>= 1) {
        if (t < half_) {
            scratch[t] += scratch[t + half_];
        }
        barrier();
    }
    if (t == 0u) {
        vec4 s = scratch[0];
        float n = 3.0 * s.w;
        float l1 = s.x / n;
        float ssim = hasSsim ? s.y / n : uintBitsToFloat(0x7fc00000u);
        float mse = s.z / n;
        stats[STAT_L1] = l1;
        stats[STAT_SSIM] = ssim;
        stats[STAT_TOTAL] = (1.0 - lambda) * l1 + lambda * (1.0 - ssim);
        stats[STAT_MSE] = mse;
        stats[STAT_PSNR] = -10.0 * log(mse) / log(10.0);
        stats[STAT_WEIGHT] = s.w;
    }
}
