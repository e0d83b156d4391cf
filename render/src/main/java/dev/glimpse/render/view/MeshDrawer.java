package dev.glimpse.render.view;

import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.glDrawArrays;

import dev.glimpse.datasets.ply.TriangleMesh;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.render.gl.GraphicsProgram;
import dev.glimpse.render.gl.VertexArray;
import java.util.Map;

/** A PLY triangle mesh on the GPU and its faceted drawing. */
public final class MeshDrawer implements AutoCloseable {
    static final int POSITION_BINDING = 0;
    static final int COLOUR_BINDING = 1;
    static final int INDEX_BINDING = 2;

    private final GraphicsProgram program;
    private final VertexArray vao;
    private final GpuBuffer positions; // [v][3] float
    private final GpuBuffer colours;   // [v][3] float in [0, 1]
    private final GpuBuffer indices;   // [t][3] uint
    private final int triangles;

    public MeshDrawer(GlContext ctx, TriangleMesh mesh) {
        program = GraphicsProgram.of(ctx, "view/mesh.vert", "view/mesh.frag", Map.of("POSITION_BINDING",
                POSITION_BINDING, "COLOUR_BINDING", COLOUR_BINDING, "INDEX_BINDING", INDEX_BINDING));
        vao = new VertexArray(ctx, "mesh");
        positions = GpuBuffer.of(ctx, "mesh positions", mesh.vertices());
        float[] rgb = new float[3 * mesh.vertexCount()];
        byte[] vc = mesh.vertexColors();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = vc == null ? 0.8f : (vc[i] & 0xff) / 255f;
        }
        colours = GpuBuffer.of(ctx, "mesh colours", rgb);
        indices = GpuBuffer.of(ctx, "mesh triangles", mesh.triangles());
        triangles = mesh.triangleCount();
    }

    public void draw(float[] clipFromWorld, double[] eye) {
        positions.bindStorage(POSITION_BINDING);
        colours.bindStorage(COLOUR_BINDING);
        indices.bindStorage(INDEX_BINDING);
        program.setMat4("clipFromWorld", clipFromWorld);
        program.setVec3("eye", (float) eye[0], (float) eye[1], (float) eye[2]);
        program.use();
        vao.bind();
        glDrawArrays(GL_TRIANGLES, 0, 3 * triangles);
    }

    public int triangles() {
        return triangles;
    }

    @Override
    public void close() {
        vao.close();
        indices.close();
        colours.close();
        positions.close();
        program.close();
    }
}
