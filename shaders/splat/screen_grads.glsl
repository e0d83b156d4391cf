// Layout of the per-Gaussian screen-space gradients written by rasterize_backward.comp and read by
// project_backward.comp: [n][SCREEN_GRAD_STRIDE] floats (SCREEN_GRAD_STRIDE injected from Java).
#define SG_UV 0u        // 2: w.r.t. the screen centre (u, v)
#define SG_CONIC 2u     // 3: w.r.t. the conic (a, b, c)
#define SG_COLOR 5u     // 3: w.r.t. the clamped colour
#define SG_OPACITY 8u   // 1: w.r.t. sigmoid(logit opacity), before the 0.99 cap
#define SG_DEPTH 9u     // 1: w.r.t. camera-space z
