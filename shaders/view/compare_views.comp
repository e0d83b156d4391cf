#version 450
// The selected view's panel images: the render and its error against the ground truth (|render - gt| x gain,
// averaged over channels), written as display textures. Owned by dev.glimpse.render.ui.ViewComparison.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = RENDER_BINDING) readonly buffer Render { float render[]; };   // [H][W][3]
layout(std430, binding = TRUTH_BINDING) readonly buffer Truth { float truth[]; };      // [H][W][3]
layout(rgba8, binding = RENDER_IMAGE_BINDING) writeonly uniform image2D renderImage;   // [H][W]
layout(rgba8, binding = ERROR_IMAGE_BINDING) writeonly uniform image2D errorImage;     // [H][W]

uniform int width;
uniform int height;
uniform float gain;

void main() {
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= width || p.y >= height) {
        return;
    }
    int i = 3 * (p.y * width + p.x);
    vec3 r = vec3(render[i], render[i + 1], render[i + 2]);
    vec3 t = vec3(truth[i], truth[i + 1], truth[i + 2]);
    float e = clamp(gain * (abs(r.x - t.x) + abs(r.y - t.y) + abs(r.z - t.z)) / 3.0, 0.0, 1.0);
    imageStore(renderImage, p, vec4(clamp(r, 0.0, 1.0), 1.0));
    // Black where exact, through red to yellow where far off.
    imageStore(errorImage, p, vec4(min(1.0, 2.0 * e), max(0.0, 2.0 * e - 1.0), 0.0, 1.0));
}
