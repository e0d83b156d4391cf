#version 450
// Triangles of a PLY mesh pulled from storage buffers by index. Owned by dev.glimpse.render.view.MeshDrawer.

layout(std430, binding = POSITION_BINDING) readonly buffer Positions { float positions[]; };  // [v][3] world
layout(std430, binding = COLOUR_BINDING) readonly buffer Colours { float colours[]; };        // [v][3] in [0, 1]
layout(std430, binding = INDEX_BINDING) readonly buffer Indices { uint indices[]; };          // [t][3]

uniform mat4 clipFromWorld;

out vec3 worldPosition;
out vec3 vertexColour;

void main() {
    int v = int(indices[gl_VertexID]);
    worldPosition = vec3(positions[3 * v], positions[3 * v + 1], positions[3 * v + 2]);
    vertexColour = vec3(colours[3 * v], colours[3 * v + 1], colours[3 * v + 2]);
    gl_Position = clipFromWorld * vec4(worldPosition, 1.0);
}
