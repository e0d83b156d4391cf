#version 450
// Densify planning, stage 1: flags the Gaussians that want to grow (clone or split). The prefix sum of these
// flags ranks them, so densify_mark.comp can honour the Gaussian cap without a readback.
// Owned by dev.glimpse.optimize.train.DensifyPlanner.

layout(local_size_x = LOCAL_SIZE_X) in;

#include "train/densify_rules.glsl"

layout(std430, binding = GROW_FLAGS_BINDING) writeonly buffer GrowFlags { uint growFlags[]; }; // [n] uint 0/1

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i < count) {
        growFlags[i] = wantsGrowth(i) ? 1u : 0u;
    }
}
