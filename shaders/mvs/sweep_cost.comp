#version 450
// Plane sweep, stage 1: the matching cost of every reference pixel at every depth hypothesis. At each depth the
// window is laid on a few candidate planes through the pixel's 3D point (fronto-parallel, the scene's up plane,
// tilted ones: a slanted floor seen at a grazing angle matches only on its own plane), warped into each source
// view through that plane's homography and compared by normalised cross-correlation (NCC); the cost 1 - NCC of
// the best BEST_SOURCES sources is averaged (sources that miss the point count as uninformative, cost 1), which
// tolerates occlusion in the other views, and the best plane's cost is kept.
// Owned by dev.glimpse.optimize.mvs.PlaneSweep.

layout(local_size_x = LOCAL_SIZE_X, local_size_y = LOCAL_SIZE_Y) in;

// One source view: maps a reference pixel (u, v) at reference depth d to source homogeneous pixel coordinates
// d * (warp * (u, v, 1)) + shift; its planes start at word shape.z of grey and mask.
struct SourceView {
    mat4 warp;     // columns 0..2: K_s R_sr K_r^-1, column 3: K_s t_sr (w unused)
    ivec4 shape;   // width, height, word offset of its planes in grey and mask, unused
};

// Every view's grey plane and validity mask (1 inside), concatenated at per-view word offsets.
layout(std430, binding = GREY_BINDING) readonly buffer Grey { float grey[]; };                    // [sum H W] float
layout(std430, binding = MASK_BINDING) readonly buffer Mask { float mask[]; };                    // [sum H W] float
layout(std430, binding = SOURCES_BINDING) readonly buffer Sources { SourceView sources[]; };      // [numSources]
layout(std430, binding = NORMALS_BINDING) readonly buffer Normals { vec4 normals[]; };            // [numNormals] unit xyz
layout(std430, binding = COST_BINDING) writeonly buffer Cost { float cost[]; };                  // [D][H][W] float

#define SOURCE_PLANES(i) grey[i]
#include "mvs/sampling.glsl"

uniform uint refOffset;  // words: the reference view in grey and mask
uniform uint width;
uniform uint height;
uniform uint numSources;
uniform uint numHypotheses;
uniform float invDepthFar;
uniform float invDepthNear;
uniform float minStd;
uniform vec4 refIntrinsics;  // fx, fy, cx, cy of the reference
uniform uint numNormals;
uniform float bilateralSigma;  // grey-level scale of the support weights; 0 = plain NCC   // windows with a smaller intensity standard deviation carry no texture to match

#define SIDE (2 * WINDOW_RADIUS / WINDOW_STEP + 1)
#define SAMPLES (SIDE * SIDE)
#define GRAZING_COSINE 0.17  // cos(80 degrees)
#define SPATIAL_SIGMA_SQ (2.0 * float(WINDOW_RADIUS * WINDOW_RADIUS))

float weight[SAMPLES];  // bilateral support weights of the window samples (per invocation)
float weightSum;
float ref[SAMPLES];     // the reference window, weighted-zero-mean, times its weights
float refNorm;          // 1 / sqrt(sum of weight * centred reference^2)

