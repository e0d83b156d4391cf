#version 450
// Second half of a multi-level scan: adds each block's scanned offset to the block's items.
// Owned by dev.glimpse.optimize.gpu.PrefixSum; same block layout as prefix_sum_blocks.comp.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = OUTPUT_BINDING) buffer Output { uint outValues[]; };                 // [count] uint
layout(std430, binding = BLOCK_SUMS_BINDING) readonly buffer BlockSums { uint blockOffsets[]; }; // [numBlocks] uint

uniform uint count;

void main() {
    uint offset = blockOffsets[gl_WorkGroupID.x];
    uint first = gl_WorkGroupID.x * uint(LOCAL_SIZE_X * ITEMS_PER_THREAD) + gl_LocalInvocationID.x;
    // Strided so neighbouring invocations touch neighbouring words (coalesced on GPUs).
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k * LOCAL_SIZE_X);
        if (i < count) {
            outValues[i] += offset;
        }
    }
}
