package dev.glimpse.datasets.ply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A whole PLY file in memory: its header and the column data of every element, in file order. */
public final class PlyData {
    private final PlyHeader header;
    private final List<PlyElementData> elements;

    /** Pairs a header with element data; the header's elements must be exactly the data's. */
    public PlyData(PlyHeader header, List<PlyElementData> elements) {
        this.header = Objects.requireNonNull(header, "header");
        this.elements = List.copyOf(elements);
        List<PlyElement> declared = this.elements.stream().map(PlyElementData::element).toList();
        if (!declared.equals(header.elements())) {
            throw new IllegalArgumentException("PLY header elements do not match the element data");
        }
    }

    /** Builds the header from the elements; {@code format} is the encoding the data is meant for. */
    public static PlyData of(PlyFormat format, List<String> comments, List<PlyElementData> elements) {
        List<PlyElement> declared = elements.stream().map(PlyElementData::element).toList();
        return new PlyData(new PlyHeader(format, comments, List.of(), declared), elements);
    }

    /** Header as read (or as built). */
    public PlyHeader header() {
        return header;
    }

    /** Element data in file order. */
    public List<PlyElementData> elements() {
        return elements;
    }

    /** The element with this name, if present. */
    public Optional<PlyElementData> element(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