// Mean of the BEST_SOURCES smallest costs 1 - NCC over the sources, for the plane with unit normal `normal`
// (reference camera coordinates) through the pixel's point at `depth`. Window sample q lies on that plane at
// depth z_q = depth * a0 / (normal . ray_q).
float plane_cost(float depth, vec3 normal, float a0, vec3 centre, vec2 rayStep) {
    float best[BEST_SOURCES];
    for (int b = 0; b < BEST_SOURCES; b++) {
        best[b] = 1.0;
    }
    float aStepU = normal.x * rayStep.x;
    float aStepV = normal.y * rayStep.y;
    for (uint s = 0u; s < numSources; s++) {
        mat3 warp = mat3(sources[s].warp);
        vec3 shift = sources[s].warp[3].xyz;
        ivec2 size = sources[s].shape.xy;
        uint offset = uint(sources[s].shape.z);
        vec3 m0 = warp * centre;
        vec3 h0 = depth * m0 + shift;
        if (h0.z <= 0.0) {
            continue;
        }
        ivec2 ci = ivec2(floor(h0.xy / h0.z));
        if (ci.x < 0 || ci.y < 0 || ci.x >= size.x || ci.y >= size.y
                || mask[offset + uint(ci.y) * uint(size.x) + uint(ci.x)] < 0.5) {
            continue;
        }
        vec3 mu = warp[0] * float(WINDOW_STEP);
        vec3 mv = warp[1] * float(WINDOW_STEP);
        float half_ = float(WINDOW_RADIUS / WINDOW_STEP);
        vec3 mRow = m0 - half_ * (mu + mv);
        float aRow = a0 - half_ * (aStepU + aStepV);
        float sum = 0.0, sumSq = 0.0, cross = 0.0;
        bool inside = true;
        for (int j = 0; j < SIDE && inside; j++) {
            vec3 m = mRow;
            float a = aRow;
            for (int i = 0; i < SIDE; i++) {
                vec3 h = (depth * a0 / a) * m + shift;
                float g;
                if (a * a0 <= 0.0 || h.z <= 0.0 || !sample_bilinear(offset, size, h.xy / h.z, g)) {
                    inside = false;
                    break;
                }
                float w = weight[j * SIDE + i];
                sum += w * g;
                sumSq += w * g * g;
                cross += g * ref[j * SIDE + i];
                m += mu;
                a += aStepU;
            }
            mRow += mv;
            aRow += aStepV;
        }
        if (!inside) {
            continue;
        }
        float srcVar = max(sumSq - sum * sum / weightSum, 0.0);
        // The reference window has weighted mean zero, so the raw weighted cross sum is already the centred one.
        float ncc = srcVar >= minStd * minStd * weightSum ? cross * refNorm * inversesqrt(srcVar) : 0.0;
        float c1 = 1.0 - ncc;
        // Keep the BEST_SOURCES smallest costs (insertion into a tiny sorted array).
        for (int b = 0; b < BEST_SOURCES; b++) {
            if (c1 < best[b]) {
                float t = best[b];
                best[b] = c1;
                c1 = t;
            }
        }
    }
    float total = 0.0;
    for (int b = 0; b < BEST_SOURCES; b++) {
        total += best[b];
    }
    return total / float(BEST_SOURCES);
}

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= width || px.y >= height) {
        return;
    }
    uint plane = width * height;
    uint pixel = px.y * width + px.x;

    // The reference window with bilateral weights (Gipuma's): samples unlike the centre pixel, or far from it,
    // count less, so a window straddling a depth edge is matched mostly on the centre pixel's side.
    float centreGrey = grey[refOffset + pixel];
    float mean = 0.0;
    weightSum = 0.0;
    for (int j = 0; j < SIDE; j++) {
        for (int i = 0; i < SIDE; i++) {
            ivec2 offset = ivec2(i, j) * WINDOW_STEP - WINDOW_RADIUS;
            ivec2 q = clamp(ivec2(px) + offset, ivec2(0), ivec2(width - 1u, height - 1u)); // clamped: see `whole`
            float g = grey[refOffset + uint(q.y) * width + uint(q.x)];
            float w = bilateralSigma > 0.0
                    ? exp(-abs(g - centreGrey) / bilateralSigma - float(dot(offset, offset)) / SPATIAL_SIGMA_SQ)
                    : 1.0;
            weight[j * SIDE + i] = w;
            ref[j * SIDE + i] = g;
            weightSum += w;
            mean += w * g;
        }
    }
    mean /= weightSum;
    float var = 0.0;
    for (int s = 0; s < SAMPLES; s++) {
        ref[s] -= mean;
        var += weight[s] * ref[s] * ref[s];
        ref[s] *= weight[s];
    }
    // A window cut by the image border would be compared with an uncut one: no depth there.
    bool whole = px.x >= uint(WINDOW_RADIUS) && px.y >= uint(WINDOW_RADIUS) && px.x + uint(WINDOW_RADIUS) < width
            && px.y + uint(WINDOW_RADIUS) < height;
    bool usable = whole && mask[refOffset + pixel] > 0.5 && sqrt(var / weightSum) >= minStd;
    if (!usable) {
        for (uint k = 0u; k < numHypotheses; k++) {
            cost[k * plane + pixel] = INVALID_COST;
        }
        return;
    }
    refNorm = inversesqrt(var);
    vec3 centre = vec3(vec2(px) + 0.5, 1.0);
    // Viewing ray of the pixel centre with z = 1, and its change per window step.
    vec3 ray = vec3((centre.xy - refIntrinsics.zw) / refIntrinsics.xy, 1.0);
    vec2 rayStep = float(WINDOW_STEP) / refIntrinsics.xy;

    for (uint k = 0u; k < numHypotheses; k++) {
        float depth = 1.0 / hypothesis_inverse_depth(float(k), numHypotheses, invDepthFar, invDepthNear);
        float bestOverNormals = 2.0;
        for (uint n = 0u; n < numNormals; n++) {
            vec3 normal = normals[n].xyz;
            float a0 = dot(normal, ray);
            // A plane seen nearly edge-on stretches the window without bound: skip it.
            if (abs(a0) < GRAZING_COSINE * length(ray)) {
                continue;
            }
            bestOverNormals = min(bestOverNormals, plane_cost(depth, normal, a0, centre, rayStep));
        }
        cost[k * plane + pixel] = bestOverNormals;
    }
}
