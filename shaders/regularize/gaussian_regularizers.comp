#version 450
// Per-Gaussian regularisers against floaters and needles, added to the parameter gradients:
//   opacity entropy  scale_o * H(sigmoid(o)), H(a) = -a log a - (1 - a) log(1 - a): opacities are pushed to 0 or 1,
//                    so half-transparent haze that only some views explain either becomes solid or is pruned;
//                    dH/do = -o a (1 - a) for a = sigmoid(o).
//   anisotropy       scale_a * max(0, max(s) - min(s) - log(maxRatio)) on the log-scales: no needle longer than
//                    maxRatio times its width (few views cannot tell a needle from a disc seen edge-on);
//   size             scale_s * max(0, max(s) - logMaxScale): nothing larger than a share of the scene.
// Owned by dev.glimpse.optimize.regularize.GaussianRegularizers.

#include "gpu/atomics.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = LOGIT_OPACITY_BINDING) readonly buffer Opacity { float logitOpacity[]; }; // [n] float
layout(std430, binding = LOG_SCALES_BINDING) readonly buffer LogScales { float logScales[]; };    // [n][3] float
layout(std430, binding = V_LOGIT_OPACITY_BINDING) buffer VOpacity { float v_logitOpacity[]; };    // [n] float, added to
layout(std430, binding = V_LOG_SCALES_BINDING) buffer VLogScales { float v_logScales[]; };        // [n][3] float, added to
layout(std430, binding = REG_STATS_BINDING) buffer RegStats { ATOMIC_FLOAT regStats[]; };         // [REG_STATS_WORDS]

uniform uint count;
uniform float opacityScale;     // weight / count
uniform float anisotropyScale;  // weight / count
uniform float logMaxRatio;
uniform float sizeScale;        // weight / count
uniform float logMaxScale;
uniform int statSlot;           // < 0: no loss value

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= count) {
        return;
    }
    float loss = 0.0;
    if (opacityScale > 0.0) {
        float o = logitOpacity[i];
        float a = 1.0 / (1.0 + exp(-o));
        float h = -(a * log(max(a, 1e-12)) + (1.0 - a) * log(max(1.0 - a, 1e-12)));
        loss += opacityScale * h;
        v_logitOpacity[i] += opacityScale * (-o * a * (1.0 - a));
    }
    if (anisotropyScale > 0.0 || sizeScale > 0.0) {
        vec3 s = vec3(logScales[3u * i], logScales[3u * i + 1u], logScales[3u * i + 2u]);
        uint hi = s.x >= s.y ? (s.x >= s.z ? 0u : 2u) : (s.y >= s.z ? 1u : 2u);
        uint lo = s.x < s.y ? (s.x < s.z ? 0u : 2u) : (s.y < s.z ? 1u : 2u);
        float excess = s[hi] - s[lo] - logMaxRatio;
        if (anisotropyScale > 0.0 && excess > 0.0 && hi != lo) {
            loss += anisotropyScale * excess;
            v_logScales[3u * i + hi] += anisotropyScale;
            v_logScales[3u * i + lo] -= anisotropyScale;
        }
        float big = s[hi] - logMaxScale;
        if (sizeScale > 0.0 && big > 0.0) {
            loss += sizeScale * big;
            v_logScales[3u * i + hi] += sizeScale;
        }
    }
    if (statSlot >= 0 && loss != 0.0) {
        atomicAddFloat(regStats, uint(statSlot), loss);
    }
}
