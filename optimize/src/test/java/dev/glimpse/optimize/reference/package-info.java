/**
 * Plain-Java, double-precision reference of 3D Gaussian splatting (projection and tile rasterisation,
 * forward and VJP), used only by tests to check the GLSL kernels. It follows shared/SPLATTING.md; the
 * conventions the kernels must match:
 *
 * <ul>
 *   <li>Camera: OpenCV axes (x right, y down, +z forward), world-to-camera t = R p + T, centre -R^T T.
 *       COLMAP pixels: pixel (i, j) = (column, row) has its centre at (i + 0.5, j + 0.5);
 *       u = fx tx/tz + cx, v = fy ty/tz + cy. tan(fov_x/2) = W / (2 fx), tan(fov_y/2) = H / (2 fy).</li>
 *   <li>Gaussians: means [N][3], logScales [N][3], quats [N][4] as (w, x, y, z) normalised inside,
 *       logitOpacity [N], sh [N][(deg+1)^2][3]; SH may be evaluated at an active degree below the stored one
 *       (unused coefficients get zero gradient).</li>
 *   <li>Projection: cull t.z &lt; 0.2; Sigma = R S S^T R^T; J with tx/tz, ty/tz clamped to
 *       +-1.3 tan(fov/2); Sigma' = J W Sigma W^T J^T + 0.3 I; cull det &lt;= 0; conic (a, b, c) = Sigma'^-1
 *       with power = -0.5 (a dx^2 + c dy^2) - b dx dy; radius = ceil(3 sqrt(largest eigenvalue)) (exact
 *       eigenvalue, no 0.1 floor); tile rectangle [floor((u-r)/ts), ceil((u+r)/ts)) clamped to
 *       [0, tilesX], same in y, cull when empty; colour = max(0, SH(normalise(p - centre)) + 0.5).</li>
 *   <li>Raster: per tile, Gaussians sorted by (t.z, index); alpha = min(0.99, sigmoid(o) exp(power)), skip
 *       power &gt; 0 or alpha &lt; 1/255, stop before T (1 - alpha) &lt; 1e-4; rgb = sum c alpha T +
 *       T_final bg, alpha = 1 - T_final, depth = sum z alpha T.</li>
 *   <li>Gradients are exact derivatives of this forward: zero through a clamped colour channel, through an
 *       alpha capped at 0.99, and through tx (ty) on the clamped side of the Jacobian, where dtx'/dtz = +-lim
 *       is kept (gsplat does; the 3DGS reference drops it).</li>
 * </ul>
 *
 * <p>Entry points: {@link dev.glimpse.optimize.reference.RefSplatting#forward} and
 * {@link dev.glimpse.optimize.reference.RefSplatting#backward}; scenes from
 * {@link dev.glimpse.optimize.reference.RefScenes#fuzzed}.
 */
package dev.glimpse.optimize.reference;
