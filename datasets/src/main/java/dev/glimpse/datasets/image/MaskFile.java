package dev.glimpse.datasets.image;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A foreground mask stored as an image: a pixel is foreground when its first channel is at least half of the
 * maximum value (DTU's masks are 8-bit RGB with 0 or 255; nerfstudio's are single-channel).
 */
public record MaskFile(Path file, int fileWidth, int fileHeight, int downscale) implements Source<Mask> {
    @Override
    public Mask load() throws IOException {
        int[] size = new int[2];
        int[] raw = ImageFiles.readChannel(file, size);
        if (size[0] != fileWidth || size[1] != fileHeight) {
            throw new DatasetException(file, "mask is " + size[0] + "x" + size[1] + " but its image is "
                    + fileWidth + "x" + fileHeight);
        }
        int max = 0;
        for (int v : raw) {
            max = Math.max(max, v);
        }
        int threshold = max > 255 ? 32768 : 128;
        boolean[] inside = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            inside[i] = raw[i] >= threshold;
        }
        return new Mask(size[0], size[1], inside).downscaled(downscale);
    }
}
