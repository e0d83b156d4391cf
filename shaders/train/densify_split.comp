#version 450
// Split children, after the gather copied their parent: new position sampled from N(parent mean, Sigma) with
// Sigma = R S S^T R^T (so mean + R (scale * z), z standard normal), log-scales shrunk by log(1.6).
// Owned by dev.glimpse.optimize.train.SplitSampler.
#include "train/random.glsl"

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = SOURCE_FROM_TARGET_BINDING) readonly buffer Map { uint source_from_target[]; }; // [newCount] uint
layout(std430, binding = ACTIONS_BINDING) readonly buffer Actions { uint actions[]; };                  // [oldCount] uint
layout(std430, binding = OLD_MEANS_BINDING) readonly buffer OldMeans { float oldMeans[]; };             // [oldCount][3] float
layout(std430, binding = OLD_LOG_SCALES_BINDING) readonly buffer OldScales { float oldLogScales[]; };   // [oldCount][3] float
layout(std430, binding = OLD_QUATS_BINDING) readonly buffer OldQuats { float oldQuats[]; };             // [oldCount][4] float wxyz
layout(std430, binding = MEANS_BINDING) writeonly buffer Means { float means[]; };                      // [newCount][3] float
layout(std430, binding = LOG_SCALES_BINDING) writeonly buffer Scales { float logScales[]; };            // [newCount][3] float

uniform uint newCount;
uniform uint seedLo;
uniform uint seedHi;
uniform uint iteration;
uniform float splitLogShrink; // log(1.6)

mat3 rotation(vec4 q) {
    q = q / length(q);
    float w = q.x, x = q.y, y = q.z, z = q.w;
    // Columns of the rotation matrix of the unit quaternion (w, x, y, z).
    return mat3(1.0 - 2.0 * (y * y + z * z), 2.0 * (x * y + w * z), 2.0 * (x * z - w * y),
                2.0 * (x * y - w * z), 1.0 - 2.0 * (x * x + z * z), 2.0 * (y * z + w * x),
                2.0 * (x * z + w * y), 2.0 * (y * z - w * x), 1.0 - 2.0 * (x * x + y * y));
}

void main() {
    uint j = gl_GlobalInvocationID.x;
    if (j >= newCount) {
        return;
    }
    uint word = source_from_target[j];
    uint src = word >> 2;
    if ((actions[src] & 3u) != ACTION_SPLIT) {
        return;
    }
    uint child = (word >> 1) & 1u;
    vec3 s = vec3(oldLogScales[3u * src], oldLogScales[3u * src + 1u], oldLogScales[3u * src + 2u]);
    vec4 q = vec4(oldQuats[4u * src], oldQuats[4u * src + 1u], oldQuats[4u * src + 2u], oldQuats[4u * src + 3u]);
    uint base = 4u * child;
    vec2 z01 = normalPair(randomKey(seedLo, seedHi, iteration, src, base), randomKey(seedLo, seedHi, iteration, src, base + 1u));
    vec2 z23 = normalPair(randomKey(seedLo, seedHi, iteration, src, base + 2u), randomKey(seedLo, seedHi, iteration, src, base + 3u));
    vec3 offset = rotation(q) * (exp(s) * vec3(z01, z23.x));
    for (uint a = 0u; a < 3u; a++) {
        means[3u * j + a] = oldMeans[3u * src + a] + offset[a];
        logScales[3u * j + a] = s[a] - splitLogShrink;
    }
}
