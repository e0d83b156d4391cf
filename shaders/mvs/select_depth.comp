#version 450
// Plane sweep, stage 3: winner-take-all depth with sub-hypothesis refinement (a parabola through the costs at the
// winner and its two neighbours, in hypothesis index, i.e. inverse depth) and a confidence from the cost volume:
// the costs become a probability volume P_k = softmax(-cost_k / temperature), and the confidence is the
// probability mass within CONFIDENCE_RADIUS hypotheses of the winner (MVSNet's and S-VolSDF's use of a
// probability volume). Pixels without a usable cost get depth 0 and confidence 0.
// Owned by dev.glimpse.optimize.mvs.PlaneSweep.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = AGGREGATED_BINDING) readonly buffer Aggregated { float aggregated[]; }; // [D][H][W] float
layout(std430, binding = DEPTH_BINDING) writeonly buffer Depth { float depth[]; };               // [H][W] float
layout(std430, binding = CONFIDENCE_BINDING) writeonly buffer Confidence { float confidence[]; }; // [H][W] float

#define SOURCE_PLANES(i) 0.0
#include "mvs/sampling.glsl"

uniform uint width;
uniform uint height;
uniform uint numHypotheses;
uniform float invDepthFar;
uniform float invDepthNear;
uniform float temperature;

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= width || px.y >= height) {
        return;
    }
    uint plane = width * height;
    uint pixel = px.y * width + px.x;
    float bestCost = INVALID_COST;
    uint best = 0u;
    for (uint k = 0u; k < numHypotheses; k++) {
        float c = aggregated[k * plane + pixel];
        if (c < bestCost) {
            bestCost = c;
            best = k;
        }
    }
    if (bestCost >= INVALID_COST) {
        depth[pixel] = 0.0;
        confidence[pixel] = 0.0;
        return;
    }
    float offset = 0.0;
    if (best > 0u && best + 1u < numHypotheses) {
        float before = aggregated[(best - 1u) * plane + pixel];
        float after = aggregated[(best + 1u) * plane + pixel];
        float curvature = before - 2.0 * bestCost + after;
        if (curvature > 1e-6) {
            offset = clamp(0.5 * (before - after) / curvature, -0.5, 0.5);
        }
    }
    // Softmax relative to the best cost, so no exponential overflows.
    float total = 0.0;
    float near = 0.0;
    for (uint k = 0u; k < numHypotheses; k++) {
        float p = exp(-(aggregated[k * plane + pixel] - bestCost) / temperature);
        total += p;
        if (abs(int(k) - int(best)) <= CONFIDENCE_RADIUS) {
            near += p;
        }
    }
    depth[pixel] = 1.0 / hypothesis_inverse_depth(float(best) + offset, numHypotheses, invDepthFar, invDepthNear);
    confidence[pixel] = near / total;
}
