// Colour maps for scalar views (depth, opacity): t in [0, 1] -> RGB.

vec3 grey_map(float t) {
    return vec3(clamp(t, 0.0, 1.0));
}

// Perceptually ordered dark-blue -> teal -> yellow ramp, piecewise linear through five stops (close to viridis):
// lightness rises monotonically, so nearer/farther reads correctly in print and for colour-blind viewers.
vec3 ramp_map(float t) {
    const vec3 stops[5] = vec3[5](vec3(0.267, 0.005, 0.329), vec3(0.229, 0.322, 0.546), vec3(0.128, 0.567, 0.551),
        vec3(0.369, 0.789, 0.383), vec3(0.993, 0.906, 0.144));
    float s = clamp(t, 0.0, 1.0) * 4.0;
    int i = min(int(s), 3);
    return mix(stops[i], stops[i + 1], s - float(i));
}

vec3 colour_map(int map, float t) {
    return map == COLOUR_MAP_GREY ? grey_map(t) : ramp_map(t);
}
