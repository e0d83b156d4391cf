package dev.glimpse.render.ui;

import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTexture;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.render.view.ViewerContent;
import java.io.IOException;

/**
 * Ground truth, render and error map of the selected dataset camera at its own resolution, as textures for the
 * panel. Renders with a rasteriser of its own, so the main view's cached image stays valid, and only when the
 * camera or the Gaussians changed. The error is computed on the GPU (no readback).
 */
final class ViewComparison implements AutoCloseable {
    private static final Binding RENDER = Binding.storage("RENDER_BINDING", 0);
    private static final Binding TRUTH = Binding.storage("TRUTH_BINDING", 1);
    private static final Binding RENDER_IMAGE = Binding.image("RENDER_IMAGE_BINDING", 0);
    private static final Binding ERROR_IMAGE = Binding.image("ERROR_IMAGE_BINDING", 1);
    private static final int GROUP = 16;

    private final GlContext ctx;
    private final SplatRasterizer rasterizer;
    private final ComputeProgram compare;
    private GpuBuffer truth;         // [H][W][3] float, composited over the background
    private GpuTexture truthImage;
    private GpuTexture renderImage;
    private GpuTexture errorImage;
    private String truthKey = "";
    private String renderKey = "";

    ViewComparison(GlContext ctx) {
        this.ctx = ctx;
        rasterizer = new SplatRasterizer(ctx);
        compare = ComputeProgram.builder(ctx, "view/compare_views.comp").localSize(GROUP, GROUP, 1)
                .bindings(RENDER, TRUTH, RENDER_IMAGE, ERROR_IMAGE).build();
    }

    /** Brings the textures up to date for camera {@code c}; gaussians may be null (ground truth only). */
    void update(ViewerContent content, ViewerContent.DatasetCamera c, SplatBuffers gaussians, int shDegree,
            long revision, float[] background) throws IOException {
        String tk = content.name() + "/" + c.index() + "/" + background[0] + background[1] + background[2];
        if (!tk.equals(truthKey)) {
            FitViews.FitView v = FitViews.decode(content.scene(), c.index(), background);
            closeImages();
            int w = v.camera().width();
            int h = v.camera().height();
            truth = GpuBuffer.of(ctx, "selected view truth", v.rgb());
            truthImage = GpuTexture.create(ctx, w, h, GpuTexture.Format.RGBA8, "selected view truth");
            truthImage.upload(rgba(v.rgb()));
            renderImage = GpuTexture.create(ctx, w, h, GpuTexture.Format.RGBA8, "selected view render");
            errorImage = GpuTexture.create(ctx, w, h, GpuTexture.Format.RGBA8, "selected view error");
            renderImage.clear(0, 0, 0, 1);
            errorImage.clear(0, 0, 0, 1);
            truthKey = tk;
            renderKey = "";
        }
        String rk = tk + "/" + revision + "/" + (gaussians == null ? 0 : gaussians.count());
        if (gaussians != null && gaussians.count() > 0 && !rk.equals(renderKey)) {
            RasterOutput out = rasterizer.forward(gaussians, shDegree, c.camera(), background);
            compare.bind(RENDER, out.rgb()).bind(TRUTH, truth)
                    .bind(RENDER_IMAGE, renderImage, ComputeProgram.Access.WRITE)
                    .bind(ERROR_IMAGE, errorImage, ComputeProgram.Access.WRITE);
            compare.setInt("width", out.width());
            compare.setInt("height", out.height());
            compare.setFloat("gain", 4);
            compare.dispatch((out.width() + GROUP - 1) / GROUP, (out.height() + GROUP - 1) / GROUP, 1);
            renderKey = rk;
        }
    }

    static float[] rgba(float[] rgb) {
        float[] out = new float[rgb.length / 3 * 4];
        for (int p = 0; p < rgb.length / 3; p++) {
            out[4 * p] = rgb[3 * p];
            out[4 * p + 1] = rgb[3 * p + 1];
            out[4 * p + 2] = rgb[3 * p + 2];
            out[4 * p + 3] = 1;
        }
        return out;
    }

    GpuTexture truthImage() {
        return truthImage;
    }

    GpuTexture renderImage() {
        return renderImage;
    }

    GpuTexture errorImage() {
        return errorImage;
    }

    private void closeImages() {
        for (var r : new dev.glimpse.optimize.gpu.GlResource[] {truth, truthImage, renderImage, errorImage}) {
            if (r != null) {
                r.close();
            }
        }
    }

    @Override
    public void close() {
        closeImages();
        compare.close();
        rasterizer.close();
    }
}
