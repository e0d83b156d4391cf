#version 450
// Exclusive scan of one block of LOCAL_SIZE_X * ITEMS_PER_THREAD uints per workgroup, plus the block's total.
// Owned by dev.glimpse.optimize.gpu.PrefixSum, which scans the block totals recursively and then runs
// prefix_sum_add.comp. Each invocation scans ITEMS_PER_THREAD consecutive items serially, so only the
// per-invocation totals need a shared-memory scan: barriers are very slow on llvmpipe.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = INPUT_BINDING) readonly buffer Input { uint inValues[]; };         // [count] uint
layout(std430, binding = OUTPUT_BINDING) writeonly buffer Output { uint outValues[]; };     // [count] uint (may alias Input)
layout(std430, binding = BLOCK_SUMS_BINDING) writeonly buffer BlockSums { uint blockSums[]; }; // [numBlocks] uint

uniform uint count;

shared uint threadTotals[LOCAL_SIZE_X];

void main() {
    uint t = gl_LocalInvocationID.x;
    uint first = gl_WorkGroupID.x * uint(LOCAL_SIZE_X * ITEMS_PER_THREAD) + t * uint(ITEMS_PER_THREAD);
    uint before[ITEMS_PER_THREAD];
    uint running = 0u;
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k);
        before[k] = running;
        running += i < count ? inValues[i] : 0u;
    }
    threadTotals[t] = running;
    barrier();
    // Hillis-Steele inclusive scan of the per-invocation totals.
    for (uint offset = 1u; offset < uint(LOCAL_SIZE_X); offset <<= 1) {
        uint add = t >= offset ? threadTotals[t - offset] : 0u;
        barrier();
        threadTotals[t] += add;
        barrier();
    }
    uint exclusive = threadTotals[t] - running;
    for (int k = 0; k < ITEMS_PER_THREAD; k++) {
        uint i = first + uint(k);
        if (i < count) {
            outValues[i] = exclusive + before[k];
        }
    }
    if (t == uint(LOCAL_SIZE_X - 1)) {
        blockSums[gl_WorkGroupID.x] = threadTotals[t];
    }
}
