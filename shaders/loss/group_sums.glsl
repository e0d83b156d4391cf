// Deterministic per-workgroup sums of four per-invocation values (no float atomics, so a loss value does not
// depend on scheduling). Every invocation of the workgroup must call storeGroupSums exactly once.
//   vec4 = (weighted L1 sum, weighted SSIM sum, weighted squared-error sum, weight sum)

layout(std430, binding = GROUP_SUMS_BINDING) writeonly buffer GroupSums { vec4 groupSums[]; }; // [numGroups] vec4

shared vec4 groupSumScratch[LOCAL_SIZE_X * LOCAL_SIZE_Y];

void storeGroupSums(vec4 local) {
    uint t = gl_LocalInvocationIndex;
    groupSumScratch[t] = local;
    barrier();
    for (uint half_ = uint(LOCAL_SIZE_X * LOCAL_SIZE_Y) / 2u; half_ > 0u; half_ >>= 1) {
        if (t < half_) {
            groupSumScratch[t] += groupSumScratch[t + half_];
        }
        barrier();
    }
    if (t == 0u) {
        groupSums[gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x] = groupSumScratch[0];
    }
}
