package dev.glimpse.datasets.ply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a PLY header declares: the body encoding, comments and {@code obj_info} lines in file
 * order, and the elements in the order their records appear in the body.
 */
public record PlyHeader(PlyFormat format, List<String> comments, List<String> objInfo, List<PlyElement> elements) {

    public PlyHeader {
        Objects.requireNonNull(format, "format");
        comments = List.copyOf(comments);
        objInfo = List.copyOf(objInfo);
        elements = List.copyOf(elements);
        for (String line : comments) {
            requireSingleLine(line);
        }
        for (String line : objInfo) {
            requireSingleLine(line);
        }
    }

    /** The element with this name, if declared. */
    public Optional<PlyElement> element(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The header text, up to and including the {@code end_header} newline. */
    public String toText() {
        var text = new StringBuilder("ply\nformat ").append(format.headerName()).append(" 1.0\n");
        for (String comment : comments) {
            text.append("comment ").append(comment).append('\n');
        }
        for (String info : objInfo) {
            text.append("obj_info ").append(info).append('\n');
        }
        for (PlyElement element : elements) {
            text.append("element ").append(element.name()).append(' ').append(element.count()).append('\n');
            for (PlyProperty property : element.properties()) {
                text.append("property ").append(property.declaration()).append('\n');
            }
        }
        return text.append("end_header\n").toString();
    }

    private static void requireSingleLine(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("PLY header comment must be a single line: '" + line + "'");
        }
    }
}
