#version 450
// Opacity reset: sigmoid(o) <- min(sigmoid(o), 0.01), done as o <- min(o, logit(0.01)) (sigmoid is monotonic).
// Owned by dev.glimpse.optimize.train.OpacityResetKernel.

layout(local_size_x = LOCAL_SIZE_X) in;

layout(std430, binding = LOGIT_OPACITY_BINDING) buffer Opacity { float logitOpacity[]; }; // [n] float

uniform uint count;
uniform float maxLogit;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i < count) {
        logitOpacity[i] = min(logitOpacity[i], maxLogit);
    }
}
