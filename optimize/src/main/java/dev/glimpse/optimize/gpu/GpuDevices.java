package dev.glimpse.optimize.gpu;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.eglQueryString;

import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EXTDeviceBase;
import org.lwjgl.system.MemoryStack;

/** Enumerates the EGL devices (GPUs and software rasterisers) usable for a headless {@link GlContext}. */
public final class GpuDevices {
    private static final int EGL_RENDERER_EXT = 0x335F;
    private static final int EGL_DRM_DEVICE_FILE_EXT = 0x3233;
    private static final int MAX_DEVICES = 32;

    private GpuDevices() {
    }

    /** Lists all EGL devices in driver order; throws {@link GpuException} when EGL device enumeration is missing. */
    public static List<GpuDevice> list() {
        long[] handles = handles();
        List<GpuDevice> devices = new ArrayList<>(handles.length);
        for (int i = 0; i < handles.length; i++) {
            devices.add(describe(i, handles[i]));
        }
        return List.copyOf(devices);
    }

    /** Native EGLDeviceEXT handles in the same order as {@link #list()}. */
    static long[] handles() {
        requireClientExtension("EGL_EXT_device_enumeration", "EGL_EXT_device_base");
        requireClientExtension("EGL_EXT_platform_device", null);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer devices = stack.mallocPointer(MAX_DEVICES);
            int[] count = new int[1];
            if (!EXTDeviceBase.eglQueryDevicesEXT(devices, count)) {
                throw new GpuException("eglQueryDevicesEXT failed");
            }
            long[] handles = new long[count[0]];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = devices.get(i);
            }
            return handles;
        }
    }

    private static GpuDevice describe(int index, long device) {
        String extensions = orEmpty(EXTDeviceBase.eglQueryDeviceStringEXT(device, EGL_EXTENSIONS));
        boolean software = hasToken(extensions, "EGL_MESA_device_software");
        String name = null;
        if (hasToken(extensions, "EGL_EXT_device_query_name")) {
            name = EXTDeviceBase.eglQueryDeviceStringEXT(device, EGL_RENDERER_EXT);
        }
        if (name == null && hasToken(extensions, "EGL_EXT_device_drm")) {
            name = EXTDeviceBase.eglQueryDeviceStringEXT(device, EGL_DRM_DEVICE_FILE_EXT);
        }
        if (name == null) {
            name = software ? "Mesa llvmpipe" : "EGL device " + index;
        }
        return new GpuDevice(index, name, extensions, software);
    }

    /** Client extensions are read from the string: LWJGL's capability flags report them false although they work. */
    private static void requireClientExtension(String name, String alternative) {
        String client;
        try {
            client = orEmpty(eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS));
            EGL.getCapabilities();
        } catch (UnsatisfiedLinkError | IllegalStateException e) {
            throw new GpuException("EGL is not available (libEGL.so.1 missing?): " + e.getMessage(), e);
        }
        if (!hasToken(client, name) && (alternative == null || !hasToken(client, alternative))) {
            throw new GpuException("EGL client extension " + name + " is missing; cannot create a headless context");
        }
    }

    static boolean hasToken(String extensionString, String token) {
        for (String t : extensionString.split("\\s+")) {
            if (t.equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
