// The continuous intermediates of one Gaussian's projection, shared by project.comp and
// project_backward.comp so the backward recomputes them (as the 3DGS backward does) instead of storing them.
#include "math.glsl"
#include "camera.glsl"
#include "params.glsl"
#include "sh.glsl"

struct Stage {
    vec3 t;          // camera space
    vec4 unitQuat;   // normalised (w, x, y, z)
    vec3 scale;      // exp(logScale)
    mat3 sigma;      // world covariance
    mat3x2 j;        // clamped perspective Jacobian
    vec3 cov2d;      // screen covariance (a, b, c), low-pass included
    vec3 dir;        // mean - camera centre (not normalised)
};

// False when the Gaussian is culled before its tile rectangle is known: near plane, or det(cov2d) <= 0.
bool compute_stage(uint n, out Stage s) {
    vec3 p = load_mean(n);
    s.t = to_camera(p);
    if (s.t.z < nearPlane) {
        return false;
    }
    vec4 q = quats[n];
    s.unitQuat = q / length(q);
    s.scale = exp(load_log_scale(n));
    s.sigma = covariance3d(s.unitQuat, s.scale);
    s.j = jacobian(s.t);
    s.cov2d = project_cov(s.sigma, camera_rotation(), s.j);
    s.dir = p - cameraCentre;
    return s.cov2d.x * s.cov2d.z - s.cov2d.y * s.cov2d.y > 0.0;
}

vec3 raw_color(Stage s, uint n) {
    return sh_color(activeShDegree, n, s.dir / length(s.dir));
}
