package dev.glimpse.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PfmTest {
    @TempDir
    Path dir;

    private static byte[] pfm(String header, String code, ByteOrder order, double... floatsBottomRowFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes());
        out.writeBytes(NpyBytes.values(code, order, floatsBottomRowFirst));
        return out.toByteArray();
    }

    @Test
    void readsLittleEndianGreyscaleWithRowsFlippedToTopFirst() throws IOException {
        // 3 wide, 2 high; the file stores the bottom row (4 5 6) first.
        Path f = Files.write(dir.resolve("g.pfm"), pfm("Pf\n3 2\n-1.0\n", "f4", ByteOrder.LITTLE_ENDIAN,
                4, 5, 6, 1, 2, 3));
        NdArray a = Pfm.read(f);
        assertThat(a.type()).isEqualTo(DType.FLOAT32);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.asDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void readsBigEndianColour() throws IOException {
        // 1 wide, 2 high, RGB; positive scale means big-endian; spaces instead of newlines are legal.
        Path f = Files.write(dir.resolve("c.pfm"), pfm("PF 1 2 2.5\n", "f4", ByteOrder.BIG_ENDIAN,
                0.5, 0.25, 0.125, 10, 20, 30));
        NdArray a = Pfm.read(f);
        assertThat(a.shape()).containsExactly(2, 1, 3);
        assertThat(a.asDoubles()).containsExactly(10, 20, 30, 0.5, 0.25, 0.125);
    }

    @Test
    void writesFilesThatReadBack() throws IOException {
        NdArray grey = NdArray.ofFloats(new int[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6.5f});
        NdArray colour = NdArray.ofFloats(new int[] {2, 2, 3}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12});
        for (NdArray a : new NdArray[] {grey, colour}) {
            Path f = dir.resolve("w.pfm");
            Pfm.write(f, a);
            assertThat(Pfm.read(f)).isEqualTo(a);
        }
        // Independent check of the layout: header, little-endian, bottom row (5, 6.5) first.
        byte[] bytes = Files.readAllBytes(dir.resolve("w.pfm"));
        Pfm.write(dir.resolve("g.pfm"), grey);
        byte[] expected = pfm("Pf\n2 3\n-1.0\n", "f4", ByteOrder.LITTLE_ENDIAN, 5, 6.5, 3, 4, 1, 2);
        assertThat(Files.readAllBytes(dir.resolve("g.pfm"))).isEqualTo(expected);
        assertThat(bytes).startsWith("PF\n2 2\n-1.0\n".getBytes());
        assertThatThrownBy(() -> Pfm.write(dir.resolve("x.pfm"), NdArray.ofFloats(new int[] {2, 2, 2}, new float[8])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadFiles() throws IOException {
        String[][] cases = {
            {"P6\n1 1\n255\n", "not a PFM file"},
            {"Pf\n2 2\n-1.0\nabc", "truncated data"},
            {"Pf\n2 2\n0\n0000000000000000", "scale must be non-zero"},
            {"Pf\n-2 2\n-1\n0000000000000000", "invalid width"},
            {"Pf\n2 x\n-1\n0000000000000000", "invalid height"},
            {"Pf\n2 2", "truncated header"},
            {"Pf\n65536 65536\n-1\n", "truncated data"},
        };
        for (String[] c : cases) {
            Path f = Files.write(dir.resolve("bad.pfm"), c[0].getBytes());
            assertThatThrownBy(() -> Pfm.read(f)).as(c[0]).isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith(f + ": ").hasMessageContaining(c[1]);
        }
    }
}
