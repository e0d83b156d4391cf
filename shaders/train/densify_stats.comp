#version 450
// Densification statistics after each backward pass, for Gaussians visible in the view (radius > 0): the norm
// of the screen-position gradient converted to NDC units (d/d ndc = d/d pixel * (W/2, H/2), as the reference's
// gradient is w.r.t. NDC), a visibility count, and the largest screen radius.
// Owned by dev.glimpse.optimize.train.DensifyStatsKernel.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = V_MEANS2D_BINDING) readonly buffer VMeans2d { vec2 v_means2d[]; }; // [n] vec2: dL/d(u, v) in pixels
layout(std430, binding = RADII_BINDING) readonly buffer Radii { int radii[]; };              // [n] int pixels, 0 = not drawn
layout(std430, binding = GRAD_ACCUM_BINDING) buffer GradAccum { float gradAccum[]; };        // [n] float
layout(std430, binding = GRAD_DENOM_BINDING) buffer GradDenom { float gradDenom[]; };        // [n] float
layout(std430, binding = MAX_RADIUS_BINDING) buffer MaxRadius { float maxRadius[]; };        // [n] float

uniform uint count;
uniform vec2 halfImageSize; // (W / 2, H / 2)

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= count || radii[i] <= 0) {
        return;
    }
    gradAccum[i] += length(v_means2d[i] * halfImageSize);
    gradDenom[i] += 1.0;
    maxRadius[i] = max(maxRadius[i], float(radii[i]));
}
