package dev.glimpse.datasets.image;

/** A binary foreground mask, row-major from the top-left: inside [height][width] (true = foreground). */
public record Mask(int width, int height, boolean[] inside) {
    public Mask {
        if (width <= 0 || height <= 0 || inside.length != (long) width * height) {
            throw new IllegalArgumentException("mask data does not match " + width + "x" + height);
        }
    }

    public boolean get(int x, int y) {
        return inside[y * width + x];
    }

    /** Shrinks by an integer factor; a block is foreground when at least half of it is. */
    public Mask downscaled(int factor) {
        if (factor == 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        if (inside[(y * factor + dy) * width + x * factor + dx]) {
                            n++;
                        }
                    }
                }
                out[y * w + x] = 2 * n >= factor * factor;
            }
        }
        return new Mask(w, h, out);
    }
}
