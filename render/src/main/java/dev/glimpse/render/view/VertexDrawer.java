package dev.glimpse.render.view;

import static org.lwjgl.opengl.GL11C.GL_LINES;
import static org.lwjgl.opengl.GL11C.GL_POINTS;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL32C.GL_PROGRAM_POINT_SIZE;

import dev.glimpse.optimize.gpu.Barrier;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.render.gl.GraphicsProgram;
import dev.glimpse.render.gl.VertexArray;
import java.util.Map;

/**
 * Draws points and line segments whose positions and colours sit in storage buffers: the optimiser's Gaussian
 * means (coloured by their SH DC term, read in place), input point clouds and camera frusta.
 */
public final class VertexDrawer implements AutoCloseable {
    static final int POSITION_BINDING = 0;
    static final int COLOUR_BINDING = 1;
    /** SH degree-0 basis constant: colour = 0.5 + C0 * dc (SPLATTING.md). */
    private static final float SH_C0 = 0.28209479177387814f;

    private final GlContext ctx;
    private final GraphicsProgram program;
    private final VertexArray vao;

    public VertexDrawer(GlContext ctx) {
        this.ctx = ctx;
        program = GraphicsProgram.of(ctx, "view/vertices.vert", "view/vertices.frag",
                Map.of("POSITION_BINDING", POSITION_BINDING, "COLOUR_BINDING", COLOUR_BINDING));
        vao = new VertexArray(ctx, "vertex pulling");
    }

    /** Points with RGB colours in [0, 1]: positions [n][3], colours [n][3]. */
    public void points(GpuBuffer positions, GpuBuffer colours, int n, float[] clipFromWorld, float size) {
        draw(GL_POINTS, positions, colours, n, 3, 1, 0, clipFromWorld, size);
    }

    /** Line segments: vertices 2k and 2k + 1 form segment k; positions [n][3], colours [n][3]. */
    public void lines(GpuBuffer positions, GpuBuffer colours, int n, float[] clipFromWorld) {
        draw(GL_LINES, positions, colours, n, 3, 1, 0, clipFromWorld, 1);
    }

    /** The Gaussian centres of {@code splats} in place, coloured by their base colour. */
    public void centres(SplatBuffers splats, float[] clipFromWorld, float size) {
        draw(GL_POINTS, splats.means(), splats.sh(), splats.count(), 3 * splats.shCoefficients(), SH_C0, 0.5f,
                clipFromWorld, size);
    }

    private void draw(int primitive, GpuBuffer positions, GpuBuffer colours, int n, int stride, float scale,
            float offset, float[] clipFromWorld, float size) {
        if (n <= 0) {
            return;
        }
        ctx.barrier(Barrier.STORAGE);
        positions.bindStorage(POSITION_BINDING);
        colours.bindStorage(COLOUR_BINDING);
        program.setMat4("clipFromWorld", clipFromWorld);
        program.setInt("colourStride", stride);
        program.setFloat("colourScale", scale);
        program.setFloat("colourOffset", offset);
        program.setFloat("pointSize", size);
        glEnable(GL_PROGRAM_POINT_SIZE);
        program.use();
        vao.bind();
        glDrawArrays(primitive, 0, n);
    }

    @Override
    public void close() {
        vao.close();
        program.close();
    }
}
