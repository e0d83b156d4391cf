package dev.glimpse.datasets.image;

import dev.glimpse.datasets.DatasetException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decoding of 8- and 16-bit PNG and JPEG files into Glimpse's image types, through javax.imageio. */
public final class ImageFiles {
    private ImageFiles() {}

    /** Width and height from the file's header, without decoding the pixels. */
    public static int[] size(Path file) throws IOException {
        requireFile(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetException(file, "not a readable image (PNG or JPEG expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "cannot read image header (" + e.getMessage() + ")", e);
        }
    }

    /** Reads an image as float RGBA in [0, 1]; grey images are expanded to RGB, images without alpha get 1. */
    public static RgbaImage readRgba(Path file) throws IOException {
        Raster raster = decode(file).getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        float scale = 1f / maxValue(raster);
        float[] out = new float[w * h * 4];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 4;
                int i = x * bands;
                if (bands >= 3) {
                    out[o] = row[i] * scale;
                    out[o + 1] = row[i + 1] * scale;
                    out[o + 2] = row[i + 2] * scale;
                    out[o + 3] = bands >= 4 ? row[i + 3] * scale : 1;
                } else {
                    float g = row[i] * scale;
                    out[o] = g;
                    out[o + 1] = g;
                    out[o + 2] = g;
                    out[o + 3] = bands == 2 ? row[i + 1] * scale : 1;
                }
            }
        }
        return new RgbaImage(w, h, out, bands == 2 || bands >= 4);
    }

    /**
     * Reads the first channel of an image as raw integers (0..65535 for 16-bit PNG), row-major: the storage of
     * depth maps and masks.
     */
    public static int[] readChannel(Path file, int[] sizeOut) throws IOException {
        Raster raster = decode(file).getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        sizeOut[0] = w;
        sizeOut[1] = h;
        return raster.getSamples(0, 0, w, h, 0, new int[w * h]);
    }

    /**
     * Writes interleaved float colour in [0, 1] (values outside are clamped; the first 3 channels of each
     * {@code stride}-float pixel) as an 8-bit RGB PNG, through a temporary file.
     */
    public static void writeRgbPng(Path file, float[] data, int width, int height, int stride) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int[] row = new int[width * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = data[(y * width + x) * stride + c];
                    row[x * 3 + c] = Math.round(Math.min(1f, Math.max(0f, Float.isNaN(v) ? 0f : v)) * 255f);
                }
            }
            img.getRaster().setPixels(0, y, width, 1, row);
        }
        writePng(file, img);
    }

    /** Writes integers 0..65535 as a 16-bit greyscale PNG (depth maps with a scale), through a temporary file. */
    public static void writeGrey16Png(Path file, int[] values, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 65535) {
                throw new IllegalArgumentException("16-bit PNG value out of range: " + values[i]);
            }
        }
        img.getRaster().setSamples(0, 0, width, height, 0, values);
        writePng(file, img);
    }

    private static void writePng(Path file, BufferedImage img) throws IOException {
        dev.glimpse.datasets.io.AtomicWrite.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The largest value one sample of the raster can hold (255 for 8-bit, 65535 for 16-bit). */
    static int maxValue(Raster raster) {
        int bits = raster.getSampleModel().getSampleSize(0);
        return (1 << bits) - 1;
    }

    private static BufferedImage decode(Path file) throws IOException {
        requireFile(file);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "cannot decode image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new DatasetException(file, "not a readable image (PNG or JPEG expected)");
        }
        return img;
    }

    static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "file not found");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(file, "file is not readable");
        }
    }

    /** Wraps the JDK's missing-file exception in the project's one-line form. */
    static IOException explain(Path file, IOException e) {
        if (e instanceof DatasetException) {
            return e;
        }
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file, "file not found");
        }
        return new DatasetException(file, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
