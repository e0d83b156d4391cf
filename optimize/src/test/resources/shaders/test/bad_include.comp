#version 450
// The error is in inc/broken.glsl line 4.
#include "inc/scale.glsl"
#include "inc/broken.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

void main() {
    broken();
}
