package dev.glimpse.datasets.image;

/**
 * Metric planar depth (distance along the camera's viewing axis, in world units) per pixel, row-major from the
 * top-left: depth [height][width]. A pixel is valid when its depth is finite and positive; 0 marks "no surface".
 */
public record DepthMap(int width, int height, float[] depth) {
    public DepthMap {
        if (width <= 0 || height <= 0 || depth.length != (long) width * height) {
            throw new IllegalArgumentException("depth data does not match " + width + "x" + height);
        }
    }

    public float get(int x, int y) {
        return depth[y * width + x];
    }

    public boolean isValid(int x, int y) {
        float d = get(x, y);
        return d > 0 && Float.isFinite(d);
    }

    public int validCount() {
        int n = 0;
        for (float d : depth) {
            if (d > 0 && Float.isFinite(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Shrinks by an integer factor, averaging only the valid depths of each block; a block with no valid depth
     * stays invalid. (Averaging across a depth edge blends surfaces, but the alternative, nearest, aliases.)
     */
    public DepthMap downscaled(int factor) {
        if (factor == 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        float d = depth[(y * factor + dy) * width + x * factor + dx];
                        if (d > 0 && Float.isFinite(d)) {
                            sum += d;
                            n++;
                        }
                    }
                }
                out[y * w + x] = n == 0 ? 0 : (float) (sum / n);
            }
        }
        return new DepthMap(w, h, out);
    }
}
