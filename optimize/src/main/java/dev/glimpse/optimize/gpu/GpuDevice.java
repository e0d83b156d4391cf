package dev.glimpse.optimize.gpu;

/**
 * One EGL device a headless context can be created on.
 *
 * @param index      position in {@link GpuDevices#list()}, accepted by {@link GlContext#headless}
 * @param name       renderer name when the driver reports one (EGL_EXT_device_query_name), else a DRM node
 *                   or a generic description
 * @param extensions the device extension string
 * @param software   true for a CPU rasteriser (EGL_MESA_device_software, i.e. llvmpipe)
 */
public record GpuDevice(int index, String name, String extensions, boolean software) {
    @Override
    public String toString() {
        return "#" + index + " " + name + (software ? " (software)" : "");
    }
}
