#version 450
// Radix sort pass, step 3: moves every (keyHi, keyLo, value) to its stable destination.
// destination = scanned histogram[digit][tile] + number of same-digit items earlier in the tile.
// "Earlier in the tile" = in a lower invocation (per-digit scan of invocation counts in shared memory) or
// earlier in the same invocation (serial counter). Four barriers per tile, whatever the digit values.
// Owned by dev.glimpse.optimize.gpu.RadixSort.
#include "radix_digit.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

#define SEGMENTS (LOCAL_SIZE_X / RADIX)   // invocation counts of one digit are scanned in SEGMENTS runs of RADIX

layout(std430, binding = VALUES_BINDING) readonly buffer Values { uint values[]; };                // [count] uint
layout(std430, binding = OFFSETS_BINDING) readonly buffer Offsets { uint tileOffsets[]; };         // [RADIX][numTiles] uint
layout(std430, binding = OUT_KEYS_HI_BINDING) writeonly buffer OutKeysHi { uint outKeysHi[]; };   // [count] uint
layout(std430, binding = OUT_KEYS_LO_BINDING) writeonly buffer OutKeysLo { uint outKeysLo[]; };   // [count] uint
layout(std430, binding = OUT_VALUES_BINDING) writeonly buffer OutValues { uint outValues[]; };    // [count] uint

shared uint earlierCounts[RADIX * LOCAL_SIZE_X];   // [digit][invocation]
shared uint segmentTotals[RADIX * SEGMENTS];      // [digit][segment]

void main() {
    uint t = gl_LocalInvocationID.x;
    uint first = firstItemOfInvocation();
    uint mine[RADIX];
    for (int d = 0; d < RADIX; d++) {
        mine[d] = 0u;
    }
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k);
        if (i < count) {
            mine[digitOf(i)]++;
        }
    }
    for (int d = 0; d < RADIX; d++) {
        earlierCounts[uint(d) * uint(LOCAL_SIZE_X) + t] = mine[d];
    }
    barrier();

    // Invocation t scans segment s of digit d serially.
    uint digit = t / uint(SEGMENTS);
    uint segment = t % uint(SEGMENTS);
    uint base = digit * uint(LOCAL_SIZE_X) + segment * uint(RADIX);
    uint running = 0u;
    for (int j = 0; j < RADIX; j++) {
        uint c = earlierCounts[base + uint(j)];
        earlierCounts[base + uint(j)] = running;
        running += c;
    }
    segmentTotals[digit * uint(SEGMENTS) + segment] = running;
    barrier();
    if (t < uint(RADIX)) {
        uint sum = 0u;
        for (int s = 0; s < SEGMENTS; s++) {
            uint c = segmentTotals[t * uint(SEGMENTS) + uint(s)];
            segmentTotals[t * uint(SEGMENTS) + uint(s)] = sum;
            sum += c;
        }
    }
    barrier();
    uint segmentOffset = segmentTotals[digit * uint(SEGMENTS) + segment];
    for (int j = 0; j < RADIX; j++) {
        earlierCounts[base + uint(j)] += segmentOffset;
    }
    barrier();

    for (int d = 0; d < RADIX; d++) {
        mine[d] = tileOffsets[uint(d) * numTiles + gl_WorkGroupID.x] + earlierCounts[uint(d) * uint(LOCAL_SIZE_X) + t];
    }
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k);
        if (i < count) {
            uint destination = mine[digitOf(i)]++;
            outKeysHi[destination] = keysHi[i];
            outKeysLo[destination] = keysLo[i];
            outValues[destination] = values[i];
        }
    }
}
