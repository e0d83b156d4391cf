#version 450
// Compaction / growth of one parameter array: builds the new [targetCount][F] array from the old one through an
// index map. Owned by dev.glimpse.optimize.train.GatherKernel; one kernel for every parameter group, its value
// and its Adam moments (F = floats per Gaussian is a uniform, not a variant).

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = SOURCE_BINDING) readonly buffer Source { float source[]; };                // [oldCount][F] float
layout(std430, binding = TARGET_BINDING) writeonly buffer Target { float target[]; };               // [targetCount][F] float
// Per target Gaussian: source index << 2 | split child << 1 | fresh (a new Gaussian whose moments start at 0).
layout(std430, binding = SOURCE_FROM_TARGET_BINDING) readonly buffer Map { uint source_from_target[]; }; // [targetCount] uint

uniform uint targetCount;
uniform uint floatsPerGaussian;
uniform bool zeroFresh; // true for Adam moments: fresh Gaussians start from zero, survivors keep theirs

void main() {
    uint total = targetCount * floatsPerGaussian;
    uint stride = gl_NumWorkGroups.x * uint(LOCAL_SIZE_X);
    for (uint e = gl_GlobalInvocationID.x; e < total; e += stride) {
        uint j = e / floatsPerGaussian;
        uint f = e - j * floatsPerGaussian;
        uint word = source_from_target[j];
        bool fresh = (word & 1u) != 0u;
        target[e] = zeroFresh && fresh ? 0.0 : source[(word >> 2) * floatsPerGaussian + f];
    }
}
