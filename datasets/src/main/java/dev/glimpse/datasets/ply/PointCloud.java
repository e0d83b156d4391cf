package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A point cloud as stored in a PLY {@code vertex} element: positions, optional colours and normals,
 * and any other scalar vertex properties as named float columns.
 *
 * @param positions float [count][3] x, y, z
 * @param colors    uint8 [count][3] red, green, blue, or null
 * @param normals   float [count][3] nx, ny, nz, or null
 * @param extras    other per-point properties, each float [count], in file order
 */
public record PointCloud(float[] positions, byte[] colors, float[] normals, Map<String, float[]> extras) {

    public PointCloud {
        Objects.requireNonNull(positions, "positions");
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions length " + positions.length + " is not a multiple of 3");
        }
        int count = positions.length / 3;
        if (colors != null && colors.length != 3 * count) {
            throw new IllegalArgumentException("colors must hold 3 values per point");
        }
        if (normals != null && normals.length != 3 * count) {
            throw new IllegalArgumentException("normals must hold 3 values per point");
        }
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        for (var extra : extras.entrySet()) {
            if (extra.getValue().length != count) {
                throw new IllegalArgumentException("extra property '" + extra.getKey() + "' must hold 1 value per point");
            }
        }
    }

    /** Positions only. */
    public static PointCloud of(float[] positions) {
        return new PointCloud(positions, null, null, Map.of());
    }

    /** Number of points. */
    public int count() {
        return positions.length / 3;
    }

    /** Reads the {@code vertex} element of any PLY file holding at least x, y, z. */
    public static PointCloud read(Path file) throws IOException {
        PlyData data = PlyReader.read(file);
        PlyElementData vertex = PlyVertexColumns.requireElement(file, data, "vertex");
        float[] positions = PlyVertexColumns.positions(file, vertex);
        float[] normals = PlyVertexColumns.interleaved(vertex, "nx", "ny", "nz").orElse(null);
        byte[] colors = PlyVertexColumns.colors(vertex).orElse(null);
        var used = new java.util.HashSet<>(List.of("x", "y", "z"));
        if (normals != null) {
            used.addAll(List.of("nx", "ny", "nz"));
        }
        PlyVertexColumns.colorNames(vertex).ifPresent(used::addAll);
        var extras = new LinkedHashMap<String, float[]>();
        for (PlyProperty property : vertex.element().properties()) {
            if (!property.isList() && !used.contains(property.name())) {
                extras.put(property.name(), vertex.scalar(property.name()).orElseThrow().toFloatArray());
            }
        }
        return new PointCloud(positions, colors, normals, extras);
    }

    /** Writes binary little-endian. */
    public void write(Path file) throws IOException {
        write(file, PlyFormat.BINARY_LITTLE_ENDIAN);
    }

    /** Writes x y z [nx ny nz] [uchar red green blue] [extras] as float unless noted. */
    public void write(Path file, PlyFormat format) throws IOException {
        int count = count();
        var vertex = PlyElementData.builder("vertex", count);
        PlyVertexColumns.addInterleaved(vertex, positions, count, "x", "y", "z");
        if (normals != null) {
            PlyVertexColumns.addInterleaved(vertex, normals, count, "nx", "ny", "nz");
        }
        if (colors != null) {
            PlyVertexColumns.addColors(vertex, colors, count);
        }
        extras.forEach(vertex::floats);
        PlyWriter.write(file, PlyData.of(format, List.of("written by Glimpse"), List.of(vertex.build())), format);
    }
}
