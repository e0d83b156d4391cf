package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes the records of a binary body (either byte order) into columns. */
final class PlyBinaryBodyReader {
    private final PlyInput in;

    PlyBinaryBodyReader(PlyInput in, PlyFormat format) {
        this.in = in;
        in.order(format.byteOrder());
    }

    PlyElementData read(PlyElement element) throws IOException {
        long recordBytes = element.minBinaryRecordBytes();
        if (element.isFixedSize() && recordBytes > 0 && recordBytes <= PlyInput.CAPACITY) {
            return readFixedSize(element, (int) recordBytes);
        }
        return readRecordByRecord(element);
    }

    /** Decodes as many whole records as the buffer holds at a time, column by column. */
    private PlyElementData readFixedSize(PlyElement element, int recordBytes) throws IOException {
        List<PlyProperty> properties = element.properties();
        int[] offsets = PlyColumnCodec.propertyOffsets(properties);
        var columns = new ArrayList<PlyColumn>();
        for (PlyProperty property : properties) {
            columns.add(PlyScalarColumn.allocate(property.type(), element.count()));
        }
        int perChunk = PlyInput.CAPACITY / recordBytes;
        for (int record = 0; record < element.count(); ) {
            int n = Math.min(perChunk, element.count() - record);
            require(n * recordBytes, element, record);
            ByteBuffer buffer = in.buffer();
            int base = buffer.position();
            for (int p = 0; p < offsets.length; p++) {
                PlyColumnCodec.decode(buffer, base + offsets[p], recordBytes, (PlyScalarColumn) columns.get(p), record, n);
            }
            buffer.position(base + n * recordBytes);
            record += n;
        }
        return new PlyElementData(element, columns);
    }

    /** General path for elements with lists: each value is decoded as it comes. */
    private PlyElementData readRecordByRecord(PlyElement element) throws IOException {
        List<PlyProperty> properties = element.properties();
        int count = element.count();
        var scalars = new PlyScalarColumn[properties.size()];
        var lists = new ListBuilder[properties.size()];
        for (int p = 0; p < properties.size(); p++) {
            PlyProperty property = properties.get(p);
            if (property.isList()) {
                lists[p] = new ListBuilder(property, count, in.remainingInFile());
            } else {
                scalars[p] = PlyScalarColumn.allocate(property.type(), count);
            }
        }
        for (int record = 0; record < count; record++) {
            for (int p = 0; p < scalars.length; p++) {
                PlyProperty property = properties.get(p);
                if (scalars[p] != null) {
                    require(property.type().byteSize(), element, record);
                    decode(in.buffer(), property.type(), scalars[p], record);
                } else {
                    readList(element, record, lists[p]);
                }
            }
        }
        var columns = new ArrayList<PlyColumn>();
        for (int p = 0; p < scalars.length; p++) {
            columns.add(scalars[p] != null ? scalars[p] : lists[p].build());
        }
        return new PlyElementData(element, columns);
    }

    private void readList(PlyElement element, int record, ListBuilder list) throws IOException {
        PlyType countType = list.property.countType();
        require(countType.byteSize(), element, record);
        long length = decodeInteger(in.buffer(), countType);
        int itemSize = list.property.type().byteSize();
        if (length < 0) {
            throw new PlyException(in.file(), "element '" + element.name() + "' record " + record + " list '"
                    + list.property.name() + "' has negative length " + length);
        }
        if (length * itemSize > in.remainingInFile()) {
            throw truncated(element, record);
        }
        list.reserve((int) length);
        for (int i = 0; i < length; i++) {
            require(itemSize, element, record);
            decode(in.buffer(), list.property.type(), list.items, list.size++);
        }
        list.offsets[record + 1] = list.size;
    }

    private void require(int bytes, PlyElement element, int record) throws IOException {
        if (!in.ensure(bytes)) {
            throw truncated(element, record);
        }
    }

    private PlyException truncated(PlyElement element, int record) {
        return new PlyException(in.file(), "truncated binary data: file ends at byte " + in.position()
                + " inside record " + record + " of element '" + element.name() + "' (" + element.count()
                + " declared)");
    }

    private static void decode(ByteBuffer buffer, PlyType type, PlyScalarColumn column, int index) {
        switch (type) {
            case FLOAT -> column.setFloat(index, buffer.getFloat());
            case DOUBLE -> column.doubleArray()[index] = buffer.getDouble();
            default -> column.setRawInt(index, (int) decodeInteger(buffer, type));
        }
    }

    private static long decodeInteger(ByteBuffer buffer, PlyType type) {
        return switch (type) {
            case CHAR -> buffer.get();
            case UCHAR -> buffer.get() & 0xFF;
            case SHORT -> buffer.getShort();
            case USHORT -> buffer.getShort() & 0xFFFF;
            case INT -> buffer.getInt();
            case UINT -> Integer.toUnsignedLong(buffer.getInt());
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** Grows list items geometrically; capped by what the rest of the file can hold. */
    static final class ListBuilder {
        final PlyProperty property;
        final int[] offsets; // [count + 1]
        PlyScalarColumn items;
        int size;

        ListBuilder(PlyProperty property, int count, long remainingBytes) {
            this.property = property;
            this.offsets = new int[count + 1];
            // Triangles are the common case; the header check already bounded count by the file size.
            long guess = Math.min(3L * count, remainingBytes / property.type().byteSize());
            this.items = PlyScalarColumn.allocate(property.type(), (int) Math.min(guess, Integer.MAX_VALUE - 8));
        }

        void reserve(int more) {
            long needed = (long) size + more;
            if (needed > items.size()) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("list '" + property.name() + "' holds more than 2^31 items");
                }
                items = items.copyOf((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * items.size())));
            }
        }

        PlyListColumn build() {
            return new PlyListColumn(offsets, items.size() == size ? items : items.copyOf(size));
        }
    }
}
