#version 450
// Geometric consistency of a reference depth map with one other view's depth map (one dispatch per pair): a
// reference pixel's 3D point is projected into the other view, that view's depth at the nearest pixel is lifted
// back to 3D and projected into the reference. The pair agrees when the round trip lands within maxReprojection
// pixels and the depths within maxRelativeDepth. Agreeing pairs count up `consistent` and add the other view's
// depth (seen from the reference) to `depthSum`, so fusion can average them.
// Owned by dev.glimpse.optimize.mvs.ConsistencyCheck.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

layout(std430, binding = REF_DEPTH_BINDING) readonly buffer RefDepth { float refDepth[]; };       // [H][W] float
layout(std430, binding = OTHER_DEPTH_BINDING) readonly buffer OtherDepth { float otherDepth[]; }; // [Ho][Wo] float
layout(std430, binding = CONSISTENT_BINDING) buffer Consistent { uint consistent[]; };           // [H][W] uint
layout(std430, binding = DEPTH_SUM_BINDING) buffer DepthSum { float depthSum[]; };               // [H][W] float

uniform uint width;
uniform uint height;
uniform uint otherWidth;
uniform uint otherHeight;
uniform mat4 refToOther;     // (u d, v d, d, 1) of a reference pixel -> other camera coordinates
uniform mat4 otherToRef;     // (u d, v d, d, 1) of an other pixel -> reference camera coordinates
uniform vec4 refIntrinsics;  // fx, fy, cx, cy
uniform vec4 otherIntrinsics;
uniform float maxReprojection;
uniform float maxRelativeDepth;

vec2 project(vec3 p, vec4 k) {
    return vec2(k.x * p.x / p.z + k.z, k.y * p.y / p.z + k.w);
}

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= width || px.y >= height) {
        return;
    }
    uint pixel = px.y * width + px.x;
    float d = refDepth[pixel];
    if (d <= 0.0) {
        return;
    }
    vec2 uv = vec2(px) + 0.5;
    vec3 inOther = (refToOther * vec4(uv * d, d, 1.0)).xyz;
    if (inOther.z <= 0.0) {
        return;
    }
    vec2 q = project(inOther, otherIntrinsics);
    ivec2 qi = ivec2(floor(q));
    if (qi.x < 0 || qi.y < 0 || qi.x >= int(otherWidth) || qi.y >= int(otherHeight)) {
        return;
    }
    float dOther = otherDepth[uint(qi.y) * otherWidth + uint(qi.x)];
    if (dOther <= 0.0) {
        return;
    }
    vec2 qc = vec2(qi) + 0.5;
    vec3 back = (otherToRef * vec4(qc * dOther, dOther, 1.0)).xyz;
    if (back.z <= 0.0) {
        return;
    }
    vec2 round = project(back, refIntrinsics);
    if (distance(round, uv) <= maxReprojection && abs(back.z - d) <= maxRelativeDepth * d) {
        consistent[pixel] += 1u;
        depthSum[pixel] += back.z;
    }
}
