package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL15C.glDeleteBuffers;
import static org.lwjgl.opengl.GL30C.GL_R32UI;
import static org.lwjgl.opengl.GL30C.GL_RED_INTEGER;
import static org.lwjgl.opengl.GL30C.glBindBufferRange;
import static org.lwjgl.opengl.GL30C.glBindBufferBase;
import static org.lwjgl.opengl.GL42C.GL_BUFFER_UPDATE_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.glMemoryBarrier;
import static org.lwjgl.opengl.GL43C.GL_BUFFER;
import static org.lwjgl.opengl.GL43C.GL_SHADER_STORAGE_BUFFER;
import static org.lwjgl.opengl.GL43C.glObjectLabel;
import static org.lwjgl.opengl.GL44C.GL_DYNAMIC_STORAGE_BIT;
import static org.lwjgl.opengl.GL45C.glClearNamedBufferSubData;
import static org.lwjgl.opengl.GL45C.glCopyNamedBufferSubData;
import static org.lwjgl.opengl.GL45C.glCreateBuffers;
import static org.lwjgl.opengl.GL45C.glGetNamedBufferSubData;
import static org.lwjgl.opengl.GL45C.glNamedBufferStorage;
import static org.lwjgl.opengl.GL45C.glNamedBufferSubData;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A GPU buffer (immutable GL 4.5 storage, resizable by reallocation) holding 32-bit words: float or uint arrays
 * read and written by compute shaders as SSBOs. Sizes and offsets are in bytes and must be multiples of 4.
 * Transfers issue the buffer-update barrier themselves, so a download always sees earlier dispatches.
 */
public final class GpuBuffer extends GlResource {
    private int name;
    private long size;
    private long allocated;

    private GpuBuffer(GlContext context, long bytes, String label) {
        super(context, label);
        allocate(bytes);
    }

    /** Creates a buffer of {@code bytes} bytes; its contents are undefined (random noise when poisoning). */
    public static GpuBuffer create(GlContext context, long bytes, String label) {
        return new GpuBuffer(context, bytes, label);
    }

    /** Creates a buffer holding a copy of {@code data}. */
    public static GpuBuffer of(GlContext context, String label, float[] data) {
        GpuBuffer buffer = create(context, 4L * data.length, label);
        buffer.upload(0, data);
        return buffer;
    }

    /** Creates a buffer holding a copy of {@code data}. */
    public static GpuBuffer of(GlContext context, String label, int[] data) {
        GpuBuffer buffer = create(context, 4L * data.length, label);
        buffer.upload(0, data);
        return buffer;
    }

    private void allocate(long bytes) {
        checkWords("size", bytes);
        // GL rejects zero-sized storage; an empty buffer still gets one word so it can be bound.
        long storage = Math.max(4, bytes);
        name = glCreateBuffers();
        glNamedBufferStorage(name, storage, GL_DYNAMIC_STORAGE_BIT);
        glObjectLabel(GL_BUFFER, name, label());
        size = bytes;
        allocated = storage;
        context().trackBytes(storage);
        if (GlContext.poisonNewBuffers()) {
            poison(0, storage);
        }
    }

