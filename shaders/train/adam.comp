#version 450
// One Adam step over one parameter group, every element of the live Gaussians (the reference updates all
// Gaussians each step, so moments decay even where the gradient is zero). Owned by
// dev.glimpse.optimize.train.Adam. Bias corrections come from the global step count, as PyTorch's Adam keeps
// one step per tensor.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = PARAM_BINDING) buffer Param { float param[]; };            // [count][F] float
layout(std430, binding = GRAD_BINDING) readonly buffer Grad { float v_param[]; };   // [count][F] float
layout(std430, binding = M_BINDING) buffer FirstMoment { float m[]; };              // [count][F] float
layout(std430, binding = V_BINDING) buffer SecondMoment { float v[]; };             // [count][F] float

uniform uint total;             // count * F
uniform uint floatsPerGaussian; // F
uniform uint headFloats;        // leading floats of each Gaussian that use lrHead (SH: the DC coefficients)
uniform float lrHead;
uniform float lrTail;
uniform float beta1;
uniform float beta2;
uniform float oneMinusBeta1;    // from Java in double: 1.0 - float(0.999) is off by 5e-5 relative
uniform float oneMinusBeta2;
uniform float epsilon;
uniform float stepHead;         // lrHead / (1 - beta1^t)
uniform float stepTail;         // lrTail / (1 - beta1^t)
uniform float sqrtCorrection2;  // sqrt(1 - beta2^t)

void main() {
    uint stride = gl_NumWorkGroups.x * uint(LOCAL_SIZE_X);
    for (uint e = gl_GlobalInvocationID.x; e < total; e += stride) {
        float g = v_param[e];
        float mNew = beta1 * m[e] + oneMinusBeta1 * g;
        float vNew = beta2 * v[e] + oneMinusBeta2 * g * g;
        m[e] = mNew;
        v[e] = vNew;
        bool head = e % floatsPerGaussian < headFloats;
        // lr * mhat / (sqrt(vhat) + eps) with mhat = m / c1, vhat = v / c2, arranged as PyTorch does.
        param[e] -= (head ? stepHead : stepTail) * mNew / (sqrt(vNew) / sqrtCorrection2 + epsilon);
    }
}
