package dev.glimpse.datasets.load.colmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColmapBinaryTest {
    @TempDir
    Path temp;
    private Path dir;
    private byte[] cameras;
    private byte[] images;
    private byte[] points;

    /** The model's three files spelled out byte by byte from COLMAP's documented layout, not by our writer. */
    @BeforeEach
    void writeHandMadeModel() throws IOException {
        ByteBuffer c = le(1024);
        c.putLong(2);
        c.putInt(1).putInt(1).putLong(640).putLong(480);
        c.putDouble(500).putDouble(510).putDouble(320).putDouble(240);
        c.putInt(5).putInt(4).putLong(320).putLong(240);
        for (double v : new double[] {250, 251, 160, 120, -0.1, 0.02, 0.001, -0.002}) {
            c.putDouble(v);
        }
        ByteBuffer i = le(1024);
        i.putLong(2);
        i.putInt(3).putDouble(0.5).putDouble(0.5).putDouble(0.5).putDouble(0.5)
                .putDouble(1).putDouble(2).putDouble(3).putInt(5).put("left.jpg\0".getBytes(StandardCharsets.UTF_8));
        i.putLong(2).putDouble(1.5).putDouble(2.5).putLong(-1).putDouble(3.5).putDouble(4.5).putLong(42);
        i.putInt(1).putDouble(1).putDouble(0).putDouble(0).putDouble(0)
                .putDouble(0).putDouble(0).putDouble(0).putInt(1).put("sub/right.jpg\0".getBytes(StandardCharsets.UTF_8));
        i.putLong(1).putDouble(10).putDouble(11).putLong(42);
        ByteBuffer p = le(1024);
        p.putLong(1);
        p.putLong(42).putDouble(0.1).putDouble(0.2).putDouble(0.3).put((byte) 1).put((byte) 2).put((byte) 250)
                .putDouble(0.75).putLong(2).putInt(3).putInt(1).putInt(1).putInt(0);
        cameras = bytes(c);
        images = bytes(i);
        points = bytes(p);
        dir = writeFiles(temp.resolve("hand"), cameras, images, points);
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    private static Path writeFiles(Path dir, byte[] cameras, byte[] images, byte[] points) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ColmapBinary.CAMERAS), cameras);
        Files.write(dir.resolve(ColmapBinary.IMAGES), images);
        Files.write(dir.resolve(ColmapBinary.POINTS3D), points);
        return dir;
    }

    @Test
    void readsHandMadeBytes() throws IOException {
        ColmapModel model = ColmapBinary.read(dir);
        assertThat(model.cameras()).extracting(ColmapModel.Camera::id).containsExactly(1, 5);
        ColmapModel.Camera pinhole = model.cameras().get(0);
        assertThat(pinhole.model()).isEqualTo(ColmapCameraModel.PINHOLE);
        assertThat(pinhole.width()).isEqualTo(640);
        assertThat(pinhole.height()).isEqualTo(480);
        assertThat(pinhole.params()).containsExactly(500, 510, 320, 240);
        ColmapModel.Camera opencv = model.cameras().get(1);
        assertThat(opencv.model()).isEqualTo(ColmapCameraModel.OPENCV);
        assertThat(opencv.params()).containsExactly(250, 251, 160, 120, -0.1, 0.02, 0.001, -0.002);

        ColmapModel.Image left = model.images().get(0);
        assertThat(left.id()).isEqualTo(3);
        assertThat(left.qvec()).containsExactly(0.5, 0.5, 0.5, 0.5);
        assertThat(left.tvec()).containsExactly(1, 2, 3);
        assertThat(left.cameraId()).isEqualTo(5);
        assertThat(left.name()).isEqualTo("left.jpg");
        assertThat(left.xy()).containsExactly(1.5, 2.5, 3.5, 4.5);
        assertThat(left.point3DIds()).containsExactly(ColmapModel.NO_POINT3D, 42);
        assertThat(model.images().get(1).name()).isEqualTo("sub/right.jpg");

        ColmapModel.Point3D point = model.points3D().get(0);
        assertThat(point.id()).isEqualTo(42);
        assertThat(point.xyz()).containsExactly(0.1, 0.2, 0.3);
        assertThat(point.rgb()).containsExactly(1, 2, 250);
        assertThat(point.error()).isEqualTo(0.75);
        assertThat(point.trackImageIds()).containsExactly(3, 1);
        assertThat(point.trackPoint2DIdxs()).containsExactly(1, 0);
    }

    @Test
    void writerReproducesTheHandMadeBytesAndReadsBack() throws IOException {
        ColmapModel model = ColmapBinary.read(dir);
        Path out = temp.resolve("written");
        ColmapBinary.write(model, out);
        assertThat(ColmapBinary.read(out)).isEqualTo(model);
        assertThat(Files.readAllBytes(out.resolve(ColmapBinary.CAMERAS))).isEqualTo(cameras);
        assertThat(Files.readAllBytes(out.resolve(ColmapBinary.IMAGES))).isEqualTo(images);
        assertThat(Files.readAllBytes(out.resolve(ColmapBinary.POINTS3D))).isEqualTo(points);
    }

    @Test
    void tabletopTextToBinaryToTextIsIdentical() throws IOException {
        Path original = SharedDatasets.scene("tabletop").resolve("sparse/0");
        ColmapModel text = ColmapText.read(original);
        ColmapBinary.write(text, temp.resolve("bin"));
        ColmapModel binary = ColmapBinary.read(temp.resolve("bin"));
        assertThat(binary).isEqualTo(text);
        ColmapText.write(binary, temp.resolve("txt"));
        assertThat(ColmapText.read(temp.resolve("txt"))).isEqualTo(text);
        assertThat(Files.readString(temp.resolve("txt").resolve(ColmapText.IMAGES)))
                .isEqualTo(Files.readString(original.resolve(ColmapText.IMAGES)));
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        for (int length = 0; length < images.length; length++) {
            writeFiles(dir, cameras, Arrays.copyOf(images, length), points);
            assertThatThrownBy(() -> ColmapBinary.read(dir)).as("images.bin cut at %d bytes", length)
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith(dir.resolve(ColmapBinary.IMAGES) + ": ")
                    .hasMessageMatching(".*(truncated|claims).*");
        }
    }

    @Test
    void hugeCountsFailBeforeAllocating() throws IOException {
        ByteBuffer p = le(100);
        p.putLong(1L << 40);
        writeFiles(dir, cameras, images, p.array());
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve(ColmapBinary.POINTS3D)
                        + ": header at byte 0: claims 1099511627776 points3D but only 92 bytes remain (51 or more each)");

        byte[] hugeTrack = points.clone();
        ByteBuffer.wrap(hugeTrack).order(ByteOrder.LITTLE_ENDIAN).putLong(8 + 8 + 24 + 3 + 8, -1L);
        writeFiles(dir, cameras, images, hugeTrack);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("point3D record 0 at byte 8: claims 18446744073709551615 track elements");

        byte[] hugePoints2D = images.clone();
        int countOffset = 8 + 4 + 7 * 8 + 4 + "left.jpg\0".length();
        ByteBuffer.wrap(hugePoints2D).order(ByteOrder.LITTLE_ENDIAN).putLong(countOffset, 1L << 33);
        writeFiles(dir, cameras, hugePoints2D, points);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("image record 0 at byte 8: claims 8589934592 points2D");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        writeFiles(dir, Arrays.copyOf(cameras, cameras.length + 3), images, points);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve(ColmapBinary.CAMERAS) + ": end of file at byte " + cameras.length
                        + ": 3 unexpected bytes after the last record");
    }

    @Test
    void invalidValuesNameTheRecord() throws IOException {
        byte[] badModel = cameras.clone();
        ByteBuffer.wrap(badModel).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 4, 11);
        writeFiles(dir, badModel, images, points);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve(ColmapBinary.CAMERAS)
                        + ": camera record 0 at byte 8: unknown camera model id 11 (known: 0..10)");

        byte[] nanQuaternion = images.clone();
        ByteBuffer.wrap(nanQuaternion).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 + 4 + 8, Double.NaN);
        writeFiles(dir, cameras, nanQuaternion, points);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve(ColmapBinary.IMAGES)
                        + ": image record 0 at byte 8: image 3 quaternion: non-finite value NaN");

        byte[] missingCamera = images.clone();
        ByteBuffer.wrap(missingCamera).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 4 + 7 * 8, 9);
        writeFiles(dir, cameras, missingCamera, points);
        assertThatThrownBy(() -> ColmapBinary.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("image record 0 at byte 8: image 3 refers to camera 9");
    }
}
