/**
 * The desktop viewer ({@code glimpse view}).
 *
 * <p>Lifecycle, all on one thread: {@link dev.glimpse.render.window.GlfwWindow} opens the window and wraps its GL
 * context as the optimiser's {@code GlContext} -> the content is loaded into that context
 * ({@link dev.glimpse.render.view.ContentLoader}) -> the panels start (ImGui after the window's own input
 * callbacks, so it chains to them) -> each frame: input, a few training iterations, the 3D view
 * ({@link dev.glimpse.render.view.SceneRenderer}: the optimiser's rasteriser, then a display pass reading its
 * output buffers, then points, frusta and meshes), panels, screenshot, swap -> on close: training stops and keeps a
 * checkpoint, panels, renderer and content are freed, then the context and window. Packages: {@code window}
 * (GLFW, screenshots), {@code gl} (vertex/fragment programs), {@code view} (camera, drawing, the loop),
 * {@code ui} (ImGui panels), {@code live} (the optimiser inside the viewer).
 */
package dev.glimpse.render;
