package dev.glimpse.datasets.image;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.NdArray;
import dev.glimpse.datasets.io.Npy;
import dev.glimpse.datasets.io.Pfm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A view's metric depth map on disk: 16-bit PNG (integer units, divided by {@code unitsPerMetre}; 0 = no surface,
 * and so is {@link #PNG_SATURATED}: renderers clamp the depth of rays that hit nothing, or hit something beyond the
 * 16-bit range, to it, so it is not a measured depth),
 * NumPy {@code .npy} or {@code .pfm} (float values, divided by {@code unitsPerMetre} as well, usually 1). Non-finite
 * or negative values are rejected: a depth prior with NaN in it would poison the optimiser silently.
 */
public record DepthFile(Path file, double unitsPerMetre, int fileWidth, int fileHeight, int downscale)
        implements Source<DepthMap> {
    /** The largest 16-bit value: a depth out of range (at least 65.535 m in millimetres), read as no surface. */
    public static final int PNG_SATURATED = 0xFFFF;

    public DepthFile {
        if (!(unitsPerMetre > 0) || !Double.isFinite(unitsPerMetre)) {
            throw new IllegalArgumentException(file + ": depth scale must be finite and positive");
        }
    }

    @Override
    public DepthMap load() throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DepthMap raw;
        if (name.endsWith(".png")) {
            raw = readPng();
        } else if (name.endsWith(".npy")) {
            raw = fromArray(Npy.read(file));
        } else if (name.endsWith(".pfm")) {
            raw = fromArray(Pfm.read(file));
        } else {
            throw new DatasetException(file, "unsupported depth format (16-bit PNG, .npy or .pfm expected)");
        }
        if (raw.width() != fileWidth || raw.height() != fileHeight) {
            throw new DatasetException(file, "depth map is " + raw.width() + "x" + raw.height()
                    + " but its image is " + fileWidth + "x" + fileHeight);
        }
        float[] d = raw.depth();
        float inv = (float) (1 / unitsPerMetre);
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i]) || d[i] < 0) {
                throw new DatasetException(file, "depth value " + d[i] + " at pixel (" + (i % raw.width()) + ", "
                        + (i / raw.width()) + ") is not a finite non-negative number");
            }
            d[i] *= inv;
        }
        return raw.downscaled(downscale);
    }

    /** A depth map from an (H, W) or (H, W, 1) array, as NumPy and greyscale PFM store one. */
    private DepthMap fromArray(NdArray a) throws DatasetException {
        boolean single = a.ndim() == 2 || (a.ndim() == 3 && a.shape(2) == 1);
        if (!single || a.size() == 0) {
            throw new DatasetException(file, "depth array has shape " + a.shapeString()
                    + ", expected (height, width) or (height, width, 1)");
        }
        return new DepthMap(a.shape(1), a.shape(0), a.asFloats());
    }

    private DepthMap readPng() throws IOException {
        int[] size = new int[2];
        int[] raw = ImageFiles.readChannel(file, size);
        float[] d = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            d[i] = raw[i] == PNG_SATURATED ? 0 : raw[i];
        }
        return new DepthMap(size[0], size[1], d);
    }
}
