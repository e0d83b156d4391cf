package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes cameras.txt, images.txt and points3D.txt with COLMAP's header comments and number spelling
 * ({@link ColmapNumbers}), records in model order, so COLMAP's own output read and written again is reproduced
 * byte for byte.
 */
final class ColmapTextWriter {
    private ColmapTextWriter() {}

    static void write(ColmapModel model, Path dir) throws IOException {
        Path imagesFile = dir.resolve(ColmapText.IMAGES);
        for (ColmapModel.Image image : model.images()) {
            if (image.name().chars().anyMatch(Character::isWhitespace)) {
                throw new DatasetException(imagesFile, "image " + Integer.toUnsignedString(image.id()) + " name '"
                        + image.name() + "' contains whitespace, which the text format cannot hold");
            }
        }
        writeText(dir.resolve(ColmapText.CAMERAS), w -> writeCameras(model, w));
        writeText(imagesFile, w -> writeImages(model, w));
        writeText(dir.resolve(ColmapText.POINTS3D), w -> writePoints(model, w));
    }

    private interface TextBody {
        void writeTo(Writer w) throws IOException;
    }

    private static void writeText(Path file, TextBody body) throws IOException {
        AtomicWrite.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.writeTo(w);
            w.flush();
        });
    }

    private static StringBuilder appendNumbers(StringBuilder line, double[] values) {
        for (double v : values) {
            line.append(' ').append(ColmapNumbers.format(v));
        }
        return line;
    }

    private static void writeCameras(ColmapModel model, Writer w) throws IOException {
        w.write("# Camera list with one line of data per camera:\n");
        w.write("#   CAMERA_ID, MODEL, WIDTH, HEIGHT, PARAMS[]\n");
        w.write("# Number of cameras: " + model.cameras().size() + "\n");
        StringBuilder line = new StringBuilder();
        for (ColmapModel.Camera c : model.cameras()) {
            line.setLength(0);
            line.append(Integer.toUnsignedString(c.id())).append(' ').append(c.model().name())
                    .append(' ').append(c.width()).append(' ').append(c.height());
            appendNumbers(line, c.params());
            w.append(line).append('\n');
        }
    }

    private static void writeImages(ColmapModel model, Writer w) throws IOException {
        long observations = 0;
        for (ColmapModel.Image image : model.images()) {
            for (int i = 0; i < image.numPoints2D(); i++) {
                observations += image.point3DId(i) == ColmapModel.NO_POINT3D ? 0 : 1;
            }
        }
        int count = model.images().size();
        w.write("# Image list with two lines of data per image:\n");
        w.write("#   IMAGE_ID, QW, QX, QY, QZ, TX, TY, TZ, CAMERA_ID, NAME\n");
        w.write("#   POINTS2D[] as (X, Y, POINT3D_ID)\n");
        w.write("# Number of images: " + count + ", mean observations per image: "
                + ColmapNumbers.format(count == 0 ? 0 : (double) observations / count) + "\n");
        StringBuilder line = new StringBuilder();
        for (ColmapModel.Image image : model.images()) {
            line.setLength(0);
            line.append(Integer.toUnsignedString(image.id()));
            appendNumbers(appendNumbers(line, image.qvec()), image.tvec());
            line.append(' ').append(Integer.toUnsignedString(image.cameraId())).append(' ').append(image.name());
            w.append(line).append('\n');
            line.setLength(0);
            for (int i = 0; i < image.numPoints2D(); i++) {
                if (i > 0) {
                    line.append(' ');
                }
                long id = image.point3DId(i);
                line.append(ColmapNumbers.format(image.x(i))).append(' ').append(ColmapNumbers.format(image.y(i)))
                        .append(' ').append(id == ColmapModel.NO_POINT3D ? "-1" : Long.toUnsignedString(id));
            }
            w.append(line).append('\n');
        }
    }

    private static void writePoints(ColmapModel model, Writer w) throws IOException {
        long trackTotal = 0;
        for (ColmapModel.Point3D p : model.points3D()) {
            trackTotal += p.trackLength();
        }
        int count = model.points3D().size();
        w.write("# 3D point list with one line of data per point:\n");
        w.write("#   POINT3D_ID, X, Y, Z, R, G, B, ERROR, TRACK[] as (IMAGE_ID, POINT2D_IDX)\n");
        w.write("# Number of points: " + count + ", mean track length: "
                + ColmapNumbers.format(count == 0 ? 0 : (double) trackTotal / count) + "\n");
        StringBuilder line = new StringBuilder();
        for (ColmapModel.Point3D p : model.points3D()) {
            line.setLength(0);
            line.append(Long.toUnsignedString(p.id()));
            appendNumbers(line, p.xyz());
            for (int c : p.rgb()) {
                line.append(' ').append(c);
            }
            line.append(' ').append(ColmapNumbers.format(p.error()));
            int[] imageIds = p.trackImageIds();
            int[] idxs = p.trackPoint2DIdxs();
            for (int i = 0; i < imageIds.length; i++) {
                line.append(' ').append(Integer.toUnsignedString(imageIds[i])).append(' ').append(idxs[i]);
            }
            w.append(line).append('\n');
        }
    }
}
