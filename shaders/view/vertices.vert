#version 450
// Points and line segments pulled straight from storage buffers (the optimiser's Gaussian means and SH, or the
// viewer's point clouds and frusta): no vertex-buffer copy. colour = offset + scale * colours[i * stride + ch].
// Owned by dev.glimpse.render.view.VertexDrawer.

layout(std430, binding = POSITION_BINDING) readonly buffer Positions { float positions[]; };  // [n][3] world
layout(std430, binding = COLOUR_BINDING) readonly buffer Colours { float colours[]; };        // [n][stride]

uniform mat4 clipFromWorld;
uniform int colourStride;
uniform float colourScale;
uniform float colourOffset;
uniform float pointSize;

out vec3 vertexColour;

void main() {
    int i = gl_VertexID;
    vec3 p = vec3(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
    int c = i * colourStride;
    vertexColour = clamp(colourOffset + colourScale * vec3(colours[c], colours[c + 1], colours[c + 2]), 0.0, 1.0);
    gl_Position = clipFromWorld * vec4(p, 1.0);
    gl_PointSize = pointSize;
}
