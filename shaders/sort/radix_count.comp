#version 450
// Radix sort pass, step 1: per-tile digit histogram, stored digit-major so that one exclusive scan over
// histograms turns every (digit, tile) count into the tile's first output slot for that digit.
// Owned by dev.glimpse.optimize.gpu.RadixSort.
#include "radix_digit.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = HISTOGRAMS_BINDING) writeonly buffer Histograms { uint histograms[]; }; // [RADIX][numTiles] uint

shared uint tileHistogram[RADIX];

void main() {
    uint t = gl_LocalInvocationID.x;
    if (t < uint(RADIX)) {
        tileHistogram[t] = 0u;
    }
    barrier();
    uint first = firstItemOfInvocation();
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k);
        if (i < count) {
            atomicAdd(tileHistogram[digitOf(i)], 1u);
        }
    }
    barrier();
    if (t < uint(RADIX)) {
        histograms[t * numTiles + gl_WorkGroupID.x] = tileHistogram[t];
    }
}
