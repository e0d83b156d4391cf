package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files produced without {@link PlyWriter}, so reader bugs cannot be masked by matching writer bugs. */
class PlyHandWrittenFilesTest {
    @TempDir
    Path dir;

    private static final String BINARY_HEADER = """
            ply
            format %s 1.0
            comment hand made
            element vertex 2
            property float x
            property uchar red
            property short s
            property uint u
            property double d
            element face 1
            property list uchar int vertex_indices
            end_header
            """;

    // Record 0: x=1.5f (3FC00000), red=200 (C8), s=-2 (FFFE), u=4294967294 (FFFFFFFE), d=-0.5 (BFE0000000000000)
    // Record 1: x=-2f (C0000000), red=7, s=300 (012C), u=1, d=1.0 (3FF0000000000000)
    // Face 0: 3 items 0, 1, 258 (00000102)
    private static final String LITTLE_ENDIAN_BODY = "0000C03F" + "C8" + "FEFF" + "FEFFFFFF" + "000000000000E0BF"
            + "000000C0" + "07" + "2C01" + "01000000" + "000000000000F03F"
            + "03" + "00000000" + "01000000" + "02010000";
    private static final String BIG_ENDIAN_BODY = "3FC00000" + "C8" + "FFFE" + "FFFFFFFE" + "BFE0000000000000"
            + "C0000000" + "07" + "012C" + "00000001" + "3FF0000000000000"
            + "03" + "00000000" + "00000001" + "00000102";

    @Test
    void readsLittleEndianBytesWrittenByHand() throws Exception {
        assertKnownBinaryValues(binaryFile("le.ply", "binary_little_endian", LITTLE_ENDIAN_BODY));
    }

    @Test
    void readsBigEndianBytesWrittenByHand() throws Exception {
        assertKnownBinaryValues(binaryFile("be.ply", "binary_big_endian", BIG_ENDIAN_BODY));
    }

    private Path binaryFile(String name, String format, String hexBody) throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.write(BINARY_HEADER.formatted(format).getBytes(StandardCharsets.US_ASCII));
        bytes.write(HexFormat.of().parseHex(hexBody));
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static void assertKnownBinaryValues(Path file) throws Exception {
        PlyData data = PlyReader.read(file);
        assertThat(data.header().comments()).containsExactly("hand made");
        PlyElementData vertex = data.element("vertex").orElseThrow();
        assertThat(vertex.count()).isEqualTo(2);
        assertThat(vertex.scalar("x").orElseThrow().floatArray()).containsExactly(1.5f, -2f);
        assertThat(vertex.scalar("red").orElseThrow().intArray()).containsExactly(200, 7);
        assertThat(vertex.scalar("s").orElseThrow().intArray()).containsExactly(-2, 300);
        PlyScalarColumn u = vertex.scalar("u").orElseThrow();
        assertThat(u.getLong(0)).isEqualTo(4294967294L);
        assertThat(u.getLong(1)).isEqualTo(1L);
        assertThat(vertex.scalar("d").orElseThrow().doubleArray()).containsExactly(-0.5, 1.0);
        PlyListColumn faces = data.element("face").orElseThrow().list("vertex_indices").orElseThrow();
        assertThat(faces.size()).isEqualTo(1);
        assertThat(faces.getInts(0)).containsExactly(0, 1, 258);
    }

    @Test
    void readsHandWrittenAsciiWithCrlfTabsAndSizedTypeNames() throws Exception {
        String text = String.join("\r\n",
                "ply",
                "format ascii 1.0",
                "comment made by hand",
                "obj_info scanner 7",
                "element vertex 3",
                "property float32 x",
                "property float64 y",
                "property uint8 red",
                "property int16 t",
                "element face 2",
                "property list uint8 int32 vertex_index",
                "end_header",
                "1.25 -0.5\t255 -7",
                "  -3e2 nan 0 32767  ",
                "",
                "0.1 -inf 17 -32768",
                "4 0 1 2 3",
                "3 2 1 0",
                "");
        Path file = Files.writeString(dir.resolve("hand.ply"), text);

        PlyData data = PlyReader.read(file);

        assertThat(data.header().format()).isEqualTo(PlyFormat.ASCII);
        assertThat(data.header().objInfo()).containsExactly("scanner 7");
        PlyElementData vertex = data.element("vertex").orElseThrow();
        assertThat(vertex.element().property("x").orElseThrow().type()).isEqualTo(PlyType.FLOAT);
        assertThat(vertex.scalar("x").orElseThrow().floatArray()).containsExactly(1.25f, -300f, 0.1f);
        assertThat(vertex.scalar("y").orElseThrow().doubleArray())
                .containsExactly(-0.5, Double.NaN, Double.NEGATIVE_INFINITY);
        assertThat(vertex.scalar("red").orElseThrow().intArray()).containsExactly(255, 0, 17);
        assertThat(vertex.scalar("t").orElseThrow().intArray()).containsExactly(-7, 32767, -32768);
        PlyListColumn faces = data.element("face").orElseThrow().list("vertex_index").orElseThrow();
        assertThat(faces.getInts(0)).containsExactly(0, 1, 2, 3);
        assertThat(faces.getInts(1)).containsExactly(2, 1, 0);
    }
}
