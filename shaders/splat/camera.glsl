// The camera uniforms of the per-Gaussian stages (set by dev.glimpse.optimize.splat.CameraUniforms) and the
// pinhole projection, each function followed by its VJP, mirroring the test reference RefPerspective.
// OpenCV axes; COLMAP pixels: pixel (i, j) is centred at (i + 0.5, j + 0.5).

uniform mat4 worldToCamera;   // column-major world-to-camera
uniform vec3 cameraCentre;    // world
uniform vec4 intrinsics;      // fx, fy, cx, cy in pixels
uniform vec2 tanHalfFov;      // (W / (2 fx), H / (2 fy))
uniform float nearPlane;      // cull below this camera-space depth

#define LOW_PASS 0.3   // px^2 added to the screen covariance diagonal
#define FOV_CLAMP 1.3  // the Jacobian uses t.x / t.z clamped to this multiple of tan(fov/2)

mat3 camera_rotation() {
    return mat3(worldToCamera);
}

vec3 to_camera(vec3 p) {
    return camera_rotation() * p + worldToCamera[3].xyz;
}

// Screen centre from the UNclamped t.
vec2 project_mean(vec3 t) {
    return vec2(intrinsics.x * t.x / t.z + intrinsics.z, intrinsics.y * t.y / t.z + intrinsics.w);
}

vec3 project_mean_vjp(vec3 t, vec2 v_uv) {
    float rz = 1.0 / t.z;
    float rz2 = rz * rz;
    return vec3(intrinsics.x * rz * v_uv.x, intrinsics.y * rz * v_uv.y,
            -(intrinsics.x * t.x * v_uv.x + intrinsics.y * t.y * v_uv.y) * rz2);
}

// Per axis: true where |t_axis / t.z| exceeds the Jacobian clamp.
bvec2 jacobian_clamped(vec3 t) {
    vec2 lim = FOV_CLAMP * tanHalfFov;
    vec2 ratio = t.xy / t.z;
    return bvec2(ratio.x < -lim.x || ratio.x > lim.x, ratio.y < -lim.y || ratio.y > lim.y);
}

vec2 clamped_xy(vec3 t) {
    vec2 lim = FOV_CLAMP * tanHalfFov;
    return clamp(t.xy / t.z, -lim, lim) * t.z;
}

// J (2 rows, 3 columns) = [[fx/tz, 0, -fx tx'/tz^2], [0, fy/tz, -fy ty'/tz^2]] with the clamped tx', ty'.
mat3x2 jacobian(vec3 t) {
    vec2 c = clamped_xy(t);
    float fx = intrinsics.x, fy = intrinsics.y, tz = t.z;
    return mat3x2(fx / tz, 0.0, 0.0, fy / tz, -fx * c.x / (tz * tz), -fy * c.y / (tz * tz));
}

// Exact derivative of the clamped function: on a clamped axis tx' = +-lim tz, so dtx'/dtx = 0 and the
// dtx'/dtz = +-lim term is kept (as gsplat does and the reference requires).
vec3 jacobian_vjp(vec3 t, mat3x2 v_j) {
    float fx = intrinsics.x, fy = intrinsics.y, tz = t.z;
    float rz = 1.0 / tz;
    float rz2 = rz * rz;
    float rz3 = rz2 * rz;
    bvec2 clamped = jacobian_clamped(t);
    vec2 c = clamped_xy(t);
    // v_j[col][row]: (row 0, col 2) is v_j[2][0].
    vec3 v_t = vec3(0.0);
    v_t.z = -fx * rz2 * v_j[0][0] - fy * rz2 * v_j[1][1] + 2.0 * fx * c.x * rz3 * v_j[2][0]
            + 2.0 * fy * c.y * rz3 * v_j[2][1];
    if (clamped.x) {
        v_t.z += -fx * c.x * rz3 * v_j[2][0];
    } else {
        v_t.x += -fx * rz2 * v_j[2][0];
    }
    if (clamped.y) {
        v_t.z += -fy * c.y * rz3 * v_j[2][1];
    } else {
        v_t.y += -fy * rz2 * v_j[2][1];
    }
    return v_t;
}

// Screen covariance (a, b, c) of J W Sigma W^T J^T + LOW_PASS I.
vec3 project_cov(mat3 sigma, mat3 w, mat3x2 j) {
    mat3 camCov = w * sigma * transpose(w);
    mat2 s = j * camCov * transpose(j);
    return vec3(s[0][0] + LOW_PASS, s[1][0], s[1][1] + LOW_PASS);
}

// For a symmetric Sigma: with C = W Sigma W^T and G the (symmetric) full gradient of J C J^T,
// v_J = G J C^T + G^T J C, v_C = J^T G J, v_Sigma = W^T v_C W.
void project_cov_vjp(mat3 sigma, mat3 w, mat3x2 j, vec3 v_cov, out mat3 v_sigma, out mat3x2 v_j) {
    mat3 camCov = w * sigma * transpose(w);
    mat2 g = mat2(v_cov.x, 0.5 * v_cov.y, 0.5 * v_cov.y, v_cov.z);
    v_j = g * j * transpose(camCov) + transpose(g) * j * camCov;
    mat3 v_camCov = transpose(j) * g * j;
    v_sigma = transpose(w) * v_camCov * w;
}
