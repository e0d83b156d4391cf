// The reference's adaptive density control rules for one Gaussian, shared by densify_select.comp and
// densify_mark.comp. Thresholds arrive in log / logit space from Java so no exp or sigmoid is rounded here.

layout(std430, binding = GRAD_ACCUM_BINDING) readonly buffer GradAccum { float gradAccum[]; }; // [n] float
layout(std430, binding = GRAD_DENOM_BINDING) readonly buffer GradDenom { float gradDenom[]; }; // [n] float
layout(std430, binding = LOG_SCALES_BINDING) readonly buffer LogScales { float logScales[]; }; // [n][3] float

uniform uint count;
uniform float gradThreshold;

// Mean NDC gradient norm >= threshold; never visible (denominator 0) counts as 0, as the reference's NaN -> 0.
bool wantsGrowth(uint i) {
    float denom = gradDenom[i];
    float grad = denom > 0.0 ? gradAccum[i] / denom : 0.0;
    return grad >= gradThreshold;
}

float maxLogScale(uint i) {
    return max(logScales[3u * i], max(logScales[3u * i + 1u], logScales[3u * i + 2u]));
}
