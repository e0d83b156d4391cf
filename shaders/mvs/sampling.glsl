// Image access shared by the plane-sweep stages: grey images are [H][W] float planes inside larger buffers, at a
// word offset. Coordinates are COLMAP pixels (pixel (i, j) centred at (i + 0.5, j + 0.5)).

// Bilinear sample of a plane at continuous pixel coordinates; false outside the pixel centres' hull.
bool sample_bilinear(uint offset, ivec2 size, vec2 pixel, out float value) {
    vec2 p = pixel - 0.5;
    if (p.x < 0.0 || p.y < 0.0 || p.x > float(size.x - 1) || p.y > float(size.y - 1)) {
        value = 0.0;
        return false;
    }
    ivec2 i0 = min(ivec2(floor(p)), size - 2);
    vec2 f = p - vec2(i0);
    uint row = offset + uint(i0.y) * uint(size.x) + uint(i0.x);
    float a = SOURCE_PLANES(row);
    float b = SOURCE_PLANES(row + 1u);
    float c = SOURCE_PLANES(row + uint(size.x));
    float d = SOURCE_PLANES(row + uint(size.x) + 1u);
    value = mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
    return true;
}

// Inverse depth of hypothesis k (possibly fractional): uniform in inverse depth from far (k = 0) to near.
float hypothesis_inverse_depth(float k, uint count, float invDepthFar, float invDepthNear) {
    return invDepthFar + (invDepthNear - invDepthFar) * k / float(max(count, 2u) - 1u);
}
