package dev.glimpse.render.ui;

import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.render.view.ViewerState;
import imgui.ImGui;
import imgui.flag.ImGuiWindowFlags;
import java.util.Locale;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;

/** The bottom line: frame rate and time, Gaussian count, GPU name, GPU memory in use, last message. */
final class StatusBar {
    /** GL_NVX_gpu_memory_info: total and currently available video memory in KiB. */
    private static final int GPU_MEMORY_TOTAL_KIB = 0x9048;
    private static final int GPU_MEMORY_AVAILABLE_KIB = 0x9049;
    static final float HEIGHT = 26;

    private double smoothedMs = 16;

    void draw(ViewerState state, double frameSeconds) {
        smoothedMs = 0.9 * smoothedMs + 0.1 * frameSeconds * 1000;
        int[] vp = state.viewport;
        ImGui.setNextWindowPos(0, vp[3] - HEIGHT);
        ImGui.setNextWindowSize(vp[2], HEIGHT);
        int flags = ImGuiWindowFlags.NoDecoration | ImGuiWindowFlags.NoMove | ImGuiWindowFlags.NoSavedSettings
                | ImGuiWindowFlags.NoFocusOnAppearing | ImGuiWindowFlags.NoNav;
        if (ImGui.begin("##status", flags)) {
            SplatBuffers g = state.gaussians();
            ImGui.text(String.format(Locale.ROOT, "%.1f fps  %.1f ms  |  %,d Gaussians  |  %s  |  %s  |  %s",
                    1000 / smoothedMs, smoothedMs, g == null ? 0 : g.count(), state.context().renderer(),
                    memory(state), state.message()));
        }
        ImGui.end();
    }

    /** Memory held by Glimpse's buffers, plus the driver's own figure where it reports one. */
    private static String memory(ViewerState state) {
        String own = String.format(Locale.ROOT, "%.0f MiB in buffers", state.context().bytesAllocated() / 1048576.0);
        if (GL.getCapabilities().GL_NVX_gpu_memory_info) {
            int total = GL11C.glGetInteger(GPU_MEMORY_TOTAL_KIB);
            int free = GL11C.glGetInteger(GPU_MEMORY_AVAILABLE_KIB);
            return own + String.format(Locale.ROOT, ", GPU %.0f / %.0f MiB used", (total - free) / 1024.0,
                    total / 1024.0);
        }
        return own;
    }
}
