package dev.glimpse.render.view;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.GL_DEPTH_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11C.GL_LEQUAL;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;
import static org.lwjgl.opengl.GL11C.glDepthFunc;
import static org.lwjgl.opengl.GL11C.glDepthMask;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL11C.glViewport;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.splat.SplatRasterizer;

/**
 * Draws one frame of the 3D view: the splats through the rasteriser (re-rendered only when the camera, the
 * Gaussians or the image size changed) and the display pass, then input points, Gaussian centres, meshes and
 * camera frusta with GL's depth test against the splat depth. The Gaussians are read from the buffers they live
 * in (the optimiser's, during live training).
 */
public final class SceneRenderer implements AutoCloseable {
    private final GlContext ctx;
    private final SplatRasterizer rasterizer;
    private final SplatDisplay display;
    private final VertexDrawer vertices;
    private final GpuBuffer frustumPositions;
    private final GpuBuffer frustumColours;
    private int frustumVertices;
    private String frustumKey = "";
    private RasterOutput image;
    private String imageKey = "";
    private int splatRenders;
    private final GpuTimer timer; // nullable

    public SceneRenderer(GlContext ctx) {
        this(ctx, null);
    }

    /** @param timer optional: receives the rasteriser's stages (project, sort, rasterize) and "display", "overlays" */
    public SceneRenderer(GlContext ctx, GpuTimer timer) {
        this.ctx = ctx;
        this.timer = timer;
        rasterizer = new SplatRasterizer(ctx, timer);
        display = new SplatDisplay(ctx);
        vertices = new VertexDrawer(ctx);
        frustumPositions = GpuBuffer.create(ctx, 16, "frustum positions");
        frustumColours = GpuBuffer.create(ctx, 16, "frustum colours");
    }

    /**
     * Draws into the viewport {x, y, w, h} of the current framebuffer.
     *
     * @param gaussians      the splats to show (null: none)
     * @param gaussiansRevision changes whenever the splats' contents change (live training), to refresh the image
     */
    public void draw(ViewerContent content, SplatBuffers gaussians, long gaussiansRevision, int activeShDegree,
            ViewCamera camera, ViewerSettings s, int[] viewport) {
        glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
        glClearColor(s.background[0], s.background[1], s.background[2], 1);
        glDepthMask(true);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        int w = Math.max(1, Math.round(viewport[2] * s.frameScale));
        int h = Math.max(1, Math.round(viewport[3] * s.frameScale));
        SplatCamera overlayCamera = camera.splatCamera(viewport[2], viewport[3]);
        float near = (float) Math.max(1e-3, content.radius() * 1e-3);
        float far = (float) (content.radius() * 100 + ViewMath.distance(camera.eye(), content.centre()) * 4);
        float[] clip = ClipMatrix.clipFromWorld(overlayCamera, near, far);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        if (s.mode.usesSplatImage() && gaussians != null && gaussians.count() > 0) {
            RasterOutput out = render(gaussians, gaussiansRevision, activeShDegree, camera.splatCamera(w, h),
                    camera.revision(), s.background);
            try (GpuTimer.Stage t = stage("display")) {
                display.draw(out, s.mode, s.colourMap, s.depthRange, near, far, s.background, viewport);
            }
        } else if (s.mode == RenderMode.CENTRES && gaussians != null) {
            vertices.centres(gaussians, clip, s.pointSize);
        } else if (s.mode == RenderMode.POINTS && content.points() != null) {
            ViewerContent.PointSet p = content.points();
            vertices.points(p.positions(), p.colours(), p.count(), clip, s.pointSize);
        } else if (s.mode == RenderMode.MESH && content.mesh() != null) {
            content.mesh().draw(clip, camera.eye());
        }
        if (s.showFrusta && !content.cameras().isEmpty()) {
            try (GpuTimer.Stage t = stage("overlays")) {
                updateFrusta(content, s, camera.snappedIndex());
                vertices.lines(frustumPositions, frustumColours, frustumVertices, clip);
            }
        }
        glDisable(GL_DEPTH_TEST);
    }

    /** The splat image for this camera, re-rendered only when something it depends on changed. */
    private RasterOutput render(SplatBuffers g, long revision, int sh, SplatCamera cam, long cameraRevision,
            float[] background) {
        String key = cameraRevision + "/" + revision + "/" + g.count() + "/" + cam.width() + "x" + cam.height()
                + "/" + sh + "/" + background[0] + "," + background[1] + "," + background[2] + "/" + cam.fx();
        if (image == null || !key.equals(imageKey)) {
            image = rasterizer.forward(g, sh, cam, background);
            imageKey = key;
            splatRenders++;
        }
        return image;
    }

    private GpuTimer.Stage stage(String name) {
        return timer == null ? null : timer.stage(name);
    }

    /**
     * The 2nd to 98th percentile of the expected depth over the pixels the current splat image covers (alpha above
     * one half), for fitting the depth colour map to the view; null when nothing is covered. One readback.
     */
    public float[] visibleDepthRange() {
        if (image == null || imageKey.isEmpty()) {
            return null;
        }
        float[] depth = rasterizer.readDepth(image);
        float[] alpha = rasterizer.readAlpha(image);
        float[] z = new float[depth.length];
        int n = 0;
        for (int i = 0; i < depth.length; i++) {
            if (alpha[i] > 0.5f) {
                z[n++] = depth[i] / alpha[i];
            }
        }
        if (n == 0) {
            return null;
        }
        java.util.Arrays.sort(z, 0, n);
        float lo = z[(int) (0.02 * (n - 1))];
        float hi = z[(int) Math.ceil(0.98 * (n - 1))];
        return hi > lo ? new float[] {lo, hi} : new float[] {lo * 0.9f, lo * 1.1f + 1e-6f};
    }

    /** Forgets the cached splat image (the next frame renders again, e.g. for timing). */
    public void invalidate() {
        imageKey = "";
    }

    /** How many times the splats were rasterised (a frame that reuses the cached image does not count). */
    public int splatRenders() {
        return splatRenders;
    }

    /** The rasteriser the view draws with (its last output is the image on screen). */
    public SplatRasterizer rasterizer() {
        return rasterizer;
    }

    private void updateFrusta(ViewerContent content, ViewerSettings s, int skip) {
        String key = content.cameras().size() + "/" + s.selectedCamera + "/" + s.hoveredCamera + "/" + skip;
        if (key.equals(frustumKey)) {
            return;
        }
        float[][] f = Frusta.build(content.cameras(), 0.08 * content.radius() + 0.02, s.selectedCamera,
                s.hoveredCamera, skip);
        frustumPositions.ensureCapacity(4L * f[0].length);
        frustumColours.ensureCapacity(4L * f[1].length);
        if (f[0].length > 0) {
            frustumPositions.upload(0, f[0]);
            frustumColours.upload(0, f[1]);
        }
        frustumVertices = f[0].length / 3;
        frustumKey = key;
    }

    @Override
    public void close() {
        frustumColours.close();
        frustumPositions.close();
        vertices.close();
        display.close();
        rasterizer.close();
    }
}
