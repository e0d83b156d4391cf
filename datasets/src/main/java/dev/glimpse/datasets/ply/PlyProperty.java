package dev.glimpse.datasets.ply;

import java.util.Objects;

/**
 * One property declared in a PLY header: a scalar of {@code type}, or (when {@code countType} is
 * non-null) a variable-length list whose length is stored as {@code countType} and whose items are
 * {@code type}.
 */
public record PlyProperty(String name, PlyType type, PlyType countType) {

    public PlyProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("PLY property name must be one non-empty word: '" + name + "'");
        }
        if (countType != null && !countType.isInteger()) {
            throw new IllegalArgumentException("PLY list count type must be an integer type, got " + countType);
        }
    }

    /** A scalar property. */
    public static PlyProperty scalar(String name, PlyType type) {
        return new PlyProperty(name, type, null);
    }

    /** A list property, e.g. {@code list("vertex_indices", UCHAR, INT)}. */
    public static PlyProperty list(String name, PlyType countType, PlyType itemType) {
        return new PlyProperty(name, itemType, Objects.requireNonNull(countType, "countType"));
    }

    /** True for list properties. */
    public boolean isList() {
        return countType != null;
    }

    /** The declaration as it appears in a header, without the {@code property} keyword. */
    public String declaration() {
        return isList()
                ? "list " + countType.headerName() + " " + type.headerName() + " " + name
                : type.headerName() + " " + name;
    }
}
