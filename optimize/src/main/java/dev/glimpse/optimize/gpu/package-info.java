/**
 * The GPU layer every Glimpse kernel uses: an OpenGL 4.5 compute context (headless through EGL, or wrapping a
 * window's), GL objects owned by that context, GLSL loading with includes and Java-injected defines, and the
 * shared primitives {@link dev.glimpse.optimize.gpu.PrefixSum} and {@link dev.glimpse.optimize.gpu.RadixSort}.
 *
 * <h2>Writing a kernel</h2>
 * One GLSL file per stage and direction under {@code shaders/} (e.g. {@code shaders/splat/project.comp}), owned
 * by one small Java class that declares its bindings and builds its program once:
 * <pre>{@code
 * final class ProjectKernel implements AutoCloseable {
 *     static final int WORKGROUP_SIZE = 128;
 *     static final Binding MEANS = Binding.storage("MEANS_BINDING", 0);      // [n][3] float
 *     static final Binding PROJECTED = Binding.storage("PROJECTED_BINDING", 1); // [n][4] float
 *     private final ComputeProgram program;
 *
 *     ProjectKernel(GlContext ctx) {
 *         program = ComputeProgram.builder(ctx, "splat/project.comp").localSize(WORKGROUP_SIZE)
 *                 .define("TILE_SIZE", 16).bindings(MEANS, PROJECTED).build();
 *     }
 *
 *     void run(GpuBuffer means, GpuBuffer projected, int n, Matrix4f viewProj) {
 *         program.bind(MEANS, means).bind(PROJECTED, projected);
 *         program.setUint("count", n);
 *         program.setMat4("viewProj", viewProj);
 *         program.dispatch(ComputeProgram.groupsFor(n, WORKGROUP_SIZE), 1, 1);
 *     }
 *
 *     public void close() { program.close(); }
 * }
 * }</pre>
 * and the shader starts with
 * <pre>{@code
 * #version 450
 * #include "gpu/atomics.glsl"          // includes first: it may add an #extension line
 * layout(local_size_x = LOCAL_SIZE_X) in;
 * layout(std430, binding = MEANS_BINDING) readonly buffer Means { float means[]; };  // [n][3] float
 * }</pre>
 * Dispatches order themselves after earlier shader writes (each issues a memory barrier first) and downloads
 * see all earlier dispatches, so kernels contain no barrier code. Tests extend {@code GpuTestSupport}
 * (optimize test-jar) for one poisoned-buffer context per class.
 */
package dev.glimpse.optimize.gpu;
