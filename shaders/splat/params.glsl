// The Gaussian parameters (dev.glimpse.optimize.splat.SplatBuffers), read by the per-Gaussian stages.

layout(std430, binding = MEANS_BINDING) readonly buffer Means { float means[]; };                  // [n][3] float
layout(std430, binding = LOG_SCALES_BINDING) readonly buffer LogScales { float logScales[]; };     // [n][3] float
layout(std430, binding = QUATS_BINDING) readonly buffer Quats { vec4 quats[]; };                    // [n] vec4 wxyz
layout(std430, binding = LOGIT_OPACITY_BINDING) readonly buffer Opacity { float logitOpacity[]; }; // [n] float
layout(std430, binding = SH_BINDING) readonly buffer Sh { float sh[]; };                           // [n][K][3] float

uniform uint count;            // live Gaussians
uniform uint shCoefficients;   // K of the stored layout, (storedDegree + 1)^2
uniform int activeShDegree;    // evaluated degree, <= stored degree

vec3 load_mean(uint n) {
    return vec3(means[3u * n], means[3u * n + 1u], means[3u * n + 2u]);
}

vec3 load_log_scale(uint n) {
    return vec3(logScales[3u * n], logScales[3u * n + 1u], logScales[3u * n + 2u]);
}

vec3 sh_coefficient(uint n, uint k) {
    uint at = (n * shCoefficients + k) * 3u;
    return vec3(sh[at], sh[at + 1u], sh[at + 2u]);
}
