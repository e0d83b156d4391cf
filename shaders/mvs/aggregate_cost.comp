#version 450
// Plane sweep, stage 2: cost aggregation. Each slice of the cost volume is averaged over a small neighbourhood
// with adaptive support weights exp(-|I_q - I_p| / colourSigma) from the reference image, so the support follows
// intensity edges instead of blurring depth across them. Invalid entries (INVALID_COST) neither contribute nor
// change. Owned by dev.glimpse.optimize.mvs.PlaneSweep.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = GREY_BINDING) readonly buffer Grey { float grey[]; };              // [sum H W] float, all views
layout(std430, binding = COST_BINDING) readonly buffer Cost { float cost[]; };              // [D][H][W] float
layout(std430, binding = AGGREGATED_BINDING) writeonly buffer Aggregated { float aggregated[]; }; // [D][H][W] float

uniform uint refOffset;  // words: the reference view in grey
uniform uint width;
uniform uint height;
uniform uint numHypotheses;
uniform float colourSigma;

void main() {
    uvec3 id = gl_GlobalInvocationID;
    if (id.x >= width || id.y >= height || id.z >= numHypotheses) {
        return;
    }
    uint plane = width * height;
    uint pixel = id.y * width + id.x;
    uint slice = id.z * plane;
    float own = cost[slice + pixel];
    if (own >= INVALID_COST) {
        aggregated[slice + pixel] = own;
        return;
    }
    float g = grey[refOffset + pixel];
    float sum = 0.0;
    float weights = 0.0;
    for (int dy = -AGGREGATION_RADIUS; dy <= AGGREGATION_RADIUS; dy++) {
        int y = int(id.y) + dy;
        if (y < 0 || y >= int(height)) {
            continue;
        }
        for (int dx = -AGGREGATION_RADIUS; dx <= AGGREGATION_RADIUS; dx++) {
            int x = int(id.x) + dx;
            if (x < 0 || x >= int(width)) {
                continue;
            }
            uint q = uint(y) * width + uint(x);
            float c = cost[slice + q];
            if (c >= INVALID_COST) {
                continue;
            }
            float w = exp(-abs(grey[refOffset + q] - g) / colourSigma);
            sum += w * c;
            weights += w;
        }
    }
    aggregated[slice + pixel] = sum / weights;
}
