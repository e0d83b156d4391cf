package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL43C.GL_DEBUG_OUTPUT;
import static org.lwjgl.opengl.GL43C.GL_DEBUG_OUTPUT_SYNCHRONOUS;
import static org.lwjgl.opengl.GL43C.GL_DEBUG_SEVERITY_HIGH;
import static org.lwjgl.opengl.GL43C.GL_DEBUG_SEVERITY_MEDIUM;
import static org.lwjgl.opengl.GL43C.GL_DEBUG_TYPE_ERROR;
import static org.lwjgl.opengl.GL43C.glDebugMessageCallback;
import static org.lwjgl.opengl.GL11C.glEnable;

import java.util.ArrayDeque;
import java.util.Deque;
import org.lwjgl.opengl.GLDebugMessageCallback;

/**
 * KHR_debug callback installed when {@code -Dglimpse.gl.debug=true}. Exceptions cannot propagate out of a
 * native callback, so errors are queued and rethrown by {@link #throwPending()} (called after each dispatch);
 * performance and portability warnings of medium/high severity are logged to stderr.
 */
final class GlDebug implements AutoCloseable {
    static final boolean ENABLED = Boolean.getBoolean("glimpse.gl.debug");

    private final Deque<String> errors = new ArrayDeque<>();
    private final GLDebugMessageCallback callback;

    GlDebug() {
        callback = GLDebugMessageCallback.create((source, type, id, severity, length, message, user) -> {
            String text = GLDebugMessageCallback.getMessage(length, message);
            if (type == GL_DEBUG_TYPE_ERROR) {
                errors.add(text);
            } else if (severity == GL_DEBUG_SEVERITY_HIGH || severity == GL_DEBUG_SEVERITY_MEDIUM) {
                System.err.println("glimpse GL debug: " + text);
            }
        });
        glEnable(GL_DEBUG_OUTPUT);
        // Synchronous so the queued error belongs to the call that has just returned.
        glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
        glDebugMessageCallback(callback, 0);
    }

    void throwPending(String where) {
        if (!errors.isEmpty()) {
            String first = errors.poll();
            int more = errors.size();
            errors.clear();
            throw new GpuException("GL error after " + where + ": " + first + (more > 0 ? " (+" + more + " more)" : ""));
        }
    }

    @Override
    public void close() {
        glDebugMessageCallback(null, 0);
        callback.free();
    }
}
