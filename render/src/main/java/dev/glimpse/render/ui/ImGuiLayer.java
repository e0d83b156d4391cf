package dev.glimpse.render.ui;

import imgui.ImGui;
import imgui.extension.implot.ImPlot;
import imgui.gl3.ImGuiImplGl3;
import imgui.glfw.ImGuiImplGlfw;

/**
 * Dear ImGui (with ImPlot) on a GLFW window: context creation, the per-frame begin/end in the order the
 * imgui-java 1.88 backends need, and a shutdown that tolerates the Xvfb cursor-theme failure (shared/PLATFORM.md).
 * Create it after the window's own input callbacks, so ImGui chains to them.
 */
final class ImGuiLayer implements AutoCloseable {
    private final ImGuiImplGlfw glfw = new ImGuiImplGlfw();
    private final ImGuiImplGl3 gl3 = new ImGuiImplGl3();

    ImGuiLayer(long window) {
        ImGui.createContext();
        ImPlot.createContext();
        ImGui.getIO().setIniFilename(null); // no imgui.ini beside the user's files; layout comes from code
        glfw.init(window, true);
        gl3.init("#version 450");
    }

    void begin() {
        gl3.newFrame();
        glfw.newFrame();
        ImGui.newFrame();
    }

    void end() {
        ImGui.render();
        gl3.renderDrawData(ImGui.getDrawData());
    }

    boolean wantsMouse() {
        return ImGui.getIO().getWantCaptureMouse();
    }

    boolean wantsKeyboard() {
        return ImGui.getIO().getWantCaptureKeyboard();
    }

    @Override
    public void close() {
        gl3.shutdown();
        try {
            glfw.shutdown();
        } catch (NullPointerException xvfbCursorTheme) {
            // glfwDestroyCursor fails on cursors Xvfb never created; nothing is left to free.
        }
        ImPlot.destroyContext();
        ImGui.destroyContext();
    }
}
