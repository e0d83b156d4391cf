// Included twice by include_main.comp: include-once must keep this a single definition.
#include "scale.glsl"
uint addOffset(uint i) {
    return i + OFFSET;
}
