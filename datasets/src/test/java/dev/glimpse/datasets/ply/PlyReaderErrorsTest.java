package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyReaderErrorsTest {
    @TempDir
    Path dir;

    private static final String XYZ_HEADER = """
            ply
            format %s 1.0
            element vertex %d
            property float x
            property float y
            property float z
            end_header
            """;

    @Test
    void missingFile() {
        assertFails(dir.resolve("absent.ply"), "file not found");
    }

    @Test
    void badMagic() throws Exception {
        assertFails(write("bad.ply", "PLY\nformat ascii 1.0\nend_header\n"), "not a PLY file");
        assertFails(write("obj.ply", "v 1 2 3\n"), "not a PLY file");
        assertFails(write("empty.ply", ""), "not a PLY file");
    }

    @Test
    void unknownFormatVersionOrType() throws Exception {
        assertFails(write("f.ply", "ply\nformat binary_middle_endian 1.0\nend_header\n"),
                "unknown format 'binary_middle_endian'");
        assertFails(write("v.ply", "ply\nformat ascii 2.0\nend_header\n"), "unsupported PLY version '2.0'");
        assertFails(write("t.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float128 x\nend_header\n1\n"),
                "unknown property type 'float128'");
    }

    @Test
    void malformedHeaders() throws Exception {
        assertFails(write("a.ply", "ply\nformat ascii 1.0\nproperty float x\nend_header\n"),
                "malformed header line 3: property declared before any element");
        assertFails(write("b.ply", "ply\nformat ascii 1.0\nelement vertex many\nend_header\n"),
                "element count 'many' is not an integer");
        assertFails(write("c.ply", "ply\nformat ascii 1.0\nelement vertex -1\nend_header\n"), "negative");
        assertFails(write("d.ply", "ply\nformat ascii 1.0\nelement vertex 0\nproperty float x\n"),
                "header ends without 'end_header'");
        assertFails(write("e.ply", "ply\nelement vertex 0\nend_header\n"), "no 'format' line");
        assertFails(write("f.ply", "ply\nformat ascii 1.0\nelemnt vertex 0\nend_header\n"), "unknown keyword 'elemnt'");
        assertFails(write("g.ply", "ply\nformat ascii 1.0\nelement v 1\nproperty list float int i\nend_header\n"),
                "list count type 'float' is not an integer type");
        assertFails(write("h.ply", "ply\nformat ascii 1.0\nelement v 1\nproperty float x\nproperty int x\nend_header\n"),
                "property 'x' declared twice");
    }

    @Test
    void hugeCountsFailFastWithoutAllocating() throws Exception {
        long claimed = 1L << 31;
        var binary = new ByteArrayOutputStream();
        binary.write(XYZ_HEADER.formatted("binary_little_endian", claimed).getBytes(StandardCharsets.US_ASCII));
        binary.write(new byte[1024]);
        Path binaryFile = Files.write(dir.resolve("huge.ply"), binary.toByteArray());
        Path asciiFile = write("huge_ascii.ply", XYZ_HEADER.formatted("ascii", claimed) + "1 2 3\n".repeat(100));
        Path listFile = write("huge_faces.ply", "ply\nformat binary_big_endian 1.0\nelement face " + claimed
                + "\nproperty list uchar int vertex_indices\nend_header\n" + "\0".repeat(1024));
        Path overflowFile = write("overflow.ply", XYZ_HEADER.formatted("binary_little_endian", Long.MAX_VALUE));

        // Allocating 2^31 x 3 floats would need 24 GiB: an OutOfMemoryError or a long stall, not this.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFails(binaryFile, "declares 2147483648 records needing at least 25769803776 bytes, but only 1024");
            assertFails(asciiFile, "declares 2147483648 records");
            assertFails(listFile, "element 'face' declares 2147483648 records");
            assertFails(overflowFile, "more than 2^63");
        });
    }

    @Test
    void truncatedBinaryData() throws Exception {
        var fixed = new ByteArrayOutputStream();
        fixed.write(XYZ_HEADER.formatted("binary_little_endian", 2).getBytes(StandardCharsets.US_ASCII));
        fixed.write(new byte[23]);
        assertFails(Files.write(dir.resolve("short.ply"), fixed.toByteArray()), "records needing at least 24 bytes");

        // Lists pass the header check (their minimum is the count byte) and must fail while reading.
        var lists = new ByteArrayOutputStream();
        lists.write(("ply\nformat binary_little_endian 1.0\nelement face 2\n"
                + "property list uchar int vertex_indices\nend_header\n").getBytes(StandardCharsets.US_ASCII));
        lists.write(new byte[] {3, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0});
        assertFails(Files.write(dir.resolve("short_faces.ply"), lists.toByteArray()),
                "truncated binary data: file ends at byte");

        // A fixed-size element after lists that used up the bytes the header check counted on.
        var after = new ByteArrayOutputStream();
        after.write(("ply\nformat binary_big_endian 1.0\nelement face 1\nproperty list uchar int vertex_indices\n"
                + "element vertex 1\nproperty float x\nend_header\n").getBytes(StandardCharsets.US_ASCII));
        after.write(new byte[] {3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2});
        assertFails(Files.write(dir.resolve("short_vertex.ply"), after.toByteArray()),
                "inside record 0 of element 'vertex' (1 declared)");
    }

    @Test
    void badAsciiNumbers() throws Exception {
        String header = "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty uchar c\nend_header\n";
        assertFails(write("n1.ply", header + "1.0 2\n1.5x 3\n"), "line 8: '1.5x' is not a valid float for property 'x'");
        assertFails(write("n2.ply", header + "1.0 2\n0x1p3 3\n"), "'0x1p3' is not a valid float");
        assertFails(write("n3.ply", header + "1.0 2.5\n1 3\n"), "line 7: '2.5' is not a valid uchar");
        assertFails(write("n4.ply", header + "1.0 256\n1 3\n"), "256 is out of range for uchar property 'c'");
    }

    @Test
    void wrongNumberOfValuesOnAsciiLine() throws Exception {
        String xyz = XYZ_HEADER.formatted("ascii", 2);
        assertFails(write("few.ply", xyz + "1 2 3\n40 50\n"),
                "line 9: expected 3 values for element 'vertex' but the line has 2");
        assertFails(write("many.ply", xyz + "1 2 3 4\n4 5 6\n"),
                "line 8: expected 3 values for element 'vertex' record 0 but the line has 4");
        // Long numbers pass the size check (2 bytes per value) yet hold only one record.
        assertFails(write("missing.ply", xyz + "100 200 300\n"), "file ends after 1 of 2 records of element 'vertex'");
        String faces = "ply\nformat ascii 1.0\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        assertFails(write("list.ply", faces + "4 0 1 2\n"),
                "line 6: expected at least 5 values for element 'face' but the line has 4");
    }

    @Test
    void directoryInsteadOfFile() {
        assertFails(dir, "not a regular file");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    private static void assertFails(Path file, String problem) {
        assertThatThrownBy(() -> PlyReader.read(file))
                .isInstanceOf(PlyException.class)
                .hasMessageStartingWith(file.toString() + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
