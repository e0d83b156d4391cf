// Shared by radix_count.comp and radix_scatter.comp: the key word and digit sorted on in the current pass.
// Tiles: each workgroup owns LOCAL_SIZE_X * ITEMS_PER_THREAD consecutive elements, each invocation
// ITEMS_PER_THREAD consecutive ones, which keeps the per-tile order (and so the sort) stable.

#define RADIX (1 << RADIX_BITS)
#define TILE_SIZE (LOCAL_SIZE_X * ITEMS_PER_THREAD)

layout(std430, binding = KEYS_HI_BINDING) readonly buffer KeysHi { uint keysHi[]; };   // [count] uint
layout(std430, binding = KEYS_LO_BINDING) readonly buffer KeysLo { uint keysLo[]; };   // [count] uint

uniform uint count;
uniform uint numTiles;
uniform uint useHiWord;   // 1: digit from keysHi, 0: from keysLo
uniform uint shift;       // digit position in bits
uniform uint digitMask;   // < RADIX; narrower on the last digit so bits above the sorted width are ignored

uint digitOf(uint i) {
    uint word = useHiWord != 0u ? keysHi[i] : keysLo[i];
    return (word >> shift) & digitMask;
}

uint firstItemOfInvocation() {
    return gl_WorkGroupID.x * uint(TILE_SIZE) + gl_LocalInvocationID.x * uint(ITEMS_PER_THREAD);
}
