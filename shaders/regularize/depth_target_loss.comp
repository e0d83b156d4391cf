#version 450
// A per-pixel robust depth loss against a target map (sparse SfM points splatted to pixels, or multi-view stereo
// depth): with relative residual rho = (D_hat - t) / t, the loss is scale * w * sigma^2 log(1 + (rho / sigma)^2),
// a Cauchy kernel: quadratic for small residuals, with a bounded pull from outliers (wrong stereo matches, SfM
// mismatches), in the spirit of S-VolSDF's robust use of stereo. w is the target's weight (confidence, or the
// reprojection-error weight of DS-NeRF); pixels with w = 0 have no target.
// Owned by dev.glimpse.optimize.regularize.DepthTargetLoss.

#include "gpu/atomics.glsl"

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

#include "regularize/depth_common.glsl"

layout(std430, binding = TARGET_BINDING) readonly buffer Target { vec2 target[]; }; // [H][W] (depth, weight)

uniform uint width;
uniform uint height;
uniform float sigma;   // relative residual scale of the Cauchy kernel
uniform float scale;   // term weight / number of target pixels of the view

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= width || px.y >= height) {
        return;
    }
    uint p = px.y * width + px.x;
    vec2 t = target[p];
    float d;
    if (t.y <= 0.0 || !normalised_depth(p, d)) {
        return;
    }
    float rho = (d - t.x) / t.x;
    float q = rho / sigma;
    float w = scale * t.y;
    add_loss(w * log(1.0 + q * q));
    // d/dD_hat of w log(1 + rho^2 / sigma^2) = w 2 q / (sigma (1 + q^2)) / t.
    add_normalised_depth_vjp(p, w * 2.0 * q / (sigma * (1.0 + q * q)) / t.x);
}
