package dev.glimpse.optimize.gpu;

import static org.lwjgl.egl.EGL10.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_DEBUG;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;

import java.util.List;
import java.util.OptionalInt;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EXTPlatformBase;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;

/** Creates a surfaceless OpenGL 4.5 core context on an EGL device (the recipe in shared/PLATFORM.md). */
final class EglHeadless {
    private static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;

    /** Native handles of a current headless context. */
    record Handles(long display, long context, GpuDevice device) {
        void destroy() {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            eglDestroyContext(display, context);
            eglTerminate(display);
        }
    }

    private EglHeadless() {
    }

    static Handles create(OptionalInt deviceIndex, boolean debug) {
        // Must precede GL.createCapabilities(): with libOpenGL.so.0 instead, Mesa hides int64 and 40+ extensions.
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        List<GpuDevice> devices = GpuDevices.list();
        long[] handles = GpuDevices.handles();
        if (devices.isEmpty()) {
            throw new GpuException("no EGL device found (no GPU driver and no Mesa llvmpipe)");
        }
        GpuDevice device = pick(devices, deviceIndex);
        long display = EXTPlatformBase.eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, handles[device.index()],
                (int[]) null);
        if (display == 0) {
            throw new GpuException("eglGetPlatformDisplayEXT failed for device " + device + ": " + error());
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            if (!eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1))) {
                throw new GpuException("eglInitialize failed for device " + device + ": " + error());
            }
            if (!eglBindAPI(EGL_OPENGL_API)) {
                eglTerminate(display);
                throw new GpuException("device " + device + " does not support desktop OpenGL: " + error());
            }
            // Explicit PBUFFER_BIT: the default WINDOW_BIT matches no config on the device platform.
            int[] configAttributes = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
            PointerBuffer configs = stack.mallocPointer(1);
            int[] numConfigs = new int[1];
            if (!eglChooseConfig(display, configAttributes, configs, numConfigs) || numConfigs[0] == 0) {
                eglTerminate(display);
                throw new GpuException("no OpenGL pbuffer EGL config on device " + device + ": " + error());
            }
            int[] contextAttributes = {EGL_CONTEXT_MAJOR_VERSION, 4, EGL_CONTEXT_MINOR_VERSION, 5,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_CONTEXT_OPENGL_DEBUG, debug ? 1 : 0, EGL_NONE};
            long context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, contextAttributes);
            if (context == EGL_NO_CONTEXT) {
                eglTerminate(display);
                throw new GpuException("device " + device + " cannot create an OpenGL 4.5 core context: " + error());
            }
            if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                eglDestroyContext(display, context);
                eglTerminate(display);
                throw new GpuException("eglMakeCurrent without surface failed on device " + device + ": " + error());
            }
            return new Handles(display, context, device);
        }
    }

    private static GpuDevice pick(List<GpuDevice> devices, OptionalInt deviceIndex) {
        if (deviceIndex.isPresent()) {
            int i = deviceIndex.getAsInt();
            if (i < 0 || i >= devices.size()) {
                throw new GpuException("GPU device index " + i + " does not exist; devices: " + devices);
            }
            return devices.get(i);
        }
        for (GpuDevice d : devices) {
            if (!d.software()) {
                return d;
            }
        }
        GpuDevice fallback = devices.get(0);
        System.err.println("glimpse: no hardware GPU found, using software rasteriser " + fallback
                + " (correct but slow)");
        return fallback;
    }

    private static String error() {
        return "EGL error 0x" + Integer.toHexString(eglGetError());
    }
}
