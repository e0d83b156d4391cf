// Float atomics for accumulating gradients and image sums.
//
// GLSL cannot pass a buffer element by reference, so the add is a macro taking the array and the index:
//
//     #include "gpu/atomics.glsl"       // before any declaration: it may add an #extension line
//     layout(std430, binding = GRAD_BINDING) buffer Grad { ATOMIC_FLOAT v_means[]; };  // [n][3] float bits
//     ...
//     atomicAddFloat(v_means, 3u * i + 0u, dx);
//     float current = atomicFloatValue(v_means[j]);
//
// ATOMIC_FLOAT is float with GL_NV_shader_atomic_float (GLIMPSE_NV_ATOMIC_FLOAT == 1, chosen by GlContext) and
// uint otherwise; either way the memory holds IEEE float bits, so Java uploads/downloads float[] unchanged.
// Works on SSBO arrays and on shared arrays. Arguments are evaluated once.

#ifndef GLIMPSE_NV_ATOMIC_FLOAT
#error "GLIMPSE_NV_ATOMIC_FLOAT must be defined by the host (ComputeProgram injects it)"
#endif

#if GLIMPSE_NV_ATOMIC_FLOAT
#extension GL_NV_shader_atomic_float : require
#define ATOMIC_FLOAT float
#define atomicFloatValue(element) (element)
#define atomicFloatBits(value) (value)
#define atomicAddFloat(array, index, value) atomicAdd(array[index], (value))
#else
#define ATOMIC_FLOAT uint
#define atomicFloatValue(element) uintBitsToFloat(element)
#define atomicFloatBits(value) floatBitsToUint(value)
// Compare-and-swap on the bit pattern: retry until no other invocation changed the word in between.
#define atomicAddFloat(array, index, value) { \
    uint glimpse_index_ = (index); \
    float glimpse_add_ = (value); \
    uint glimpse_seen_ = array[glimpse_index_]; \
    for (;;) { \
        uint glimpse_want_ = floatBitsToUint(uintBitsToFloat(glimpse_seen_) + glimpse_add_); \
        uint glimpse_was_ = atomicCompSwap(array[glimpse_index_], glimpse_seen_, glimpse_want_); \
        if (glimpse_was_ == glimpse_seen_) break; \
        glimpse_seen_ = glimpse_was_; \
    } \
}
#endif
