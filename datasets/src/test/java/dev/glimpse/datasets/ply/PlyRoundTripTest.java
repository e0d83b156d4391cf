package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlyRoundTripTest {
    @TempDir
    Path dir;

    /** Extreme and awkward values of every type, so any narrowing or sign slip shows. */
    static PlyData sample() {
        int n = 5;
        var scalars = PlyElementData.builder("vertex", n)
                .scalar("c", PlyScalarColumn.ofInts(PlyType.CHAR, new int[] {-128, 127, 0, -1, 5}))
                .scalar("uc", PlyScalarColumn.ofInts(PlyType.UCHAR, new int[] {0, 255, 128, 1, 200}))
                .scalar("s", PlyScalarColumn.ofInts(PlyType.SHORT, new int[] {-32768, 32767, 0, -2, 1234}))
                .scalar("us", PlyScalarColumn.ofInts(PlyType.USHORT, new int[] {0, 65535, 32768, 3, 40000}))
                .scalar("i", PlyScalarColumn.ofInts(PlyType.INT,
                        new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -3, 123456789}))
                // uint 4294967295 and 2147483648 held as bit patterns -1 and MIN_VALUE.
                .scalar("ui", PlyScalarColumn.ofInts(PlyType.UINT, new int[] {0, -1, Integer.MIN_VALUE, 7, 99}))
                .floats("f", new float[] {Float.MIN_VALUE, -Float.MAX_VALUE, 0.1f, Float.NaN,
                        Float.NEGATIVE_INFINITY})
                .scalar("d", PlyScalarColumn.ofDoubles(new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 0.1,
                        -0.0, Math.PI}))
                .build();
        var lists = PlyElementData.builder("face", 3)
                .list("vertex_indices", PlyType.UCHAR,
                        PlyListColumn.ofInts(PlyType.INT, new int[][] {{0, 1, 2}, {}, {4, 3, 2, 1, Integer.MIN_VALUE}}))
                .list("weights", PlyType.UINT,
                        PlyListColumn.ofDoubles(PlyType.FLOAT, new double[][] {{0.5}, {1e-30, -2.75}, {}}))
                .list("ids", PlyType.CHAR,
                        PlyListColumn.ofInts(PlyType.USHORT, new int[][] {{65535}, {0}, {1, 2}}))
                .scalar("flag", PlyScalarColumn.ofInts(PlyType.UCHAR, new int[] {1, 0, 255}))
                .build();
        var empty = PlyElementData.builder("material", 0).floats("shininess", new float[0]).build();
        return PlyData.of(PlyFormat.BINARY_LITTLE_ENDIAN, List.of("round trip", "second  comment"),
                List.of(scalars, lists, empty));
    }

    @ParameterizedTest
    @EnumSource(PlyFormat.class)
    void everyTypeAndListSurvivesWriteThenRead(PlyFormat format) throws Exception {
        PlyData written = sample();
        Path file = dir.resolve("sample.ply");
        PlyWriter.write(file, written, format);

        PlyData read = PlyReader.read(file);

        assertThat(read.header().format()).isEqualTo(format);
        assertThat(read.header().comments()).containsExactly("round trip", "second  comment");
        assertThat(read.header().elements()).isEqualTo(written.header().elements());
        for (PlyElementData expected : written.elements()) {
            PlyElementData actual = read.element(expected.name()).orElseThrow();
            for (int p = 0; p < expected.columns().size(); p++) {
                assertSameValues(expected.columns().get(p), actual.columns().get(p));
            }
        }
    }

    private static void assertSameValues(PlyColumn expected, PlyColumn actual) {
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected instanceof PlyListColumn expectedList) {
            var actualList = (PlyListColumn) actual;
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actualList.length(i)).isEqualTo(expectedList.length(i));
            }
            assertSameValues(expectedList.items(), actualList.items());
            return;
        }
        var e = (PlyScalarColumn) expected;
        var a = (PlyScalarColumn) actual;
        for (int i = 0; i < e.size(); i++) {
            // Bit comparison: catches -0.0 vs 0.0 and any rounding, and treats NaN as equal to NaN.
            assertThat(Double.doubleToLongBits(a.getDouble(i)))
                    .as("value %d: %s vs %s", i, e.getDouble(i), a.getDouble(i))
                    .isEqualTo(Double.doubleToLongBits(e.getDouble(i)));
        }
    }
}
