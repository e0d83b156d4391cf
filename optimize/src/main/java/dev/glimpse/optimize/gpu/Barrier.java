package dev.glimpse.optimize.gpu;

import org.lwjgl.opengl.GL42C;
import org.lwjgl.opengl.GL43C;

/**
 * What earlier shader writes must become visible to, for {@link GlContext#barrier(Barrier...)}.
 * {@link ComputeProgram#dispatch} and the buffer/texture transfer methods already issue the barriers they need;
 * call this only when other GL work (vertex pulling, framebuffer reads, ...) consumes compute results.
 */
public enum Barrier {
    /** Later shader reads/writes of SSBOs. */
    STORAGE(GL43C.GL_SHADER_STORAGE_BARRIER_BIT),
    /** Later image load/store. */
    IMAGE(GL42C.GL_SHADER_IMAGE_ACCESS_BARRIER_BIT),
    /** Later indirect dispatch/draw arguments read from buffers. */
    COMMAND(GL42C.GL_COMMAND_BARRIER_BIT),
    /** Later buffer uploads, downloads, copies and clears. */
    BUFFER_UPDATE(GL42C.GL_BUFFER_UPDATE_BARRIER_BIT),
    /** Later texture sampling. */
    TEXTURE_FETCH(GL42C.GL_TEXTURE_FETCH_BARRIER_BIT),
    /** Later texture uploads and downloads. */
    TEXTURE_UPDATE(GL42C.GL_TEXTURE_UPDATE_BARRIER_BIT),
    /** Later framebuffer reads/writes (blits, glReadPixels, drawing into an image written by compute). */
    FRAMEBUFFER(GL42C.GL_FRAMEBUFFER_BARRIER_BIT),
    /** Later vertex attribute and index fetches from buffers. */
    VERTEX(GL42C.GL_VERTEX_ATTRIB_ARRAY_BARRIER_BIT | GL42C.GL_ELEMENT_ARRAY_BARRIER_BIT),
    /** Everything. */
    ALL(GL42C.GL_ALL_BARRIER_BITS);

    final int bits;

    Barrier(int bits) {
        this.bits = bits;
    }
}
