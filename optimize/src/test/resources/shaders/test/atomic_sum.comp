#version 450
// Test kernel: every input value is added atomically into sums[bucket[i]], so many invocations collide.
#include "gpu/atomics.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = VALUES_BINDING) readonly buffer Values { float values[]; };       // [count] float
layout(std430, binding = BUCKETS_BINDING) readonly buffer Buckets { uint buckets[]; };     // [count] uint
layout(std430, binding = SUMS_BINDING) buffer Sums { ATOMIC_FLOAT sums[]; };               // [numBuckets] float

uniform uint count;

shared ATOMIC_FLOAT localSum[1];

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (gl_LocalInvocationIndex == 0u) {
        localSum[0] = atomicFloatBits(0.0);
    }
    barrier();
    if (i < count) {
        atomicAddFloat(sums, buckets[i], values[i]);
        // Also exercise shared-memory atomics: bucket 0 receives every workgroup's total a second time.
        atomicAddFloat(localSum, 0, values[i]);
    }
    barrier();
    if (gl_LocalInvocationIndex == 0u) {
        atomicAddFloat(sums, 0u, atomicFloatValue(localSum[0]));
    }
}
