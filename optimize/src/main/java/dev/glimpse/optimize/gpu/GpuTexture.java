package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_RED;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.GL_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11C.glDeleteTextures;
import static org.lwjgl.opengl.GL30C.GL_R32F;
import static org.lwjgl.opengl.GL30C.GL_RGBA32F;
import static org.lwjgl.opengl.GL42C.GL_TEXTURE_UPDATE_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.glMemoryBarrier;
import static org.lwjgl.opengl.GL43C.GL_TEXTURE;
import static org.lwjgl.opengl.GL43C.glObjectLabel;
import static org.lwjgl.opengl.GL44C.glClearTexImage;
import static org.lwjgl.opengl.GL45C.glCreateTextures;
import static org.lwjgl.opengl.GL45C.glGetTextureImage;
import static org.lwjgl.opengl.GL45C.glTextureParameteri;
import static org.lwjgl.opengl.GL45C.glTextureStorage2D;
import static org.lwjgl.opengl.GL45C.glTextureSubImage2D;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A single-level 2D texture: render target, image load/store target of compute kernels, or display image.
 * Pixel data crosses the API as row-major float arrays with {@link Format#channels()} values per pixel.
 */
public final class GpuTexture extends GlResource {
    /** Supported storage formats. */
    public enum Format {
        RGBA32F(GL_RGBA32F, GL_RGBA, 4, 16),
        R32F(GL_R32F, GL_RED, 1, 4),
        /** 8-bit normalised, for display; floats are clamped to [0, 1] on upload. */
        RGBA8(GL_RGBA8, GL_RGBA, 4, 4);

        final int internalFormat;
        final int pixelFormat;
        private final int channels;
        private final int bytesPerPixel;

        Format(int internalFormat, int pixelFormat, int channels, int bytesPerPixel) {
            this.internalFormat = internalFormat;
            this.pixelFormat = pixelFormat;
            this.channels = channels;
            this.bytesPerPixel = bytesPerPixel;
        }

        public int channels() {
            return channels;
        }
    }

    private final int name;
    private final int width;
    private final int height;
    private final Format format;

    private GpuTexture(GlContext context, int width, int height, Format format, String label) {
        super(context, label);
        this.width = width;
        this.height = height;
        this.format = format;
        name = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(name, 1, format.internalFormat, width, height);
        glTextureParameteri(name, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(name, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glObjectLabel(GL_TEXTURE, name, label);
        context.trackBytes(bytes());
        if (GlContext.poisonNewBuffers()) {
            float[] noise = new float[width * height * format.channels];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = ThreadLocalRandom.current().nextFloat() * 1e3f - 500f;
            }
            upload(noise);
        }
    }

    /** Creates a texture with undefined contents (noise when poisoning). */
    public static GpuTexture create(GlContext context, int width, int height, Format format, String label) {
        if (width <= 0 || height <= 0) {
            throw new GpuException("GpuTexture '" + label + "': invalid size " + width + "x" + height);
        }
        return new GpuTexture(context, width, height, format, label);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Format format() {
        return format;
    }

    /** The GL texture name, only for interop (framebuffer attachment, ImGui image). */
    public int handle() {
        checkOpen();
        return name;
    }

    private long bytes() {
        return (long) width * height * format.bytesPerPixel;
    }

    /** Replaces all pixels; {@code pixels} is row-major, row 0 first, {@code channels()} floats per pixel. */
    public void upload(float[] pixels) {
        checkLength(pixels.length);
        glTextureSubImage2D(name, 0, 0, 0, width, height, format.pixelFormat, GL_FLOAT, pixels);
    }

    /** Reads all pixels back (row 0 first), after earlier shader image writes. */
    public float[] download() {
        checkOpen();
        context().checkThread();
        float[] pixels = new float[width * height * format.channels];
        glMemoryBarrier(GL_TEXTURE_UPDATE_BARRIER_BIT);
        glGetTextureImage(name, 0, format.pixelFormat, GL_FLOAT, pixels);
        return pixels;
    }

    /** Sets every pixel to {@code value} (one value per channel). */
    public void clear(float... value) {
        checkOpen();
        context().checkThread();
        if (value.length != format.channels) {
            throw new GpuException("GpuTexture '" + label() + "': clear needs " + format.channels + " values, got "
                    + value.length);
        }
        glClearTexImage(name, 0, format.pixelFormat, GL_FLOAT, value);
    }

    private void checkLength(int length) {
        checkOpen();
        context().checkThread();
        if (length != width * height * format.channels) {
            throw new GpuException("GpuTexture '" + label() + "': expected " + width * height * format.channels
                    + " floats for " + width + "x" + height + " " + format + ", got " + length);
        }
    }

    @Override
    protected void free() {
        glDeleteTextures(name);
        context().trackBytes(-bytes());
    }
}
