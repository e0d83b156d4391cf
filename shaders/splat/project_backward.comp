#version 450
// Backward of project.comp, per Gaussian with radius > 0: recomputes the projection intermediates and
// chains the screen-space gradients to the parameters, adding into the gradient buffers (one invocation per
// Gaussian, so no atomics). Chain, as in the test reference RefSplatting:
// colour clamp mask -> sh_color_vjp -> normalize_vjp(direction) -> mean;
// conic -> inverse2x2_vjp -> project_cov_vjp -> (Sigma, J); Sigma -> covariance3d_vjp -> (unit quat, scale)
// -> normalize_vjp(quat), scale -> log-scale; J -> jacobian_vjp, (u, v) -> project_mean_vjp, depth -> t.z;
// t -> mean through W^T; opacity -> sigmoid_vjp.
// Owned by dev.glimpse.optimize.splat.ProjectBackwardKernel.
#include "stage.glsl"
#include "screen_grads.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = RADII_BINDING) readonly buffer Radii { int radii[]; };                       // [n]
layout(std430, binding = SCREEN_GRADS_BINDING) readonly buffer ScreenGrads { float screenGrads[]; };  // [n][SCREEN_GRAD_STRIDE]
layout(std430, binding = V_MEANS_BINDING) buffer VMeans { float v_means[]; };                         // [n][3] +=
layout(std430, binding = V_LOG_SCALES_BINDING) buffer VLogScales { float v_logScales[]; };            // [n][3] +=
layout(std430, binding = V_QUATS_BINDING) buffer VQuats { vec4 v_quats[]; };                          // [n] wxyz +=
layout(std430, binding = V_LOGIT_OPACITY_BINDING) buffer VOpacity { float v_logitOpacity[]; };        // [n] +=
layout(std430, binding = V_SH_BINDING) buffer VSh { float v_sh[]; };                                  // [n][K][3] +=
layout(std430, binding = V_UV_OUT_BINDING) buffer VUvOut { vec2 v_uvOut[]; };                         // [n] += or unused

uniform uint hasUvOut;   // 0: nothing meaningful bound at V_UV_OUT

float screen_grad(uint n, uint field) {
    return screenGrads[n * uint(SCREEN_GRAD_STRIDE) + field];
}

void main() {
    uint n = gl_GlobalInvocationID.x;
    if (n >= count || radii[n] <= 0) {
        return;
    }
    Stage s;
    compute_stage(n, s);   // true: the forward kept this Gaussian with the same inputs
    vec2 v_uv = vec2(screen_grad(n, SG_UV), screen_grad(n, SG_UV + 1u));
    vec3 v_conic = vec3(screen_grad(n, SG_CONIC), screen_grad(n, SG_CONIC + 1u), screen_grad(n, SG_CONIC + 2u));
    vec3 v_color = vec3(screen_grad(n, SG_COLOR), screen_grad(n, SG_COLOR + 1u), screen_grad(n, SG_COLOR + 2u));

    // Colour: zero gradient through clamped channels.
    vec3 unitDir = s.dir / length(s.dir);
    vec3 raw = sh_color(activeShDegree, n, unitDir);
    vec3 v_raw = mix(v_color, vec3(0.0), lessThan(raw, vec3(0.0)));
    vec3 v_coefficients[SH_MAX_COEFFICIENTS];
    vec3 v_unitDir = sh_color_vjp(activeShDegree, n, unitDir, v_raw, v_coefficients);
    vec3 v_mean = normalize_vjp(s.dir, v_unitDir);
    // Coefficients above the active degree get no gradient: leave them untouched.
    for (int k = 0; k < sh_coefficient_count(activeShDegree); k++) {
        uint at = (n * shCoefficients + uint(k)) * 3u;
        for (uint ch = 0u; ch < 3u; ch++) {
            v_sh[at + ch] += v_coefficients[k][ch];
        }
    }

    // Shape: conic -> screen covariance -> (Sigma, J) -> (quaternion, scale).
    mat3 w = camera_rotation();
    vec3 v_cov2d = inverse2x2_vjp(s.cov2d, v_conic);
    mat3 v_sigma;
    mat3x2 v_j;
    project_cov_vjp(s.sigma, w, s.j, v_cov2d, v_sigma, v_j);
    vec4 v_unitQuat;
    vec3 v_scale;
    covariance3d_vjp(s.unitQuat, s.scale, v_sigma, v_unitQuat, v_scale);
    v_quats[n] += normalize_vjp(quats[n], v_unitQuat);
    vec3 v_logScale = v_scale * s.scale;

    // Position: Jacobian, screen centre and depth all depend on t = W p + T.
    vec3 v_t = jacobian_vjp(s.t, v_j) + project_mean_vjp(s.t, v_uv);
    v_t.z += screen_grad(n, SG_DEPTH);
    v_mean += transpose(w) * v_t;

    for (uint a = 0u; a < 3u; a++) {
        v_means[3u * n + a] += v_mean[a];
        v_logScales[3u * n + a] += v_logScale[a];
    }
    v_logitOpacity[n] += sigmoid_vjp(logitOpacity[n], screen_grad(n, SG_OPACITY));
    if (hasUvOut != 0u) {
        v_uvOut[n] += v_uv;
    }
}
