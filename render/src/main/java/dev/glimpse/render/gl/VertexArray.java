package dev.glimpse.render.gl;

import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GlResource;

/**
 * An empty vertex array object. The viewer's shaders pull their vertices from storage buffers by gl_VertexID, but
 * a core-profile context still refuses draw calls without a bound VAO.
 */
public final class VertexArray extends GlResource {
    private final int name;

    public VertexArray(GlContext context, String label) {
        super(context, label);
        name = glCreateVertexArrays();
    }

    public void bind() {
        checkOpen();
        glBindVertexArray(name);
    }

    @Override
    protected void free() {
        glDeleteVertexArrays(name);
    }
}
