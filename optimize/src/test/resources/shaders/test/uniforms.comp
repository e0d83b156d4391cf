#version 450
// Writes its uniforms to a buffer so the setters can be checked.
layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = OUT_BINDING) writeonly buffer Out { float outValues[]; };  // [27] float

uniform int anInt;
uniform uint aUint;
uniform float aFloat;
uniform vec2 aVec2;
uniform vec3 aVec3;
uniform vec4 aVec4;
uniform mat4 aMat4;
uniform float unusedButDeclared;

void main() {
    outValues[0] = float(anInt);
    outValues[1] = float(aUint);
    outValues[2] = aFloat;
    outValues[3] = aVec2.x; outValues[4] = aVec2.y;
    outValues[5] = aVec3.x; outValues[6] = aVec3.y; outValues[7] = aVec3.z;
    outValues[8] = aVec4.x; outValues[9] = aVec4.y; outValues[10] = aVec4.z; outValues[11] = aVec4.w;
    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            outValues[12 + 4 * c + r] = aMat4[c][r];
        }
    }
}
