// The rendered depth the depth regularisers compare: the expected depth normalised by the accumulated alpha,
// D_hat = D / A with D = sum z alpha T, where the splats cover the pixel at least alphaMin (elsewhere there is no
// surface to move). Gradients w.r.t. D_hat are chained to both rasteriser outputs and ADDED to the cotangent
// buffers (the trainer zeroes them once per iteration), so several terms can share them. Loss values are added
// to regStats[statSlot] with float atomics only when statSlot >= 0 (reported iterations).
// Include after gpu/atomics.glsl.

layout(std430, binding = DEPTH_BINDING) readonly buffer Depth { float depth[]; };       // [H][W] float
layout(std430, binding = ALPHA_BINDING) readonly buffer Alpha { float alpha[]; };       // [H][W] float
layout(std430, binding = V_DEPTH_BINDING) buffer VDepth { float v_depth[]; };           // [H][W] float, added to
layout(std430, binding = V_ALPHA_BINDING) buffer VAlpha { float v_alpha[]; };           // [H][W] float, added to
layout(std430, binding = REG_STATS_BINDING) buffer RegStats { ATOMIC_FLOAT regStats[]; }; // [REG_STATS_WORDS]

uniform float alphaMin;
uniform int statSlot;

bool normalised_depth(uint p, out float d) {
    float a = alpha[p];
    d = a >= alphaMin ? depth[p] / a : 0.0;
    return a >= alphaMin;
}

// dL/dD_hat = v  ->  dL/dD = v / A,  dL/dA = -v D / A^2.
void add_normalised_depth_vjp(uint p, float v) {
    float a = alpha[p];
    v_depth[p] += v / a;
    v_alpha[p] -= v * depth[p] / (a * a);
}

void add_loss(float value) {
    if (statSlot >= 0 && value != 0.0) {
        atomicAddFloat(regStats, uint(statSlot), value);
    }
}
