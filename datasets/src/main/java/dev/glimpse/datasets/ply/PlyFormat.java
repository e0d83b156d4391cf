package dev.glimpse.datasets.ply;

import java.nio.ByteOrder;
import java.util.Optional;

/** The three encodings a PLY file body may use, named as in the {@code format} header line. */
public enum PlyFormat {
    ASCII("ascii", null),
    BINARY_LITTLE_ENDIAN("binary_little_endian", ByteOrder.LITTLE_ENDIAN),
    BINARY_BIG_ENDIAN("binary_big_endian", ByteOrder.BIG_ENDIAN);

    private final String headerName;
    private final ByteOrder byteOrder;

    PlyFormat(String headerName, ByteOrder byteOrder) {
        this.headerName = headerName;
        this.byteOrder = byteOrder;
    }

    /** The keyword written after {@code format} in the header. */
    public String headerName() {
        return headerName;
    }

    /** Byte order of a binary body; {@code null} for ASCII. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** True for both binary encodings. */
    public boolean isBinary() {
        return byteOrder != null;
    }

    /** Looks up a format by its header keyword. */
    public static Optional<PlyFormat> fromHeaderName(String name) {
        for (PlyFormat format : values()) {
            if (format.headerName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
