#version 450
// Flat colour for points and lines. Owned by dev.glimpse.render.view.VertexDrawer.
in vec3 vertexColour;
out vec4 fragColour;

void main() {
    fragColour = vec4(vertexColour, 1.0);
}
