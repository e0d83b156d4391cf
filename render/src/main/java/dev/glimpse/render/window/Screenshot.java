package dev.glimpse.render.window;

import static org.lwjgl.opengl.GL11C.GL_BACK;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL11C.glReadBuffer;
import static org.lwjgl.opengl.GL11C.glReadPixels;

import dev.glimpse.optimize.gpu.Barrier;
import dev.glimpse.optimize.gpu.GlContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lwjgl.system.MemoryUtil;

/** Reads the back buffer (before the swap, while it still holds the frame) into an image or a PNG file. */
public final class Screenshot {
    private Screenshot() {}

    /** The framebuffer region {x, y, w, h} as RGB bytes [h][w][3], row 0 at the top. */
    public static byte[] read(GlContext ctx, int[] region) {
        ctx.barrier(Barrier.FRAMEBUFFER);
        int w = region[2];
        int h = region[3];
        ByteBuffer pixels = MemoryUtil.memAlloc(4 * w * h);
        try {
            glReadBuffer(GL_BACK);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(region[0], region[1], w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            byte[] rgb = new byte[3 * w * h];
            for (int y = 0; y < h; y++) {
                int src = (h - 1 - y) * w * 4; // GL rows start at the bottom
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        rgb[3 * (y * w + x) + c] = pixels.get(src + 4 * x + c);
                    }
                }
            }
            return rgb;
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    /** Writes RGB bytes [h][w][3] as an 8-bit PNG, creating the parent folder. */
    public static void writePng(Path file, byte[] rgb, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                img.setRGB(x, y, (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available");
        }
    }
}
