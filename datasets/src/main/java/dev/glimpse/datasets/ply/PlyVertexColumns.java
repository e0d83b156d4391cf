package dev.glimpse.datasets.ply;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the vertex attributes shared by point clouds and meshes (positions, colours), accepting the
 * property spellings common writers use.
 */
final class PlyVertexColumns {
    private static final List<List<String>> COLOR_NAMES = List.of(
            List.of("red", "green", "blue"),
            List.of("diffuse_red", "diffuse_green", "diffuse_blue"),
            List.of("r", "g", "b"));

    private PlyVertexColumns() {
    }

    static PlyElementData requireElement(Path file, PlyData data, String name) throws PlyException {
        return data.element(name).orElseThrow(() -> new PlyException(file, "no '" + name + "' element"));
    }

    static PlyScalarColumn requireScalar(Path file, PlyElementData element, String name) throws PlyException {
        return element.scalar(name).orElseThrow(() -> new PlyException(file,
                "element '" + element.name() + "' has no scalar property '" + name + "'"));
    }

    /** Three named scalar columns interleaved as float [count][3], or empty if any is missing. */
    static Optional<float[]> interleaved(PlyElementData element, String a, String b, String c) {
        var columns = List.of(a, b, c).stream().map(element::scalar).toList();
        if (columns.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        var out = new float[3 * element.count()]; // [count][3]
        for (int axis = 0; axis < 3; axis++) {
            PlyScalarColumn column = columns.get(axis).orElseThrow();
            for (int i = 0; i < element.count(); i++) {
                out[3 * i + axis] = column.getFloat(i);
            }
        }
        return Optional.of(out);
    }

    /** Positions x, y, z as float [count][3]; required. */
    static float[] positions(Path file, PlyElementData element) throws PlyException {
        for (String axis : List.of("x", "y", "z")) {
            requireScalar(file, element, axis);
        }
        return interleaved(element, "x", "y", "z").orElseThrow();
    }

    /** The property names of the colour triple found, if any. */
    static Optional<List<String>> colorNames(PlyElementData element) {
        return COLOR_NAMES.stream()
                .filter(names -> names.stream().allMatch(n -> element.scalar(n).isPresent()))
                .findFirst();
    }

    /**
     * Colours as uint8 [count][3]. Integer channels are taken as 0..255 (16-bit ones rescaled);
     * floating-point channels as 0..1, unless some value exceeds 1, which marks a 0..255 writer.
     */
    static Optional<byte[]> colors(PlyElementData element) {
        Optional<List<String>> names = colorNames(element);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        var out = new byte[3 * element.count()]; // [count][3] uint8
        for (int channel = 0; channel < 3; channel++) {
            PlyScalarColumn column = element.scalar(names.get().get(channel)).orElseThrow();
            double scale = colorScale(column);
            for (int i = 0; i < element.count(); i++) {
                long value = Math.round(column.getDouble(i) * scale);
                out[3 * i + channel] = (byte) Math.clamp(value, 0, 255);
            }
        }
        return Optional.of(out);
    }

    private static double colorScale(PlyScalarColumn column) {
        return switch (column.type()) {
            case USHORT -> 255.0 / 65535.0;
            case FLOAT, DOUBLE -> {
                for (int i = 0; i < column.size(); i++) {
                    if (column.getDouble(i) > 1.0) {
                        yield 1.0;
                    }
                }
                yield 255.0;
            }
            default -> 1.0;
        };
    }

    /** Adds three float properties from an interleaved [count][3] array. */
    static void addInterleaved(PlyElementData.Builder builder, float[] values, int count, String... names) {
        for (int axis = 0; axis < 3; axis++) {
            var column = new float[count];
            for (int i = 0; i < count; i++) {
                column[i] = values[3 * i + axis];
            }
            builder.floats(names[axis], column);
        }
    }

    /** Adds uchar red, green, blue from an interleaved [count][3] uint8 array. */
    static void addColors(PlyElementData.Builder builder, byte[] colors, int count) {
        List<String> names = COLOR_NAMES.getFirst();
        for (int channel = 0; channel < 3; channel++) {
            var column = new int[count];
            for (int i = 0; i < count; i++) {
                column[i] = colors[3 * i + channel] & 0xFF;
            }
            builder.scalar(names.get(channel), PlyScalarColumn.ofInts(PlyType.UCHAR, column));
        }
    }
}
