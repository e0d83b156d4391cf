package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A triangle mesh as stored in PLY {@code vertex} and {@code face} elements. Polygons read from a
 * file are fan-triangulated, so {@code triangles} always holds three indices per face.
 *
 * @param vertices     float [vertexCount][3] x, y, z
 * @param triangles    int [triangleCount][3] vertex indices
 * @param vertexColors uint8 [vertexCount][3] red, green, blue, or null
 */
public record TriangleMesh(float[] vertices, int[] triangles, byte[] vertexColors) {

    public TriangleMesh {
        Objects.requireNonNull(vertices, "vertices");
        Objects.requireNonNull(triangles, "triangles");
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("vertices and triangles must hold 3 values each");
        }
        if (vertexColors != null && vertexColors.length != vertices.length) {
            throw new IllegalArgumentException("vertexColors must hold 3 values per vertex");
        }
        for (int index : triangles) {
            if (index < 0 || index >= vertices.length / 3) {
                throw new IllegalArgumentException("triangle index " + index + " outside 0.." + (vertices.length / 3 - 1));
            }
        }
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Reads vertices (x, y, z, optional colours) and faces ({@code vertex_indices} or {@code vertex_index}). */
    public static TriangleMesh read(Path file) throws IOException {
        PlyData data = PlyReader.read(file);
        PlyElementData vertex = PlyVertexColumns.requireElement(file, data, "vertex");
        PlyElementData face = PlyVertexColumns.requireElement(file, data, "face");
        float[] vertices = PlyVertexColumns.positions(file, vertex);
        PlyListColumn polygons = face.list("vertex_indices").or(() -> face.list("vertex_index"))
                .orElseThrow(() -> new PlyException(file, "element 'face' has no list 'vertex_indices' or 'vertex_index'"));
        if (!polygons.type().isInteger()) {
            throw new PlyException(file, "face vertex indices are " + polygons.type().headerName() + ", not integers");
        }
        long triangleCount = 0;
        for (int f = 0; f < face.count(); f++) {
            if (polygons.length(f) < 3) {
                throw new PlyException(file, "face " + f + " has " + polygons.length(f) + " vertices, fewer than 3");
            }
            triangleCount += polygons.length(f) - 2;
        }
        if (3 * triangleCount > Integer.MAX_VALUE - 8) {
            throw new PlyException(file, "more triangles than fit in one array");
        }
        var triangles = new int[(int) (3 * triangleCount)];
        PlyScalarColumn indices = polygons.items();
        int out = 0;
        for (int f = 0; f < face.count(); f++) {
            int first = polygons.offset(f);
            for (int corner = 1; corner + 1 < polygons.length(f); corner++) {
                triangles[out++] = vertexIndex(file, indices, first, vertex.count(), f);
                triangles[out++] = vertexIndex(file, indices, first + corner, vertex.count(), f);
                triangles[out++] = vertexIndex(file, indices, first + corner + 1, vertex.count(), f);
            }
        }
        return new TriangleMesh(vertices, triangles, PlyVertexColumns.colors(vertex).orElse(null));
    }

    private static int vertexIndex(Path file, PlyScalarColumn indices, int i, int vertexCount, int face)
            throws PlyException {
        long index = indices.getLong(i);
        if (index < 0 || index >= vertexCount) {
            throw new PlyException(file, "face " + face + " refers to vertex " + index + " but there are only "
                    + vertexCount + " vertices");
        }
        return (int) index;
    }

    /** Writes binary little-endian. */
    public void write(Path file) throws IOException {
        write(file, PlyFormat.BINARY_LITTLE_ENDIAN);
    }

    /** Writes float x y z [uchar red green blue] and faces as {@code list uchar int vertex_indices}. */
    public void write(Path file, PlyFormat format) throws IOException {
        var vertex = PlyElementData.builder("vertex", vertexCount());
        PlyVertexColumns.addInterleaved(vertex, vertices, vertexCount(), "x", "y", "z");
        if (vertexColors != null) {
            PlyVertexColumns.addColors(vertex, vertexColors, vertexCount());
        }
        var offsets = new int[triangleCount() + 1];
        for (int t = 0; t <= triangleCount(); t++) {
            offsets[t] = 3 * t;
        }
        var faces = new PlyListColumn(offsets, PlyScalarColumn.ofInts(PlyType.INT, triangles));
        var face = PlyElementData.builder("face", triangleCount()).list("vertex_indices", PlyType.UCHAR, faces);
        PlyWriter.write(file, PlyData.of(format, List.of("written by Glimpse"), List.of(vertex.build(), face.build())),
                format);
    }
}
