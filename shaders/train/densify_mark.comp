#version 450
// Densify planning, stage 2: each Gaussian's action (keep / clone / split) and which of its up to two outputs
// survive pruning; counts[i] = number of survivors, scanned next into output offsets.
// Owned by dev.glimpse.optimize.train.DensifyPlanner.
//
// Outputs per action: keep -> (itself); clone -> (itself, copy); split -> (child 0, child 1), the original removed.
// Pruning applies to every output as the reference applies it after growing: opacity below the threshold, and
// when sizePrune also screen radius (copies and children have none yet) or world size above the limits.

layout(local_size_x = LOCAL_SIZE_X) in;

#include "train/densify_rules.glsl"

layout(std430, binding = LOGIT_OPACITY_BINDING) readonly buffer Opacity { float logitOpacity[]; }; // [n] float
layout(std430, binding = MAX_RADIUS_BINDING) readonly buffer MaxRadius { float maxRadius[]; };     // [n] float
layout(std430, binding = GROW_RANKS_BINDING) readonly buffer GrowRanks { uint growRanks[]; };      // [n] uint, exclusive scan of the grow flags
layout(std430, binding = ACTIONS_BINDING) writeonly buffer Actions { uint actions[]; };            // [n] uint: action | survivors << 2
layout(std430, binding = COUNTS_BINDING) writeonly buffer Counts { uint counts[]; };               // [n] uint

uniform uint growthBudget;        // Gaussians that may still be added under the cap
uniform float cloneMaxLogScale;   // log(percentDense * extent): clone at or below, split above
uniform float splitLogShrink;     // log(1.6): children's log-scales are the parent's minus this
uniform float pruneLogitOpacity;  // logit(pruneOpacity)
uniform bool sizePrune;
uniform float maxScreenRadius;    // pixels
uniform float maxWorldLogScale;   // log(0.1 * extent)

bool pruned(float logit, float radius, float logScale) {
    return logit < pruneLogitOpacity
            || (sizePrune && (radius > maxScreenRadius || logScale > maxWorldLogScale));
}

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= count) {
        return;
    }
    float s = maxLogScale(i);
    float o = logitOpacity[i];
    uint action = ACTION_KEEP;
    if (wantsGrowth(i) && growRanks[i] < growthBudget) {
        action = s <= cloneMaxLogScale ? ACTION_CLONE : ACTION_SPLIT;
    }
    bool first, second;
    if (action == ACTION_SPLIT) {
        float childScale = s - splitLogShrink;
        first = !pruned(o, 0.0, childScale);
        second = first;
    } else {
        first = !pruned(o, maxRadius[i], s);
        second = action == ACTION_CLONE && !pruned(o, 0.0, s);
    }
    uint survivors = (first ? 1u : 0u) | (second ? 2u : 0u);
    actions[i] = action | survivors << 2;
    counts[i] = uint(first) + uint(second);
}
