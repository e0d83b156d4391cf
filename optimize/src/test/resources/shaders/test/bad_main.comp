#version 450
#include "inc/scale.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

void main() {
    uint x = scaled(1u);
    undeclaredThing = x;
}
