package dev.glimpse.render.ui;

import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuTexture;
import dev.glimpse.render.view.ViewerContent;
import dev.glimpse.render.view.ViewerState;
import imgui.ImGui;
import imgui.flag.ImGuiCond;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The selected dataset camera's ground truth beside the render and the error map, and the image tooltip shown
 * while the mouse is over a camera in the 3D view.
 */
final class SelectedViewPanel implements AutoCloseable {
    private static final int THUMBNAILS = 48;

    private final GlContext ctx;
    private final ViewComparison comparison;
    private final Map<String, GpuTexture> thumbnails = new LinkedHashMap<>(); // least recently used first
    private String error = "";

    SelectedViewPanel(GlContext ctx) {
        this.ctx = ctx;
        comparison = new ViewComparison(ctx);
    }

    void draw(ViewerState state) {
        ViewerContent content = state.content();
        int sel = state.settings().selectedCamera;
        if (content.scene() != null && sel >= 0 && sel < content.cameras().size()) {
            ViewerContent.DatasetCamera c = content.cameras().get(sel);
            try {
                comparison.update(content, c, state.gaussians(), state.activeShDegree(), state.gaussiansRevision(),
                        state.settings().background);
                error = "";
            } catch (IOException e) {
                error = e.getMessage();
            }
            int[] vp = state.viewport;
            float w = Math.min(200, (vp[2] - 700) / 3f);
            if (w >= 64 && comparison.truthImage() != null) {
                float h = w * comparison.truthImage().height() / comparison.truthImage().width();
                ImGui.setNextWindowPos(316, vp[3] - StatusBar.HEIGHT - h - 60, ImGuiCond.Appearing);
                if (ImGui.begin("Selected view: " + c.split() + " " + c.name() + "###selected")) {
                    image(comparison.truthImage(), w, h);
                    ImGui.sameLine();
                    image(comparison.renderImage(), w, h);
                    ImGui.sameLine();
                    image(comparison.errorImage(), w, h);
                    ImGui.text("ground truth / render / |error| x 4");
                    if (!error.isEmpty()) {
                        ImGui.textWrapped(error);
                    }
                }
                ImGui.end();
            }
        }
        int hov = state.settings().hoveredCamera;
        if (content.scene() != null && hov >= 0 && hov < content.cameras().size()) {
            ViewerContent.DatasetCamera c = content.cameras().get(hov);
            GpuTexture t = thumbnail(content, c, state.settings().background);
            ImGui.beginTooltip();
            ImGui.text(c.split() + " " + c.name() + " (click to snap)");
            if (t != null) {
                image(t, 160, 160f * t.height() / t.width());
            }
            ImGui.endTooltip();
        }
    }

    private static void image(GpuTexture t, float w, float h) {
        ImGui.image(t.handle(), w, h);
    }

    private GpuTexture thumbnail(ViewerContent content, ViewerContent.DatasetCamera c, float[] background) {
        String key = content.name() + "/" + c.index();
        GpuTexture t = thumbnails.remove(key);
        if (t == null) {
            try {
                FitViews.FitView v = FitViews.decode(content.scene(), c.index(), background);
                t = GpuTexture.create(ctx, v.camera().width(), v.camera().height(), GpuTexture.Format.RGBA8,
                        "thumbnail " + c.name());
                t.upload(ViewComparison.rgba(v.rgb()));
            } catch (IOException e) {
                return null;
            }
            if (thumbnails.size() >= THUMBNAILS) {
                var oldest = thumbnails.keySet().iterator().next();
                thumbnails.remove(oldest).close();
            }
        }
        thumbnails.put(key, t);
        return t;
    }

    @Override
    public void close() {
        thumbnails.values().forEach(GpuTexture::close);
        thumbnails.clear();
        comparison.close();
    }
}
