package dev.glimpse.render.window;

import static org.lwjgl.glfw.GLFW.*;

import dev.glimpse.optimize.gpu.GlContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.glfw.GLFWDropCallback;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryStack;

/**
 * A GLFW window with an OpenGL 4.5 core context current on the calling thread, wrapped as a {@link GlContext} so
 * the optimiser's kernels and buffers work in it unchanged. Files dropped onto the window are queued for
 * {@link #takeDropped()}. Create and use it on one thread; {@link #close()} frees the context's objects first.
 */
public final class GlfwWindow implements AutoCloseable {
    private final long handle;
    private final GlContext context;
    private final List<Path> dropped = new ArrayList<>();
    private final GLFWErrorCallback errors;
    private String lastError = "";

    /**
     * Opens a window of {@code width} x {@code height} framebuffer pixels.
     *
     * @param vsync wait for the display's refresh in {@link #swap()} (off for timing)
     */
    public GlfwWindow(String title, int width, int height, boolean vsync) {
        errors = GLFWErrorCallback.create((code, description) ->
                lastError = GLFWErrorCallback.getDescription(description));
        glfwSetErrorCallback(errors);
        // X11 explicitly: GLFW otherwise probes Wayland first and prints a warning where there is none (Xvfb).
        if (glfwPlatformSupported(GLFW_PLATFORM_X11)) {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        }
        if (!glfwInit()) {
            releaseErrors();
            throw new WindowUnavailableException("cannot open a window (no display? set DISPLAY or run under xvfb-run): "
                    + lastError);
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 5);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        handle = glfwCreateWindow(width, height, title, 0, 0);
        if (handle == 0) {
            glfwTerminate();
            releaseErrors();
            throw new WindowUnavailableException("cannot create an OpenGL 4.5 core window: " + lastError);
        }
        glfwMakeContextCurrent(handle);
        glfwSwapInterval(vsync ? 1 : 0);
        GL.createCapabilities();
        context = GlContext.wrapCurrent();
        glfwSetDropCallback(handle, (window, count, names) -> {
            for (int i = 0; i < count; i++) {
                dropped.add(Path.of(GLFWDropCallback.getName(names, i)));
            }
        });
    }

    public long handle() {
        return handle;
    }

    public GlContext context() {
        return context;
    }

    /** Framebuffer size {width, height} in pixels. */
    public int[] framebufferSize() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            var h = stack.mallocInt(1);
            glfwGetFramebufferSize(handle, w, h);
            return new int[] {w.get(0), h.get(0)};
        }
    }

    public boolean shouldClose() {
        return glfwWindowShouldClose(handle);
    }

    public void requestClose() {
        glfwSetWindowShouldClose(handle, true);
    }

    public void setTitle(String title) {
        glfwSetWindowTitle(handle, title);
    }

    public void pollEvents() {
        glfwPollEvents();
    }

    public void swap() {
        glfwSwapBuffers(handle);
    }

    /** Paths dropped since the last call, oldest first. */
    public List<Path> takeDropped() {
        List<Path> out = List.copyOf(dropped);
        dropped.clear();
        return out;
    }

    @Override
    public void close() {
        context.close();
        org.lwjgl.glfw.Callbacks.glfwFreeCallbacks(handle);
        glfwDestroyWindow(handle);
        GL.setCapabilities(null);
        glfwTerminate();
        releaseErrors();
    }

    /** Unhooks before freeing: GLFW keeps the pointer, and a later window would otherwise wrap a freed callback. */
    private void releaseErrors() {
        glfwSetErrorCallback(null);
        errors.free();
    }
}
