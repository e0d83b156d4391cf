package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 3D Gaussian splatting PLY layout read by SuperSplat, gsplat, Brush and the reference viewer:
 * one {@code vertex} element of float properties
 * {@code x y z nx ny nz f_dc_0..2 f_rest_0..M-1 opacity scale_0..2 rot_0..3}, M = 3 (K - 1).
 * {@code f_rest} is channel-major: index {@code c * (K - 1) + (k - 1)} holds channel c of
 * coefficient k >= 1, which is why it is reshuffled to and from the coefficient-major
 * {@link GaussianPlyData#sh()}.
 */
public final class GaussianPly {
    private GaussianPly() {
    }

    /** Property names in the order written for {@code shDegree}. */
    public static List<String> propertyNames(int shDegree) {
        int restPerChannel = GaussianPlyData.coefficientsPerChannel(shDegree) - 1;
        var names = new ArrayList<>(List.of("x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"));
        for (int i = 0; i < 3 * restPerChannel; i++) {
            names.add("f_rest_" + i);
        }
        names.addAll(List.of("opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"));
        return names;
    }

    /** Writes binary little-endian, the only encoding every splat viewer reads. */
    public static void write(Path file, GaussianPlyData gaussians) throws IOException {
        write(file, gaussians, PlyFormat.BINARY_LITTLE_ENDIAN);
    }

    /** Writes in {@code format}; normals are written as 0. */
    public static void write(Path file, GaussianPlyData g, PlyFormat format) throws IOException {
        int n = g.count();
        int k = g.coefficientsPerChannel();
        var vertex = PlyElementData.builder("vertex", n);
        PlyVertexColumns.addInterleaved(vertex, g.means(), n, "x", "y", "z");
        for (String normal : List.of("nx", "ny", "nz")) {
            vertex.floats(normal, new float[n]);
        }
        for (int c = 0; c < 3; c++) {
            vertex.floats("f_dc_" + c, shColumn(g, 0, c));
        }
        for (int c = 0; c < 3; c++) {
            for (int coefficient = 1; coefficient < k; coefficient++) {
                vertex.floats("f_rest_" + (c * (k - 1) + coefficient - 1), shColumn(g, coefficient, c));
            }
        }
        vertex.floats("opacity", g.logitOpacity().clone());
        PlyVertexColumns.addInterleaved(vertex, g.logScales(), n, "scale_0", "scale_1", "scale_2");
        for (int q = 0; q < 4; q++) {
            vertex.floats("rot_" + q, strided(g.quats(), n, 4, q));
        }
        PlyWriter.write(file, PlyData.of(format, List.of(), List.of(vertex.build())), format);
    }

    /** Reads the layout by property name, in any order; the SH degree follows from the f_rest count. */
    public static GaussianPlyData read(Path file) throws IOException {
        PlyData data = PlyReader.read(file);
        PlyElementData vertex = PlyVertexColumns.requireElement(file, data, "vertex");
        int rest = 0;
        while (vertex.scalar("f_rest_" + rest).isPresent()) {
            rest++;
        }
        int degree = switch (rest) {
            case 0 -> 0;
            case 9 -> 1;
            case 24 -> 2;
            case 45 -> 3;
            default -> throw new PlyException(file, "Gaussian splat PLY has " + rest
                    + " f_rest properties; expected 0, 9, 24 or 45 (SH degree 0..3)");
        };
        long stray = vertex.element().properties().stream().filter(p -> p.name().startsWith("f_rest_")).count();
        if (stray != rest) {
            throw new PlyException(file, "Gaussian splat PLY f_rest properties are not numbered 0.." + (rest - 1)
                    + " without gaps");
        }
        var missing = new ArrayList<String>();
        List<String> normals = List.of("nx", "ny", "nz"); // written as 0 and ignored on read
        for (String name : propertyNames(degree)) {
            if (!normals.contains(name) && vertex.scalar(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new PlyException(file, "not a Gaussian splat PLY: vertex element lacks " + String.join(", ", missing));
        }
        int n = vertex.count();
        var g = GaussianPlyData.allocate(n, degree);
        int k = g.coefficientsPerChannel();
        for (int c = 0; c < 3; c++) {
            fillStrided(g.means(), column(vertex, List.of("x", "y", "z").get(c)), 3, c);
            fillStrided(g.logScales(), column(vertex, "scale_" + c), 3, c);
            fillStrided(g.sh(), column(vertex, "f_dc_" + c), 3 * k, c);
            for (int coefficient = 1; coefficient < k; coefficient++) {
                float[] values = column(vertex, "f_rest_" + (c * (k - 1) + coefficient - 1));
                fillStrided(g.sh(), values, 3 * k, 3 * coefficient + c);
            }
        }
        for (int q = 0; q < 4; q++) {
            fillStrided(g.quats(), column(vertex, "rot_" + q), 4, q);
        }
        System.arraycopy(column(vertex, "opacity"), 0, g.logitOpacity(), 0, n);
        return g;
    }

    private static float[] column(PlyElementData vertex, String name) {
        PlyScalarColumn column = vertex.scalar(name).orElseThrow();
        // Float columns (the norm) are used in place rather than copied.
        return column.type() == PlyType.FLOAT ? column.floatArray() : column.toFloatArray();
    }

    private static float[] shColumn(GaussianPlyData g, int coefficient, int channel) {
        int k = g.coefficientsPerChannel();
        return strided(g.sh(), g.count(), 3 * k, 3 * coefficient + channel);
    }

    /** Element {@code offset} of every {@code stride}-float record. */
    private static float[] strided(float[] source, int n, int stride, int offset) {
        var out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = source[i * stride + offset];
        }
        return out;
    }

    private static void fillStrided(float[] target, float[] values, int stride, int offset) {
        for (int i = 0; i < values.length; i++) {
            target[i * stride + offset] = values[i];
        }
    }
}
