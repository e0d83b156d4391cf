package dev.glimpse.render.ui;

import dev.glimpse.render.view.RenderMode;
import dev.glimpse.render.view.SplatDisplay;
import dev.glimpse.render.view.ViewerContent;
import dev.glimpse.render.view.ViewerSettings;
import dev.glimpse.render.view.ViewerState;
import imgui.ImGui;
import imgui.flag.ImGuiCond;
import imgui.type.ImInt;

/** The "View" panel: render mode, depth colour map and range, camera controls and the dataset camera list. */
final class ViewPanel {
    private final ImInt mode = new ImInt();
    private final ImInt map = new ImInt();

    void draw(ViewerState state) {
        ViewerSettings s = state.settings();
        ImGui.setNextWindowPos(8, 8, ImGuiCond.FirstUseEver);
        ImGui.setNextWindowSize(300, Math.min(520, state.viewport[3] - 50), ImGuiCond.FirstUseEver);
        if (ImGui.begin("View")) {
            mode.set(s.mode.ordinal());
            if (ImGui.combo("Mode", mode, labels())) {
                s.mode = RenderMode.values()[mode.get()];
            }
            if (s.mode == RenderMode.DEPTH || s.mode == RenderMode.OPACITY) {
                map.set(s.colourMap.ordinal());
                if (ImGui.combo("Colour map", map, new String[] {"ramp", "grey"})) {
                    s.colourMap = SplatDisplay.ColourMap.values()[map.get()];
                }
            }
            if (s.mode == RenderMode.DEPTH) {
                float step = Math.max(1e-3f, (s.depthRange[1] - s.depthRange[0]) * 0.005f);
                float[] near = {s.depthRange[0]};
                float[] far = {s.depthRange[1]};
                if (ImGui.dragFloat("Near", near, step) && near[0] < s.depthRange[1]) {
                    s.depthRange[0] = near[0];
                }
                if (ImGui.dragFloat("Far", far, step) && far[0] > s.depthRange[0]) {
                    s.depthRange[1] = far[0];
                }
                if (ImGui.button("Fit range to view") && state.renderer != null) {
                    float[] r = state.renderer.visibleDepthRange();
                    if (r != null) {
                        s.depthRange = r;
                    }
                }
            }
            if (s.mode == RenderMode.CENTRES || s.mode == RenderMode.POINTS) {
                float[] size = {s.pointSize};
                if (ImGui.sliderFloat("Point size", size, 1, 10)) {
                    s.pointSize = size[0];
                }
            }
            float[] fov = {(float) Math.toDegrees(state.camera().fovY())};
            if (ImGui.sliderFloat("Field of view", fov, 10, 120, "%.0f deg")) {
                state.camera().setFovY(Math.toRadians(fov[0]));
            }
            float[] scale = {s.renderScale};
            if (ImGui.sliderFloat("Render scale", scale, 0.25f, 1)) {
                s.renderScale = scale[0];
            }
            if (ImGui.checkbox("Lower resolution while moving", s.adaptiveResolution)) {
                s.adaptiveResolution = !s.adaptiveResolution;
            }
            ImGui.colorEdit3("Background", s.background);
            if (ImGui.checkbox("Fly (WASD + mouse)", s.fly)) {
                s.fly = !s.fly;
            }
            ImGui.sameLine();
            if (ImGui.checkbox("Frusta", s.showFrusta)) {
                s.showFrusta = !s.showFrusta;
            }
            if (ImGui.button("Frame scene (F)")) {
                state.camera().frame(state.content().centre(), state.content().radius());
            }
            ImGui.sameLine();
            if (ImGui.button("Screenshot (P)")) {
                s.screenshotRequested = true;
            }
            cameraList(state);
        }
        ImGui.end();
    }

    private static void cameraList(ViewerState state) {
        var cameras = state.content().cameras();
        if (cameras.isEmpty()) {
            ImGui.textDisabled("no dataset cameras (open a dataset, or a PLY with --dataset)");
            return;
        }
        ImGui.separator();
        ImGui.text("Cameras (click to snap, arrows step)");
        if (ImGui.beginListBox("##cameras", -1, -1)) {
            for (int i = 0; i < cameras.size(); i++) {
                ViewerContent.DatasetCamera c = cameras.get(i);
                boolean current = state.camera().snappedIndex() == i || state.settings().selectedCamera == i;
                if (ImGui.selectable(i + "  " + c.split() + "  " + c.name(), current)) {
                    state.snapTo(i);
                }
            }
            ImGui.endListBox();
        }
    }

    private static String[] labels() {
        RenderMode[] all = RenderMode.values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = (i + 1) + " " + all[i].label();
        }
        return out;
    }
}
