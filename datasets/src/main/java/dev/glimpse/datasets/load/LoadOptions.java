package dev.glimpse.datasets.load;

/**
 * How to load a dataset.
 *
 * @param downscale integer image downscale factor (1 = full size); loaders prefer a matching pre-shrunk
 *                  {@code images_N} folder when the format has one
 */
public record LoadOptions(int downscale) {
    public LoadOptions {
        if (downscale < 1) {
            throw new IllegalArgumentException("downscale must be >= 1, got " + downscale);
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(1);
    }
}
