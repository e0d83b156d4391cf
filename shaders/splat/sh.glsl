// Real spherical-harmonics colour (degrees 0..3, constants of shared/SPLATTING.md) and its VJP, mirroring the
// test reference RefSh. Needs params.glsl (sh_coefficient). Directions are unit vectors.

#define SH_MAX_COEFFICIENTS 16

const float SH_C0 = 0.28209479177387814;
const float SH_C1 = 0.4886025119029199;
const float SH_C2[5] = float[5](1.0925484305920792, -1.0925484305920792, 0.31539156525252005,
        -1.0925484305920792, 0.5462742152960396);
const float SH_C3[7] = float[7](-0.5900435899266435, 2.890611442640554, -0.4570457994644658,
        0.3731763325901154, -0.4570457994644658, 1.445305721320277, -0.5900435899266435);

int sh_coefficient_count(int degree) {
    return (degree + 1) * (degree + 1);
}

void sh_basis(int degree, vec3 d, out float b[SH_MAX_COEFFICIENTS]) {
    float x = d.x, y = d.y, z = d.z;
    float xx = x * x, yy = y * y, zz = z * z;
    for (int k = 0; k < SH_MAX_COEFFICIENTS; k++) {
        b[k] = 0.0;
    }
    b[0] = SH_C0;
    if (degree >= 1) {
        b[1] = -SH_C1 * y;
        b[2] = SH_C1 * z;
        b[3] = -SH_C1 * x;
    }
    if (degree >= 2) {
        b[4] = SH_C2[0] * x * y;
        b[5] = SH_C2[1] * y * z;
        b[6] = SH_C2[2] * (2.0 * zz - xx - yy);
        b[7] = SH_C2[3] * x * z;
        b[8] = SH_C2[4] * (xx - yy);
    }
    if (degree >= 3) {
        b[9] = SH_C3[0] * y * (3.0 * xx - yy);
        b[10] = SH_C3[1] * x * y * z;
        b[11] = SH_C3[2] * y * (4.0 * zz - xx - yy);
        b[12] = SH_C3[3] * z * (2.0 * zz - 3.0 * xx - 3.0 * yy);
        b[13] = SH_C3[4] * x * (4.0 * zz - xx - yy);
        b[14] = SH_C3[5] * z * (xx - yy);
        b[15] = SH_C3[6] * x * (xx - 3.0 * yy);
    }
}

// Partial derivatives of each basis function w.r.t. (x, y, z) treated as independent (the unit-length
// constraint is applied by the caller's normalize_vjp).
void sh_basis_gradient(int degree, vec3 d, out vec3 g[SH_MAX_COEFFICIENTS]) {
    float x = d.x, y = d.y, z = d.z;
    float xx = x * x, yy = y * y, zz = z * z;
    for (int k = 0; k < SH_MAX_COEFFICIENTS; k++) {
        g[k] = vec3(0.0);
    }
    if (degree >= 1) {
        g[1] = vec3(0.0, -SH_C1, 0.0);
        g[2] = vec3(0.0, 0.0, SH_C1);
        g[3] = vec3(-SH_C1, 0.0, 0.0);
    }
    if (degree >= 2) {
        g[4] = SH_C2[0] * vec3(y, x, 0.0);
        g[5] = SH_C2[1] * vec3(0.0, z, y);
        g[6] = SH_C2[2] * vec3(-2.0 * x, -2.0 * y, 4.0 * z);
        g[7] = SH_C2[3] * vec3(z, 0.0, x);
        g[8] = SH_C2[4] * vec3(2.0 * x, -2.0 * y, 0.0);
    }
    if (degree >= 3) {
        g[9] = SH_C3[0] * vec3(6.0 * x * y, 3.0 * xx - 3.0 * yy, 0.0);
        g[10] = SH_C3[1] * vec3(y * z, x * z, x * y);
        g[11] = SH_C3[2] * vec3(-2.0 * x * y, 4.0 * zz - xx - 3.0 * yy, 8.0 * y * z);
        g[12] = SH_C3[3] * vec3(-6.0 * x * z, -6.0 * y * z, 6.0 * zz - 3.0 * xx - 3.0 * yy);
        g[13] = SH_C3[4] * vec3(4.0 * zz - 3.0 * xx - yy, -2.0 * x * y, 8.0 * x * z);
        g[14] = SH_C3[5] * vec3(2.0 * x * z, -2.0 * y * z, xx - yy);
        g[15] = SH_C3[6] * vec3(3.0 * xx - 3.0 * yy, -6.0 * x * y, 0.0);
    }
}

// Unclamped colour 0.5 + sum_k basis_k(d) sh[n][k] over the first (degree + 1)^2 coefficients.
vec3 sh_color(int degree, uint n, vec3 d) {
    float b[SH_MAX_COEFFICIENTS];
    sh_basis(degree, d, b);
    vec3 c = vec3(0.5);
    for (int k = 0; k < sh_coefficient_count(degree); k++) {
        c += b[k] * sh_coefficient(n, uint(k));
    }
    return c;
}

// VJP of sh_color: v_sh[k] = basis_k v_color for the active coefficients; returns the direction gradient
// (components treated as independent).
vec3 sh_color_vjp(int degree, uint n, vec3 d, vec3 v_color, out vec3 v_sh[SH_MAX_COEFFICIENTS]) {
    float b[SH_MAX_COEFFICIENTS];
    vec3 g[SH_MAX_COEFFICIENTS];
    sh_basis(degree, d, b);
    sh_basis_gradient(degree, d, g);
    vec3 v_d = vec3(0.0);
    for (int k = 0; k < SH_MAX_COEFFICIENTS; k++) {
        v_sh[k] = vec3(0.0);
    }
    for (int k = 0; k < sh_coefficient_count(degree); k++) {
        v_sh[k] = b[k] * v_color;
        v_d += dot(sh_coefficient(n, uint(k)), v_color) * g[k];
    }
    return v_d;
}