    private void poison(long from, long to) {
        int[] noise = new int[(int) Math.min((to - from) / 4, 1 << 20)];
        for (long at = from; at < to; at += 4L * noise.length) {
            int words = (int) Math.min(noise.length, (to - at) / 4);
            int[] chunk = words == noise.length ? noise : new int[words];
            for (int i = 0; i < words; i++) {
                chunk[i] = ThreadLocalRandom.current().nextInt();
            }
            glNamedBufferSubData(name, at, chunk);
        }
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** Size in 32-bit words. */
    public long words() {
        return size / 4;
    }

    /** The GL buffer name, only for interop with code outside this layer (vertex pulling, ImGui). */
    public int handle() {
        checkOpen();
        return name;
    }

    public void upload(long byteOffset, float[] data) {
        checkRange(byteOffset, 4L * data.length);
        glNamedBufferSubData(name, byteOffset, data);
    }

    public void upload(long byteOffset, int[] data) {
        checkRange(byteOffset, 4L * data.length);
        glNamedBufferSubData(name, byteOffset, data);
    }

    /** Uploads the remaining bytes of {@code data} (position to limit; must be a direct buffer). */
    public void upload(long byteOffset, ByteBuffer data) {
        checkRange(byteOffset, data.remaining());
        glNamedBufferSubData(name, byteOffset, data);
    }

    public float[] downloadFloats() {
        return downloadFloats(0, (int) words());
    }

    public float[] downloadFloats(long byteOffset, int count) {
        float[] out = new float[count];
        if (prepareDownload(byteOffset, count)) {
            glGetNamedBufferSubData(name, byteOffset, out);
        }
        return out;
    }

    public int[] downloadInts() {
        return downloadInts(0, (int) words());
    }

    public int[] downloadInts(long byteOffset, int count) {
        int[] out = new int[count];
        if (prepareDownload(byteOffset, count)) {
            glGetNamedBufferSubData(name, byteOffset, out);
        }
        return out;
    }

    /** Checks the range and orders the readback after earlier shader writes; false when nothing is to read. */
    private boolean prepareDownload(long byteOffset, int count) {
        checkRange(byteOffset, 4L * count);
        glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
        return count > 0;
    }

    /** Reads {@code out.remaining()} bytes at {@code byteOffset} into the direct buffer {@code out}. */
    public void download(long byteOffset, ByteBuffer out) {
        checkRange(byteOffset, out.remaining());
        glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
        glGetNamedBufferSubData(name, byteOffset, out);
    }

    /** Sets every word to zero. */
    public void clear() {
        fill(0);
    }

    /** Sets every word to the bit pattern {@code value}. */
    public void fill(int value) {
        fill(0, size, value);
    }

    /** Sets every word to {@code value}. */
    public void fill(float value) {
        fill(0, size, Float.floatToRawIntBits(value));
    }

    /** Sets the words in [byteOffset, byteOffset + bytes) to the bit pattern {@code value}. */
    public void fill(long byteOffset, long bytes, int value) {
        checkRange(byteOffset, bytes);
        if (bytes == 0) {
            return;
        }
        glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
        glClearNamedBufferSubData(name, GL_R32UI, byteOffset, bytes, GL_RED_INTEGER, GL_UNSIGNED_INT,
                new int[] {value});
    }

    /** Copies this whole buffer to the start of {@code target}. */
    public void copyTo(GpuBuffer target) {
        copyTo(target, 0, 0, size);
    }

    public void copyTo(GpuBuffer target, long sourceOffset, long targetOffset, long bytes) {
        checkRange(sourceOffset, bytes);
        target.checkRange(targetOffset, bytes);
        if (bytes == 0) {
            return;
        }
        glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
        glCopyNamedBufferSubData(name, target.name, sourceOffset, targetOffset, bytes);
    }

    /** Binds the whole buffer to SSBO binding point {@code binding} (prefer {@link ComputeProgram#bind}). */
    public void bindStorage(int binding) {
        checkOpen();
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, binding, name);
    }

    /** Binds a byte range to SSBO binding point {@code binding}; offset must respect the SSBO alignment. */
    public void bindStorage(int binding, long byteOffset, long bytes) {
        checkRange(byteOffset, bytes);
        if (byteOffset % context().limits().storageOffsetAlignment() != 0) {
            throw new GpuException("GpuBuffer '" + label() + "': offset " + byteOffset
                    + " is not a multiple of the SSBO alignment " + context().limits().storageOffsetAlignment());
        }
        glBindBufferRange(GL_SHADER_STORAGE_BUFFER, binding, name, byteOffset, Math.max(4, bytes));
    }

    /**
     * Reallocates to {@code bytes}. With {@code keepContents} the common prefix is preserved; everything else is
     * undefined. Bindings made earlier refer to the old storage, so rebind after resizing.
     */
    public void resize(long bytes, boolean keepContents) {
        checkOpen();
        context().checkThread();
        int oldName = name;
        long oldSize = size;
        long oldAllocated = allocated;
        allocate(bytes);
        if (keepContents && Math.min(oldSize, bytes) > 0) {
            glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
            glCopyNamedBufferSubData(oldName, name, 0, 0, Math.min(oldSize, bytes));
        }
        glDeleteBuffers(oldName);
        context().trackBytes(-oldAllocated);
    }

    /** Grows (never shrinks, contents not kept) so that at least {@code bytes} fit; returns true if it grew. */
    public boolean ensureCapacity(long bytes) {
        if (bytes <= size) {
            return false;
        }
        resize(Math.max(bytes, size + size / 2 / 4 * 4), false);
        return true;
    }

    private void checkRange(long byteOffset, long bytes) {
        checkOpen();
        context().checkThread();
        checkWords("offset", byteOffset);
        checkWords("length", bytes);
        if (byteOffset < 0 || bytes < 0 || byteOffset + bytes > size) {
            throw new GpuException("GpuBuffer '" + label() + "': range [" + byteOffset + ", " + (byteOffset + bytes)
                    + ") is outside its " + size + " bytes");
        }
    }

    private void checkWords(String what, long bytes) {
        if (bytes % 4 != 0 || bytes < 0) {
            throw new GpuException("GpuBuffer '" + label() + "': " + what + " " + bytes
                    + " is not a non-negative multiple of 4 bytes");
        }
    }

    @Override
    protected void free() {
        glDeleteBuffers(name);
        context().trackBytes(-allocated);
    }
}
