#version 450
#include "inc/cycle_a.glsl"
layout(local_size_x = LOCAL_SIZE_X) in;
void main() {
}
