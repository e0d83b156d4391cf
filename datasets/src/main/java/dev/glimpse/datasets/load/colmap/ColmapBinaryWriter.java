package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.io.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes cameras.bin, images.bin and points3D.bin in COLMAP's layout, records in model order. */
final class ColmapBinaryWriter {
    private ColmapBinaryWriter() {}

    static void write(ColmapModel model, Path dir) throws IOException {
        AtomicWrite.write(dir.resolve(ColmapBinary.CAMERAS), stream -> {
            LittleEndianOutput out = new LittleEndianOutput(stream);
            out.i64(model.cameras().size());
            for (ColmapModel.Camera c : model.cameras()) {
                out.i32(c.id());
                out.i32(c.model().id());
                out.i64(c.width());
                out.i64(c.height());
                for (double p : c.params()) {
                    out.f64(p);
                }
            }
            out.flush();
        });
        AtomicWrite.write(dir.resolve(ColmapBinary.IMAGES), stream -> {
            LittleEndianOutput out = new LittleEndianOutput(stream);
            out.i64(model.images().size());
            for (ColmapModel.Image image : model.images()) {
                writeImage(image, out);
            }
            out.flush();
        });
        AtomicWrite.write(dir.resolve(ColmapBinary.POINTS3D), stream -> {
            LittleEndianOutput out = new LittleEndianOutput(stream);
            out.i64(model.points3D().size());
            for (ColmapModel.Point3D p : model.points3D()) {
                writePoint(p, out);
            }
            out.flush();
        });
    }

    private static void writeImage(ColmapModel.Image image, LittleEndianOutput out) throws IOException {
        out.i32(image.id());
        for (double q : image.qvec()) {
            out.f64(q);
        }
        for (double t : image.tvec()) {
            out.f64(t);
        }
        out.i32(image.cameraId());
        out.bytes(image.name().getBytes(StandardCharsets.UTF_8));
        out.u8(0);
        out.i64(image.numPoints2D());
        for (int i = 0; i < image.numPoints2D(); i++) {
            out.f64(image.x(i));
            out.f64(image.y(i));
            out.i64(image.point3DId(i));
        }
    }

    private static void writePoint(ColmapModel.Point3D p, LittleEndianOutput out) throws IOException {
        out.i64(p.id());
        for (double c : p.xyz()) {
            out.f64(c);
        }
        for (int c : p.rgb()) {
            out.u8(c);
        }
        out.f64(p.error());
        int[] imageIds = p.trackImageIds();
        int[] idxs = p.trackPoint2DIdxs();
        out.i64(imageIds.length);
        for (int i = 0; i < imageIds.length; i++) {
            out.i32(imageIds[i]);
            out.i32(idxs[i]);
        }
    }
}
