package dev.glimpse.datasets.ply;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One element declared in a PLY header: its name, record count and ordered properties. */
public record PlyElement(String name, int count, List<PlyProperty> properties) {

    public PlyElement {
        Objects.requireNonNull(name, "name");
        if (count < 0) {
            throw new IllegalArgumentException("PLY element '" + name + "' has negative count " + count);
        }
        properties = List.copyOf(properties);
        var seen = new HashSet<String>();
        for (PlyProperty property : properties) {
            if (!seen.add(property.name())) {
                throw new IllegalArgumentException(
                        "PLY element '" + name + "' declares property '" + property.name() + "' twice");
            }
        }
    }

    /** The property with this name, if declared. */
    public Optional<PlyProperty> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    /** True if every property is a scalar, so every record has the same binary size. */
    public boolean isFixedSize() {
        return properties.stream().noneMatch(PlyProperty::isList);
    }

    /**
     * Bytes one binary record takes at least: lists counted as empty. Used to reject headers whose
     * counts the file cannot possibly hold before anything is allocated.
     */
    public long minBinaryRecordBytes() {
        long bytes = 0;
        for (PlyProperty p : properties) {
            bytes += p.isList() ? p.countType().byteSize() : p.type().byteSize();
        }
        return bytes;
    }

    /** Characters one ASCII record takes at least: one digit plus one separator per value. */
    public long minAsciiRecordBytes() {
        return 2L * properties.size();
    }
}
