package dev.glimpse.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Each dtype with values at its limits, so sign and width mistakes show. */
    static Stream<Arguments> dtypes() {
        return Stream.of(
                Arguments.of("f4", DType.FLOAT32, new double[] {1.5, -2.25, 3.4028234663852886e38, 0x1p-100}),
                Arguments.of("f8", DType.FLOAT64, new double[] {Math.PI, -1e300, Double.MIN_VALUE, 0}),
                Arguments.of("f2", DType.FLOAT16, new double[] {0.5, -65504, 1.0009765625}),
                Arguments.of("i1", DType.INT8, new double[] {-128, 127, -1}),
                Arguments.of("u1", DType.UINT8, new double[] {0, 255, 128}),
                Arguments.of("i2", DType.INT16, new double[] {-32768, 32767, -2}),
                Arguments.of("u2", DType.UINT16, new double[] {65535, 1, 40000}),
                Arguments.of("i4", DType.INT32, new double[] {-2147483648.0, 2147483647, -3}),
                Arguments.of("u4", DType.UINT32, new double[] {4294967295.0, 3e9, 7}),
                Arguments.of("i8", DType.INT64, new double[] {-0x1p63, 0x1p62, -5}),
                Arguments.of("u8", DType.UINT64, new double[] {18446744073709549568.0, 0x1p63, 9}),
                Arguments.of("b1", DType.BOOL, new double[] {1, 0, 1}));
    }

    @ParameterizedTest
    @MethodSource("dtypes")
    void readsEveryDtypeInBothByteOrders(String code, DType type, double[] values) throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            String descr = (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + code;
            Path f = write(code + ".npy", NpyBytes.file(descr, "(" + values.length + ",)",
                    NpyBytes.values(code, order, values)));
            NdArray a = Npy.read(f);
            assertThat(a.type()).isEqualTo(type);
            assertThat(a.shape()).containsExactly(values.length);
            assertThat(a.asDoubles()).as(descr).containsExactly(values);
        }
    }

    @Test
    void readsPipeAndNativePrefixes() throws IOException {
        NdArray u = Npy.read(write("u.npy", NpyBytes.file("|u1", "(2,)", new byte[] {(byte) 200, 3})));
        assertThat(u.asDoubles()).containsExactly(200, 3);
        NdArray b = Npy.read(write("b.npy", NpyBytes.file("|b1", "(3,)", new byte[] {1, 0, 1})));
        assertThat(b.type()).isEqualTo(DType.BOOL);
        assertThat(b.asDoubles()).containsExactly(1, 0, 1);
        NdArray n = Npy.read(write("n.npy", NpyBytes.file("=f4", "(2,)",
                NpyBytes.values("f4", ByteOrder.nativeOrder(), 6.5, -1))));
        assertThat(n.asDoubles()).containsExactly(6.5, -1);
    }

    @Test
    void returnsFortranOrderArraysInCOrder() throws IOException {
        // a[i][j] = 10 i + j stored column by column.
        double[] f2 = {0, 10, 1, 11, 2, 12};
        NdArray a = Npy.read(write("f2.npy", NpyBytes.file(1, NpyBytes.header("<f8", true, "(2, 3)"),
                NpyBytes.float64(f2))));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.asDoubles()).containsExactly(0, 1, 2, 10, 11, 12);
        // a[i][j][k] = 100 i + 10 j + k, first index fastest in the file.
        double[] f3 = new double[24];
        int n = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    f3[n++] = 100 * i + 10 * j + k;
                }
            }
        }
        NdArray b = Npy.read(write("f3.npy", NpyBytes.file(1, NpyBytes.header(">i4", true, "(2, 3, 4)"),
                NpyBytes.values("i4", ByteOrder.BIG_ENDIAN, f3))));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(b.get(i, j, k)).isEqualTo(100 * i + 10 * j + k);
                    assertThat(b.getFlat(12 * i + 4 * j + k)).isEqualTo(100 * i + 10 * j + k);
                }
            }
        }
    }

    @Test
    void readsVersionTwoAndThreeHeaders() throws IOException {
        for (int major : new int[] {2, 3}) {
            NdArray a = Npy.read(write("v" + major + ".npy", NpyBytes.file(major,
                    NpyBytes.header("<f8", false, "(1, 2)"), NpyBytes.float64(4, 5))));
            assertThat(a.shape()).containsExactly(1, 2);
            assertThat(a.asDoubles()).containsExactly(4, 5);
        }
    }

    @Test
    void parsesHeadersWhateverTheirSpacingQuotingAndKeyOrder() throws IOException {
        String[] headers = {
            "{\"shape\":(2,3),\"descr\":\"<f8\",\"fortran_order\":False}",
            "{ 'descr' : '<f8' ,\n 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }" + " ".repeat(40) + "\n",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }\n",
        };
        for (int i = 0; i < headers.length; i++) {
            NdArray a = Npy.read(write("h" + i + ".npy", NpyBytes.file(1, headers[i],
                    NpyBytes.float64(1, 2, 3, 4, 5, 6))));
            assertThat(a.shape()).as(headers[i]).containsExactly(2, 3);
            assertThat(a.get(1, 0)).isEqualTo(4);
        }
    }

    @Test
    void readsScalarsAndEmptyArrays() throws IOException {
        NdArray scalar = Npy.read(write("s.npy", NpyBytes.file("<i8", "()", NpyBytes.values("i8",
                ByteOrder.LITTLE_ENDIAN, 42))));
        assertThat(scalar.ndim()).isZero();
        assertThat(scalar.get()).isEqualTo(42);
        NdArray empty = Npy.read(write("e.npy", NpyBytes.file("<f4", "(0, 5)", new byte[0])));
        assertThat(empty.shape()).containsExactly(0, 5);
        assertThat(empty.size()).isZero();
    }

    static Stream<Arguments> badFiles() {
        byte[] data = NpyBytes.float64(1, 2, 3);
        return Stream.of(
                Arguments.of("bad magic", "PK\3\4 not numpy at all".getBytes(), "bad magic"),
                Arguments.of("empty", new byte[0], "bad magic"),
                Arguments.of("magic only", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1}, "truncated header"),
                Arguments.of("version", NpyBytes.file(4, NpyBytes.header("<f8", false, "(3,)"), data),
                        "unsupported .npy version 4.0"),
                Arguments.of("header cut", java.util.Arrays.copyOf(
                        NpyBytes.file("<f8", "(3,)", data), 30), "truncated header"),
                Arguments.of("data cut", NpyBytes.file("<f8", "(4,)", data), "truncated data"),
                Arguments.of("huge shape", NpyBytes.file("<f8", "(1000000000,)", data), "truncated data"),
                Arguments.of("overflowing shape", NpyBytes.file("<f8", "(4294967296, 4294967296, 4294967296)", data),
                        "invalid dimension"),
                Arguments.of("too many elements", NpyBytes.file("<f8", "(100000, 100000)", data), "too many elements"),
                Arguments.of("object", NpyBytes.file("|O", "(3,)", data), "object arrays"),
                Arguments.of("complex", NpyBytes.file("<c16", "(3,)", data), "unsupported dtype '<c16'"),
                Arguments.of("unicode", NpyBytes.file("<U4", "(3,)", data), "unsupported dtype '<U4'"),
                Arguments.of("structured", NpyBytes.file(1, "{'descr': [('x', '<f8')], 'fortran_order': False, "
                        + "'shape': (3,), }", data), "structured dtypes"),
                Arguments.of("missing key", NpyBytes.file(1, "{'descr': '<f8', 'shape': (3,), }", data),
                        "header keys"),
                Arguments.of("garbage header", NpyBytes.file(1, "{'descr': '<f8', 'fortran_order': Maybe, "
                        + "'shape': (3,), }", data), "malformed header"),
                Arguments.of("text after dict", NpyBytes.file(1, NpyBytes.header("<f8", false, "(3,)") + "x", data),
                        "unexpected text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsBadFilesWithOneLineNamingTheFile(String label, byte[] bytes, String problem) throws IOException {
        Path f = write("bad.npy", bytes);
        assertThatThrownBy(() -> Npy.read(f))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void reportsAMissingFile() {
        Path f = dir.resolve("absent.npy");
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(DatasetException.class).hasMessage(f + ": file not found");
    }

    @Test
    void writesLittleEndianAlignedFilesThatReadBack() throws IOException {
        NdArray[] arrays = {
            NdArray.ofDoubles(new int[] {2, 3}, new double[] {1, -2, 3.5, 1e300, -0.0, 6}),
            NdArray.ofFloats(new int[] {3}, new float[] {1.25f, -7f, 3e-8f}),
            new NdArray(DType.UINT8, new int[] {2, 2}, new double[] {0, 255, 7, 8}),
            new NdArray(DType.INT64, new int[] {}, new double[] {-123456789012L}),
            new NdArray(DType.UINT64, new int[] {1}, new double[] {18446744073709549568.0}),
            new NdArray(DType.BOOL, new int[] {0}, new double[0]),
        };
        for (NdArray a : arrays) {
            Path f = dir.resolve("w.npy");
            Npy.write(f, a);
            byte[] bytes = Files.readAllBytes(f);
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            assertThat(bytes[6]).isEqualTo((byte) 1);
            assertThat((10 + headerLength) % 64).as("data alignment").isZero();
            assertThat(bytes.length).isEqualTo(10 + headerLength + a.size() * a.type().itemSize());
            assertThat(Npy.read(f)).as(a.toString()).isEqualTo(a);
        }
        // The first float64 value must be stored little-endian: 1.0 is 00 .. F0 3F.
        Path f = dir.resolve("one.npy");
        Npy.write(f, NdArray.ofDoubles(new int[] {1}, new double[] {1}));
        byte[] bytes = Files.readAllBytes(f);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x3F);
        assertThat(new String(bytes, 10, 30)).startsWith("{'descr': '<f8'");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).as("temporary files left").isEmpty();
        }
    }

    @Test
    void refusesToWriteValuesTheTypeCannotHold() {
        NdArray a = new NdArray(DType.UINT8, new int[] {2}, new double[] {1, 300});
        assertThatThrownBy(() -> Npy.write(dir.resolve("x.npy"), a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uint8");
        NdArray b = new NdArray(DType.INT32, new int[] {1}, new double[] {0.5});
        assertThatThrownBy(() -> Npy.write(dir.resolve("y.npy"), b)).isInstanceOf(IllegalArgumentException.class);
    }
}
