#version 450
// Faceted shading from the screen-space derivatives of the position (PLY meshes often lack normals), lit from the
// eye so every visible face is readable. Owned by dev.glimpse.render.view.MeshDrawer.
in vec3 worldPosition;
in vec3 vertexColour;
uniform vec3 eye;
out vec4 fragColour;

void main() {
    vec3 n = normalize(cross(dFdx(worldPosition), dFdy(worldPosition)));
    vec3 toEye = normalize(eye - worldPosition);
    float light = 0.25 + 0.75 * abs(dot(n, toEye));
    fragColour = vec4(vertexColour * light, 1.0);
}
