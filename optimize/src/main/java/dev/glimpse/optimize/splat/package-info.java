/**
 * The differentiable Gaussian-splat tile rasteriser (GLSL compute, forward and backward) and the buffer layouts
 * it shares with the optimiser.
 *
 * <h2>API</h2>
 * <pre>{@code
 * try (SplatRasterizer rasterizer = new SplatRasterizer(ctx, timerOrNull)) {
 *     RasterOutput out = rasterizer.forward(params, activeShDegree, camera, background);
 *     // out.rgb() [H][W][3], out.alpha() [H][W], out.depth() [H][W], out.radii() [n], out.intersections()
 *     rasterizer.backward(out, v_rgb, v_alphaOrNull, v_depthOrNull, gradients, v_uvOrNull);
 * }
 * }</pre>
 * {@link dev.glimpse.optimize.splat.SplatBuffers} holds the parameters and, with the same shapes, the gradients,
 * which {@code backward} ADDS to (the caller zeroes them); the logit-opacity gradient is w.r.t. the stored
 * logit, the quaternion gradient w.r.t. the stored unnormalised quaternion, and SH coefficients above the active
 * degree as well as culled Gaussians receive nothing. {@code v_uv} [n][2], if given, gets the screen-centre
 * gradient in pixels added (the densification statistic). A {@link dev.glimpse.optimize.splat.RasterOutput} is
 * valid until the next {@code forward} of the same rasteriser, which reuses its buffers (later use throws).
 * Scratch buffers grow to the largest frame seen and are never shrunk.
 *
 * <h2>Stages</h2>
 * Forward, under the {@link dev.glimpse.optimize.gpu.GpuTimer} stage names:
 * <ol>
 *   <li>"project": {@code splat/project.comp} per Gaussian (cull t.z &lt; near, covariance, EWA projection with
 *       the 1.3 tan(fov/2) Jacobian clamp and the 0.3 px^2 low-pass, conic, radius ceil(3 sqrt(lambda_max)), tile
 *       rectangle, SH colour of the active degree clamped at 0, depth), then an exclusive prefix sum of the
 *       tiles touched and ONE readback: the number of tile/Gaussian intersections.</li>
 *   <li>"sort": {@code splat/duplicate_keys.comp} emits (tile, depth bits) keys with Gaussian ids, the radix sort
 *       orders them over ceil(log2(tiles)) + 32 bits (stable, so depth ties go to the lower index), and
 *       {@code splat/tile_ranges.comp} marks each tile's run.</li>
 *   <li>"rasterize": {@code splat/rasterize.comp}, one 16x16 workgroup per tile, batches of the tile's list staged
 *       in shared memory, front-to-back compositing with early termination; saves T_final and the number of list
 *       entries each pixel processed.</li>
 * </ol>
 * Backward, the same names in reverse: "rasterize_backward" ({@code splat/rasterize_backward.comp}, per pixel back
 * to front from the saved state, per-Gaussian sums reduced in shared memory per tile, then float atomics into a
 * [n][10] screen-space gradient scratch) and "project_backward" ({@code splat/project_backward.comp}, per
 * Gaussian, recomputing the projection and chaining to the parameters without atomics).
 *
 * <h2>Conventions</h2>
 * Exactly those of the test reference {@code dev.glimpse.optimize.reference} (shared/SPLATTING.md): OpenCV
 * camera axes, COLMAP pixel centres (i + 0.5, j + 0.5), alpha = min(0.99, sigmoid(o) exp(power)) with no gradient
 * through the cap, splats below 1/255 skipped, compositing stopped before T &lt; 1e-4, colour max(0, SH + 0.5)
 * with no gradient where clamped, the kept dtz term on the clamped Jacobian side. Depth output is
 * sum z alpha T (not divided by alpha).
 *
 * <h2>Determinism</h2>
 * The forward is deterministic (bit-identical on repeated runs). The backward is not: float atomics add the
 * per-tile sums in an unspecified order, so gradients can differ in the last bits between runs.
 */
package dev.glimpse.optimize.splat;
