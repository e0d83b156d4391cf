package dev.glimpse.render.view;

import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.glDrawArrays;

import dev.glimpse.optimize.gpu.Barrier;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.render.gl.GraphicsProgram;
import dev.glimpse.render.gl.VertexArray;
import java.util.Map;

/**
 * The display pass: a fullscreen triangle whose fragment shader reads the rasteriser's output SSBOs directly
 * (no copy into a texture), in one of the image modes, and writes the splat depth for the overlays.
 */
public final class SplatDisplay implements AutoCloseable {
    static final int RGB_BINDING = 0;
    static final int ALPHA_BINDING = 1;
    static final int DEPTH_BINDING = 2;

    /** Colour maps for depth and opacity. */
    public enum ColourMap { RAMP, GREY }

    private final GlContext ctx;
    private final GraphicsProgram program;
    private final VertexArray noVertices;

    public SplatDisplay(GlContext ctx) {
        this.ctx = ctx;
        program = GraphicsProgram.of(ctx, "view/fullscreen.vert", "view/splat_display.frag", Map.of(
                "RGB_BINDING", RGB_BINDING, "ALPHA_BINDING", ALPHA_BINDING, "DEPTH_BINDING", DEPTH_BINDING,
                "MODE_RGB", RenderMode.RGB.ordinal(), "MODE_DEPTH", RenderMode.DEPTH.ordinal(),
                "MODE_OPACITY", RenderMode.OPACITY.ordinal(), "COLOUR_MAP_GREY", ColourMap.GREY.ordinal()));
        noVertices = new VertexArray(ctx, "display pass");
    }

    /**
     * Draws {@code image} into the current viewport (x, y, w, h in framebuffer pixels).
     *
     * @param depthRange  depths mapped to the ends of the colour map
     * @param near        near and far of the overlays' projection, for the depth written
     */
    public void draw(RasterOutput image, RenderMode mode, ColourMap map, float[] depthRange, float near, float far,
            float[] background, int[] viewport) {
        if (!mode.usesSplatImage()) {
            throw new IllegalArgumentException(mode + " is not drawn from the splat image");
        }
        ctx.barrier(Barrier.STORAGE);
        image.rgb().bindStorage(RGB_BINDING);
        image.alpha().bindStorage(ALPHA_BINDING);
        image.depth().bindStorage(DEPTH_BINDING);
        program.setInt("mode", mode.ordinal());
        program.setInt("colourMap", map.ordinal());
        program.setVec2("depthRange", depthRange[0], depthRange[1]);
        float[] ab = ClipMatrix.depthToNdc(near, far);
        program.setVec2("depthToWindow", ab[0], ab[1]);
        program.setVec3("background", background[0], background[1], background[2]);
        program.setVec4("viewport", viewport[0], viewport[1], viewport[2], viewport[3]);
        program.setIvec2("imageSize", image.width(), image.height());
        program.use();
        noVertices.bind();
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    @Override
    public void close() {
        noVertices.close();
        program.close();
    }
}
