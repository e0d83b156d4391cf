package dev.glimpse.datasets.image;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A view's colour image on disk. On load the file's size is checked against the size the camera expects
 * (a mismatch is a dataset error, not something to silently rescale), the image is shrunk by the downscale factor
 * and undistorted to pinhole.
 *
 * @param file         PNG or JPEG
 * @param fileWidth    width the file must have
 * @param fileHeight   height the file must have
 * @param downscale    integer factor applied after reading (1 when the file is already a downscaled copy)
 * @param undistortion lens correction at the loaded resolution (identity for pinhole cameras)
 */
public record ImageFile(Path file, int fileWidth, int fileHeight, int downscale, Undistortion undistortion)
        implements Source<RgbaImage> {

    @Override
    public RgbaImage load() throws IOException {
        RgbaImage img = ImageFiles.readRgba(file);
        if (img.width() != fileWidth || img.height() != fileHeight) {
            throw new DatasetException(file, "image is " + img.width() + "x" + img.height()
                    + " but its camera expects " + fileWidth + "x" + fileHeight);
        }
        return undistortion.apply(img.downscaled(downscale));
    }
}
