package dev.glimpse.datasets.image;

/**
 * An image as float RGBA in [0, 1], row-major from the top-left pixel: data [height][width][4]. Colour values are
 * as stored in the file (sRGB-encoded for PNG/JPEG), which is what Gaussian splatting trains on; {@link #toLinear}
 * converts when linear light is wanted. Images without an alpha channel have alpha 1.
 */
public record RgbaImage(int width, int height, float[] data, boolean hasAlpha) {
    public RgbaImage {
        if (width <= 0 || height <= 0 || data.length != (long) width * height * 4) {
            throw new IllegalArgumentException("image data does not match " + width + "x" + height + "x4");
        }
    }

    public float get(int x, int y, int channel) {
        return data[(y * width + x) * 4 + channel];
    }

    /**
     * Composites over a background colour (RGB in [0, 1]); the result is opaque. RGBA datasets (NeRF-synthetic)
     * train against a fixed background, white by convention.
     */
    public RgbaImage over(float[] background) {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i += 4) {
            float a = data[i + 3];
            for (int c = 0; c < 3; c++) {
                out[i + c] = data[i + c] * a + background[c] * (1 - a);
            }
            out[i + 3] = 1;
        }
        return new RgbaImage(width, height, out, false);
    }

    /** The sRGB transfer function undone on the colour channels (alpha unchanged). */
    public RgbaImage toLinear() {
        float[] out = data.clone();
        for (int i = 0; i < out.length; i += 4) {
            for (int c = 0; c < 3; c++) {
                out[i + c] = srgbToLinear(out[i + c]);
            }
        }
        return new RgbaImage(width, height, out, hasAlpha);
    }

    static float srgbToLinear(float s) {
        return s <= 0.04045f ? s / 12.92f : (float) Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /**
     * Shrinks by an integer factor with a box filter (the mean of each factor x factor block), the way image
     * pyramids are made; colour is averaged weighted by alpha so transparent pixels do not bleed their colour.
     */
    public RgbaImage downscaled(int factor) {
        if (factor == 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        float[] out = new float[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 0, g = 0, b = 0, a = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int i = ((y * factor + dy) * width + x * factor + dx) * 4;
                        double al = data[i + 3];
                        r += data[i] * al;
                        g += data[i + 1] * al;
                        b += data[i + 2] * al;
                        a += al;
                    }
                }
                int o = (y * w + x) * 4;
                double n = factor * factor;
                out[o + 3] = (float) (a / n);
                if (a > 0) {
                    out[o] = (float) (r / a);
                    out[o + 1] = (float) (g / a);
                    out[o + 2] = (float) (b / a);
                }
            }
        }
        return new RgbaImage(w, h, out, hasAlpha);
    }
}
