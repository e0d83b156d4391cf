#version 450
// Edge-aware depth smoothness for pseudo views (cameras between the training cameras, which have no image):
// scale * sum over 4-neighbour pairs of w_pq * charb(log D_hat_q - log D_hat_p), charb(x) = sqrt(x^2 + eps^2) - eps,
// with w_pq = exp(-edgeGain * mean |rgb_q - rgb_p|) from the render itself (held constant), so depth may jump
// where the rendered colour does. Floaters seen from between the training views are small depth islands with
// no colour edge to excuse them, so they pay. Log depth makes the term scale-free. Each invocation gathers the
// gradient of the (at most four) pairs its pixel belongs to, so no atomics are needed.
// Owned by dev.glimpse.optimize.regularize.DepthSmoothnessLoss.

#include "gpu/atomics.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

#include "regularize/depth_common.glsl"

layout(std430, binding = RGB_BINDING) readonly buffer Rgb { float rgb[]; }; // [H][W][3] float, the render

uniform uint width;
uniform uint height;
uniform float edgeGain;
uniform float scale;     // term weight / number of pixels

#define EPS 1e-3

float edge_weight(uint p, uint q) {
    vec3 a = vec3(rgb[3u * p], rgb[3u * p + 1u], rgb[3u * p + 2u]);
    vec3 b = vec3(rgb[3u * q], rgb[3u * q + 1u], rgb[3u * q + 2u]);
    vec3 d = abs(a - b);
    return exp(-edgeGain * (d.x + d.y + d.z) / 3.0);
}

// d/dx charb(x)
float charb_grad(float x) {
    return x * inversesqrt(x * x + EPS * EPS);
}

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= width || px.y >= height) {
        return;
    }
    uint p = px.y * width + px.x;
    float dp;
    if (!normalised_depth(p, dp)) {
        return;
    }
    float lp = log(dp);
    float v_log = 0.0;
    float loss = 0.0;
    ivec2 offsets[4] = ivec2[4](ivec2(1, 0), ivec2(0, 1), ivec2(-1, 0), ivec2(0, -1));
    for (int k = 0; k < 4; k++) {
        ivec2 q2 = ivec2(px) + offsets[k];
        if (q2.x < 0 || q2.y < 0 || q2.x >= int(width) || q2.y >= int(height)) {
            continue;
        }
        uint q = uint(q2.y) * width + uint(q2.x);
        float dq;
        if (!normalised_depth(q, dq)) {
            continue;
        }
        float w = edge_weight(p, q);
        float x = log(dq) - lp;  // the pair's difference, as seen from p
        v_log -= w * charb_grad(x);
        if (k < 2) {
            loss += w * (sqrt(x * x + EPS * EPS) - EPS);  // each pair counted once, by its left/top pixel
        }
    }
    add_loss(scale * loss);
    add_normalised_depth_vjp(p, scale * v_log / dp);
}
