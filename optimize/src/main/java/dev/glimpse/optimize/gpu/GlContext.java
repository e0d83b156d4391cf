package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VENDOR;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.opengl.GL30C.glGetIntegeri;
import static org.lwjgl.opengl.GL42C.glMemoryBarrier;
import static org.lwjgl.opengl.GL43C.GL_MAX_COMPUTE_SHARED_MEMORY_SIZE;
import static org.lwjgl.opengl.GL43C.GL_MAX_COMPUTE_WORK_GROUP_COUNT;
import static org.lwjgl.opengl.GL43C.GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS;
import static org.lwjgl.opengl.GL43C.GL_MAX_SHADER_STORAGE_BLOCK_SIZE;
import static org.lwjgl.opengl.GL43C.GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT;
import static org.lwjgl.opengl.GL32C.glGetInteger64;
import static org.lwjgl.opengl.GL11C.glGetInteger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

/**
 * An OpenGL 4.5 context and the owner of every GL object created on it (buffers, textures, programs, timers).
 * All calls must come from the thread that created or wrapped it. {@link #close()} frees the objects still open,
 * newest first, then destroys the native context if this object created it.
 *
 * <p>Platform differences (float atomics, int64) are decided here and reach shaders as defines
 * ({@link #shaderDefines()}), so kernel code carries no platform branches.
 */
public final class GlContext implements AutoCloseable {
    private static volatile boolean poisonNewBuffers;

    private final EglHeadless.Handles egl;
    private final GLCapabilities caps;
    private final Thread thread = Thread.currentThread();
    private final LinkedHashSet<GlResource> resources = new LinkedHashSet<>();
    private final GlDebug debug;
    private final String renderer;
    private final String vendor;
    private final String version;
    private final GpuLimits limits;
    private long bytesAllocated;
    private boolean closed;

    private GlContext(EglHeadless.Handles egl, GLCapabilities caps) {
        this.egl = egl;
        this.caps = caps;
        if (!caps.OpenGL45) {
            String v = glGetString(GL_VERSION);
            if (egl != null) {
                egl.destroy();
            }
            throw new GpuException("OpenGL 4.5 with compute shaders is required; the context reports " + v);
        }
        renderer = glGetString(GL_RENDERER);
        vendor = glGetString(GL_VENDOR);
        version = glGetString(GL_VERSION);
        limits = new GpuLimits(glGetInteger64(GL_MAX_SHADER_STORAGE_BLOCK_SIZE),
                glGetIntegeri(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 0), glGetIntegeri(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 1),
                glGetIntegeri(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 2), glGetInteger(GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS),
                glGetInteger(GL_MAX_COMPUTE_SHARED_MEMORY_SIZE), glGetInteger(GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT));
        debug = GlDebug.ENABLED ? new GlDebug() : null;
    }

    /**
     * Creates a surfaceless context through the EGL device platform and makes it current on this thread.
     *
     * @param deviceIndex index into {@link GpuDevices#list()}; empty picks the first hardware device, else the
     *                    software rasteriser (with a one-line notice on stderr)
     */
    public static GlContext headless(OptionalInt deviceIndex) {
        EglHeadless.Handles egl = EglHeadless.create(deviceIndex, GlDebug.ENABLED);
        GLCapabilities caps;
        try {
            caps = GL.createCapabilities();
        } catch (RuntimeException e) {
            egl.destroy();
            throw new GpuException("cannot load OpenGL functions for " + egl.device() + ": " + e.getMessage(), e);
        }
        return new GlContext(egl, caps);
    }

    /** Wraps the context current on this thread (e.g. a GLFW window's); {@link #close()} will not destroy it. */
    public static GlContext wrapCurrent() {
        GLCapabilities caps;
        try {
            caps = GL.getCapabilities();
        } catch (IllegalStateException notYetCreated) {
            caps = GL.createCapabilities();
        }
        return new GlContext(null, caps);
    }

    /** Test option: fill every newly created buffer with random bits, so code relying on zeroed memory fails. */
    public static void setPoisonNewBuffers(boolean poison) {
        poisonNewBuffers = poison;
    }

    static boolean poisonNewBuffers() {
        return poisonNewBuffers;
    }

    public String renderer() {
        return renderer;
    }

    public String vendor() {
        return vendor;
    }

    public String version() {
        return version;
    }

    /** The EGL device of a headless context; empty for a wrapped one. */
    public java.util.Optional<GpuDevice> device() {
        return java.util.Optional.ofNullable(egl == null ? null : egl.device());
    }

    /** True when running on a CPU rasteriser (llvmpipe): slow, so callers may shrink workloads. */
    public boolean isSoftware() {
        return renderer.contains("llvmpipe") || (egl != null && egl.device().software());
    }

    /** GL_NV_shader_atomic_float: native atomicAdd on float in SSBOs and shared memory. */
    public boolean hasNvAtomicFloat() {
        return caps.GL_NV_shader_atomic_float;
    }

    /** GL_ARB_gpu_shader_int64: 64-bit integer types in shaders. */
    public boolean hasInt64() {
        return caps.GL_ARB_gpu_shader_int64;
    }

    public GpuLimits limits() {
        return limits;
    }

    /**
     * Defines every program on this context gets (a program's own defines override them):
     * {@code GLIMPSE_NV_ATOMIC_FLOAT} and {@code GLIMPSE_INT64}, each 0 or 1.
     */
    public Map<String, String> shaderDefines() {
        return Map.of("GLIMPSE_NV_ATOMIC_FLOAT", hasNvAtomicFloat() ? "1" : "0",
                "GLIMPSE_INT64", hasInt64() ? "1" : "0");
    }

    /** Bytes currently held by open buffers and textures of this context. */
    public long bytesAllocated() {
        return bytesAllocated;
    }

    /** Makes earlier shader writes visible to the given later consumers (see {@link Barrier}). */
    public void barrier(Barrier... consumers) {
        int bits = 0;
        for (Barrier b : consumers) {
            bits |= b.bits;
        }
        checkThread();
        glMemoryBarrier(bits);
    }

    /** In debug mode ({@code -Dglimpse.gl.debug=true}) throws the first GL error reported since the last check. */
    public void checkErrors(String where) {
        if (debug != null) {
            debug.throwPending(where);
        }
    }

    void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new GpuException("GL called from thread '" + Thread.currentThread().getName()
                    + "' but the context belongs to '" + thread.getName() + "'");
        }
        if (closed) {
            throw new GpuException("GL context used after close()");
        }
    }

    void register(GlResource resource) {
        checkThread();
        resources.add(resource);
    }

    void unregister(GlResource resource) {
        resources.remove(resource);
    }

    void trackBytes(long delta) {
        bytesAllocated += delta;
    }

    /** Frees all still-open objects newest first, then destroys the native context if this object owns it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkThread();
        List<GlResource> open = new ArrayList<>(resources);
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (debug != null) {
            debug.close();
        }
        closed = true;
        if (egl != null) {
            GL.setCapabilities(null);
            egl.destroy();
        }
    }
}
