#version 450
// Densify planning, stage 3: writes the map word of every surviving output at its scanned offset, the index map
// gather.comp rebuilds each parameter group with. Owned by dev.glimpse.optimize.train.DensifyPlanner.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = ACTIONS_BINDING) readonly buffer Actions { uint actions[]; };                  // [n] uint
layout(std430, binding = OFFSETS_BINDING) readonly buffer Offsets { uint offsets[]; };                  // [n] uint
layout(std430, binding = SOURCE_FROM_TARGET_BINDING) writeonly buffer Map { uint source_from_target[]; }; // [newCount] uint

uniform uint count;

// Same packing as GatherKernel.mapWord: source << 2 | second child << 1 | fresh.
uint mapWord(uint source, bool secondChild, bool fresh) {
    return source << 2 | (secondChild ? 2u : 0u) | (fresh ? 1u : 0u);
}

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= count) {
        return;
    }
    uint action = actions[i] & 3u;
    uint survivors = actions[i] >> 2;
    uint at = offsets[i];
    bool split = action == ACTION_SPLIT;
    if ((survivors & 1u) != 0u) {
        source_from_target[at++] = mapWord(i, false, split);
    }
    if ((survivors & 2u) != 0u) {
        source_from_target[at] = mapWord(i, split, true);
    }
}
