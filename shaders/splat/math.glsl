// Small device functions of the splat pipeline, each followed by its vector-Jacobian product (VJP), mirroring
// the test reference RefMath one to one. Matrices are GLSL column-major: m[col][row]. A symmetric 2x2 passed
// as vec3 is (a, b, c) = [[a, b], [b, c]]; its gradient is w.r.t. those three numbers (v_b counts both
// off-diagonal entries). Quaternions are vec4 (w, x, y, z).

float sigmoid(float x) {
    return 1.0 / (1.0 + exp(-x));
}

float sigmoid_vjp(float x, float v_y) {
    float s = sigmoid(x);
    return v_y * s * (1.0 - s);
}

// v_a = (v_out - n (n . v_out)) / |a| with n = a / |a|.
vec3 normalize_vjp(vec3 a, vec3 v_out) {
    float len = length(a);
    vec3 n = a / len;
    return (v_out - n * dot(n, v_out)) / len;
}

vec4 normalize_vjp(vec4 a, vec4 v_out) {
    float len = length(a);
    vec4 n = a / len;
    return (v_out - n * dot(n, v_out)) / len;
}

// Rotation of a UNIT quaternion (w, x, y, z); columns written out (row r of column c is R_rc).
mat3 quat_to_rotmat(vec4 q) {
    float w = q[0], x = q[1], y = q[2], z = q[3];
    return mat3(
        1.0 - 2.0 * (y * y + z * z), 2.0 * (x * y + w * z), 2.0 * (x * z - w * y),
        2.0 * (x * y - w * z), 1.0 - 2.0 * (x * x + z * z), 2.0 * (y * z + w * x),
        2.0 * (x * z + w * y), 2.0 * (y * z - w * x), 1.0 - 2.0 * (x * x + y * y));
}

// Gradient w.r.t. the unit quaternion given v_R; G(r, c) is dL/dR_rc.
vec4 quat_to_rotmat_vjp(vec4 q, mat3 v_r) {
    float w = q[0], x = q[1], y = q[2], z = q[3];
#define G(r, c) v_r[c][r]
    float v_w = 2.0 * (-z * G(0, 1) + y * G(0, 2) + z * G(1, 0) - x * G(1, 2) - y * G(2, 0) + x * G(2, 1));
    float v_x = 2.0 * (y * G(0, 1) + z * G(0, 2) + y * G(1, 0) - 2.0 * x * G(1, 1) - w * G(1, 2)
            + z * G(2, 0) + w * G(2, 1) - 2.0 * x * G(2, 2));
    float v_y = 2.0 * (-2.0 * y * G(0, 0) + x * G(0, 1) + w * G(0, 2) + x * G(1, 0) + z * G(1, 2)
            - w * G(2, 0) + z * G(2, 1) - 2.0 * y * G(2, 2));
    float v_z = 2.0 * (-2.0 * z * G(0, 0) - w * G(0, 1) + x * G(0, 2) + w * G(1, 0) - 2.0 * z * G(1, 1)
            + y * G(1, 2) + x * G(2, 0) + y * G(2, 1));
#undef G
    return vec4(v_w, v_x, v_y, v_z);
}

// Sigma = M M^T with M = R(unit q) diag(scale).
mat3 covariance3d(vec4 unitQuat, vec3 scale) {
    mat3 r = quat_to_rotmat(unitQuat);
    mat3 m = mat3(r[0] * scale.x, r[1] * scale.y, r[2] * scale.z);
    return m * transpose(m);
}

// v_sigma need not be symmetric. Outputs the unit-quaternion and scale gradients.
void covariance3d_vjp(vec4 unitQuat, vec3 scale, mat3 v_sigma, out vec4 v_unitQuat, out vec3 v_scale) {
    mat3 r = quat_to_rotmat(unitQuat);
    mat3 m = mat3(r[0] * scale.x, r[1] * scale.y, r[2] * scale.z);
    mat3 v_m = (v_sigma + transpose(v_sigma)) * m;
    // M's column j is R's column j times scale_j.
    mat3 v_r = mat3(v_m[0] * scale.x, v_m[1] * scale.y, v_m[2] * scale.z);
    v_scale = vec3(dot(v_m[0], r[0]), dot(v_m[1], r[1]), dot(v_m[2], r[2]));
    v_unitQuat = quat_to_rotmat_vjp(unitQuat, v_r);
}

// Inverse of the symmetric (a, b, c); the caller has checked det > 0.
vec3 inverse2x2(vec3 m) {
    float det = m.x * m.z - m.y * m.y;
    return vec3(m.z / det, -m.y / det, m.x / det);
}

// v_M = -M^-1 V M^-1 with V the full-matrix gradient [[v_a, v_b/2], [v_b/2, v_c]].
vec3 inverse2x2_vjp(vec3 m, vec3 v_inv) {
    vec3 inv = inverse2x2(m);
    mat2 p = mat2(inv.x, inv.y, inv.y, inv.z);
    mat2 v = mat2(v_inv.x, 0.5 * v_inv.y, 0.5 * v_inv.y, v_inv.z);
    mat2 g = p * v * p;
    return vec3(-g[0][0], -(g[1][0] + g[0][1]), -g[1][1]);
}

// Largest eigenvalue of the symmetric (a, b, c); only used for the radius, which has no gradient.
float largest_eigenvalue2x2(vec3 m) {
    float mid = 0.5 * (m.x + m.z);
    float det = m.x * m.z - m.y * m.y;
    return mid + sqrt(max(0.0, mid * mid - det));
}
