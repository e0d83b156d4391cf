package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PointCloud} and {@link TriangleMesh}. */
class PlyViewsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PlyFormat.class)
    void pointCloudRoundTripKeepsEveryAttribute(PlyFormat format) throws Exception {
        var cloud = new PointCloud(new float[] {1, 2, 3, -4.5f, 0.25f, 1e-7f},
                new byte[] {(byte) 255, 0, 17, 1, 2, (byte) 128},
                new float[] {0, 0, 1, 1, 0, 0},
                Map.of("confidence", new float[] {0.5f, 0.75f}));
        Path file = dir.resolve("cloud.ply");
        cloud.write(file, format);

        PointCloud read = PointCloud.read(file);

        assertThat(read.count()).isEqualTo(2);
        assertThat(read.positions()).containsExactly(cloud.positions());
        assertThat(read.colors()).containsExactly(cloud.colors());
        assertThat(read.normals()).containsExactly(cloud.normals());
        assertThat(read.extras()).containsOnlyKeys("confidence");
        assertThat(read.extras().get("confidence")).containsExactly(0.5f, 0.75f);
        assertThat(PlyReader.readHeader(file).element("vertex").orElseThrow().property("red").orElseThrow().type())
                .isEqualTo(PlyType.UCHAR);
    }

    @Test
    void pointCloudReadsFloatAndDiffuseColourVariants() throws Exception {
        Path floats = Files.writeString(dir.resolve("float_rgb.ply"), """
                ply
                format ascii 1.0
                element vertex 2
                property float x
                property float y
                property float z
                property float r
                property float g
                property float b
                property float alpha
                end_header
                0 0 0 1.0 0.5 0 1
                1 1 1 0.2 0 1 0.5
                """);
        PointCloud fromFloats = PointCloud.read(floats);
        assertThat(fromFloats.colors()).containsExactly((byte) 255, (byte) 128, 0, (byte) 51, 0, (byte) 255);
        assertThat(fromFloats.normals()).isNull();
        assertThat(fromFloats.extras()).containsOnlyKeys("alpha");

        Path diffuse = Files.writeString(dir.resolve("diffuse.ply"), """
                ply
                format ascii 1.0
                element vertex 1
                property double x
                property double y
                property double z
                property uchar diffuse_red
                property uchar diffuse_green
                property uchar diffuse_blue
                end_header
                0.5 1.5 2.5 10 20 30
                """);
        PointCloud fromDiffuse = PointCloud.read(diffuse);
        assertThat(fromDiffuse.positions()).containsExactly(0.5f, 1.5f, 2.5f);
        assertThat(fromDiffuse.colors()).containsExactly(10, 20, 30);
        assertThat(fromDiffuse.extras()).isEmpty();
    }

    @Test
    void pointCloudWithoutPositionsIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("noz.ply"),
                "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nend_header\n1 2\n");
        assertThatThrownBy(() -> PointCloud.read(file)).isInstanceOf(PlyException.class)
                .hasMessage(file + ": element 'vertex' has no scalar property 'z'");
    }

    @ParameterizedTest
    @EnumSource(PlyFormat.class)
    void meshRoundTrip(PlyFormat format) throws Exception {
        var mesh = new TriangleMesh(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1},
                new int[] {0, 1, 2, 0, 3, 1, 3, 2, 1}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 250});
        Path file = dir.resolve("mesh.ply");
        mesh.write(file, format);

        TriangleMesh read = TriangleMesh.read(file);

        assertThat(read.vertices()).containsExactly(mesh.vertices());
        assertThat(read.triangles()).containsExactly(mesh.triangles());
        assertThat(read.vertexColors()).containsExactly(mesh.vertexColors());
    }

    @Test
    void polygonsAreFanTriangulatedAndVertexIndexSpellingAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("poly.ply"), """
                ply
                format ascii 1.0
                element vertex 5
                property float x
                property float y
                property float z
                element face 2
                property list uchar uint vertex_index
                end_header
                0 0 0
                1 0 0
                1 1 0
                0 1 0
                2 2 0
                5 0 1 2 3 4
                3 4 3 2
                """);
        TriangleMesh mesh = TriangleMesh.read(file);
        assertThat(mesh.vertexColors()).isNull();
        assertThat(mesh.triangles()).containsExactly(0, 1, 2, 0, 2, 3, 0, 3, 4, 4, 3, 2);
    }

    @Test
    void meshFaceErrorsNameTheFace() throws Exception {
        String header = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 2\nproperty list uchar int vertex_indices\nend_header\n"
                + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
        Path outOfRange = Files.writeString(dir.resolve("range.ply"), header + "3 0 1 3\n");
        assertThatThrownBy(() -> TriangleMesh.read(outOfRange))
                .hasMessage(outOfRange + ": face 1 refers to vertex 3 but there are only 3 vertices");
        Path degenerate = Files.writeString(dir.resolve("line.ply"), header + "2 0 1\n");
        assertThatThrownBy(() -> TriangleMesh.read(degenerate))
                .hasMessage(degenerate + ": face 1 has 2 vertices, fewer than 3");
        Path noFaces = Files.writeString(dir.resolve("points.ply"),
                "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\n"
                        + "end_header\n0 0 0\n");
        assertThatThrownBy(() -> TriangleMesh.read(noFaces)).hasMessage(noFaces + ": no 'face' element");
    }
}
