#version 450
// Test kernel: out[i] = addOffset(i) * SCALE, with helpers pulled in by relative and root includes.
#include "inc/offset.glsl"
#include "inc/offset.glsl"
#include "test/inc/scale.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = OUT_BINDING) writeonly buffer Out { uint outValues[]; };  // [count] uint

uniform uint count;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i < count) {
        outValues[i] = scaled(addOffset(i));
    }
}
