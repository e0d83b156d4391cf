#version 450
// Shows the splat rasteriser's output buffers on screen without copying them: each fragment reads its pixel of
// the RGB, alpha or depth SSBO (image row 0 is the top; GL's fragment row 0 is the bottom). Also writes the
// splat depth to the depth buffer so points, frusta and meshes drawn afterwards are hidden behind surfaces.
// Owned by dev.glimpse.render.view.SplatDisplay.
#include "colour_maps.glsl"

layout(std430, binding = RGB_BINDING) readonly buffer Rgb { float rgb[]; };         // [H][W][3]
layout(std430, binding = ALPHA_BINDING) readonly buffer Alpha { float alpha[]; };   // [H][W] 1 - T_final
layout(std430, binding = DEPTH_BINDING) readonly buffer Depth { float depth[]; };   // [H][W] sum z alpha T

uniform ivec2 imageSize;      // splat image size in pixels
uniform vec4 viewport;        // origin x, y and size w, h of the drawn area in framebuffer pixels
uniform int mode;             // MODE_RGB, MODE_DEPTH, MODE_OPACITY
uniform int colourMap;        // COLOUR_MAP_*
uniform vec2 depthRange;      // depths mapped to 0 and 1 of the colour map
uniform vec2 depthToWindow;   // (a, b): window depth = 0.5 * (a + b / z) + 0.5, the overlays' projection
uniform vec3 background;

out vec4 fragColour;

void main() {
    vec2 p = (gl_FragCoord.xy - viewport.xy) / viewport.zw;
    int x = clamp(int(p.x * float(imageSize.x)), 0, imageSize.x - 1);
    int y = clamp(int((1.0 - p.y) * float(imageSize.y)), 0, imageSize.y - 1);
    int i = y * imageSize.x + x;
    float a = alpha[i];
    float z = a > 1e-6 ? depth[i] / a : 0.0;
    vec3 c;
    if (mode == MODE_RGB) {
        c = vec3(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
    } else if (mode == MODE_DEPTH) {
        // Uncovered pixels keep the background so the object's outline stays visible.
        float t = (z - depthRange.x) / max(depthRange.y - depthRange.x, 1e-9);
        c = a > 0.05 ? colour_map(colourMap, t) : background;
    } else {
        c = colour_map(colourMap, a);
    }
    fragColour = vec4(c, 1.0);
    gl_FragDepth = a > 0.5 && z > 0.0 ? clamp(0.5 * (depthToWindow.x + depthToWindow.y / z) + 0.5, 0.0, 1.0) : 1.0;
}
