package dev.glimpse.datasets.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.NpyBytes;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Depth maps stored as NumPy arrays and greyscale PFM. */
class DepthFileArrayTest {
    @TempDir
    Path dir;

    /** 3 wide, 2 high, top row first. */
    private static final double[] DEPTH = {1, 2, 3, 4, 0, 6};

    @Test
    void readsHeightByWidthNpy() throws IOException {
        Path f = Files.write(dir.resolve("d.npy"), NpyBytes.file("<f4", "(2, 3)",
                NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, DEPTH)));
        DepthMap d = new DepthFile(f, 2, 3, 2, 1).load();
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.depth()).containsExactly(0.5f, 1, 1.5f, 2, 0, 3);
        assertThat(d.isValid(1, 1)).isFalse();
    }

    @Test
    void readsHeightByWidthByOneNpyInEitherTypeAndOrder() throws IOException {
        Path f = Files.write(dir.resolve("d.npy"), NpyBytes.file(">f8", "(2, 3, 1)",
                NpyBytes.values("f8", ByteOrder.BIG_ENDIAN, DEPTH)));
        assertThat(new DepthFile(f, 1, 3, 2, 1).load().get(2, 1)).isEqualTo(6);
        // Stored column-major: the reader must transpose back.
        Path g = Files.write(dir.resolve("g.npy"), NpyBytes.file(1, NpyBytes.header("<f4", true, "(2, 3)"),
                NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 0, 3, 6)));
        assertThat(new DepthFile(g, 1, 3, 2, 1).load().depth()).containsExactly(1, 2, 3, 4, 0, 6);
    }

    @Test
    void readsGreyscalePfmTopRowFirst() throws IOException {
        byte[] header = "Pf\n3 2\n-1.0\n".getBytes();
        byte[] data = NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, 4, 0, 6, 1, 2, 3);
        byte[] bytes = new byte[header.length + data.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(data, 0, bytes, header.length, data.length);
        Path f = Files.write(dir.resolve("d.pfm"), bytes);
        assertThat(new DepthFile(f, 1, 3, 2, 1).load().depth()).containsExactly(1, 2, 3, 4, 0, 6);
    }

    @Test
    void rejectsArraysThatAreNotOneChannelDepth() throws IOException {
        Path colour = Files.write(dir.resolve("c.npy"), NpyBytes.file("<f4", "(2, 1, 3)",
                NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, DEPTH)));
        assertThatThrownBy(() -> new DepthFile(colour, 1, 1, 2, 1).load()).isInstanceOf(DatasetException.class)
                .hasMessage(colour + ": depth array has shape (2, 1, 3), expected (height, width) or (height, width, 1)");
        Path wrongSize = Files.write(dir.resolve("w.npy"), NpyBytes.file("<f4", "(3, 2)",
                NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, DEPTH)));
        assertThatThrownBy(() -> new DepthFile(wrongSize, 1, 3, 2, 1).load()).isInstanceOf(DatasetException.class)
                .hasMessageContaining("depth map is 2x3 but its image is 3x2");
        Path nan = Files.write(dir.resolve("n.npy"), NpyBytes.file("<f4", "(1, 2)",
                NpyBytes.values("f4", ByteOrder.LITTLE_ENDIAN, 1, Double.NaN)));
        assertThatThrownBy(() -> new DepthFile(nan, 1, 2, 1, 1).load()).isInstanceOf(DatasetException.class)
                .hasMessageContaining("not a finite non-negative number");
        Path colourPfm = Files.write(dir.resolve("c.pfm"), "PF\n1 1\n-1\n000000000000".getBytes());
        assertThatThrownBy(() -> new DepthFile(colourPfm, 1, 1, 1, 1).load()).isInstanceOf(DatasetException.class)
                .hasMessageContaining("shape (1, 1, 3)");
    }
}
