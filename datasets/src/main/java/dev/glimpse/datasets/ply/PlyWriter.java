package dev.glimpse.datasets.ply;

import dev.glimpse.datasets.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link PlyData} in any of the three encodings, binary little-endian by default (what
 * splat viewers expect). The output appears atomically: a failed write leaves no partial file.
 */
public final class PlyWriter {
    private static final int BUFFER_BYTES = 1 << 20;

    private PlyWriter() {
    }

    /** Writes binary little-endian. */
    public static void write(Path file, PlyData data) throws IOException {
        write(file, data, PlyFormat.BINARY_LITTLE_ENDIAN);
    }

    /** Writes in {@code format}, whatever format the data was read from. */
    public static void write(Path file, PlyData data, PlyFormat format) throws IOException {
        PlyHeader source = data.header();
        var header = new PlyHeader(format, source.comments(), source.objInfo(), source.elements());
        AtomicWrite.write(file, out -> {
            out.write(header.toText().getBytes(StandardCharsets.US_ASCII));
            for (PlyElementData element : data.elements()) {
                if (format.isBinary()) {
                    writeBinary(file, out, element, ByteBuffer.allocate(BUFFER_BYTES).order(format.byteOrder()));
                } else {
                    writeAscii(file, out, element);
                }
            }
        });
    }

    private static void writeBinary(Path file, OutputStream out, PlyElementData element, ByteBuffer buffer)
            throws IOException {
        long recordBytes = element.element().minBinaryRecordBytes();
        if (element.element().isFixedSize() && recordBytes > 0 && recordBytes <= BUFFER_BYTES) {
            writeFixedSize(out, element, (int) recordBytes, buffer);
        } else {
            writeRecordByRecord(file, out, element, buffer);
        }
    }

    /** Fills the buffer with whole records, column by column. */
    private static void writeFixedSize(OutputStream out, PlyElementData element, int recordBytes, ByteBuffer buffer)
            throws IOException {
        int[] offsets = PlyColumnCodec.propertyOffsets(element.element().properties());
        int perChunk = BUFFER_BYTES / recordBytes;
        for (int record = 0; record < element.count(); ) {
            int n = Math.min(perChunk, element.count() - record);
            for (int p = 0; p < offsets.length; p++) {
                PlyColumnCodec.encode(buffer, offsets[p], recordBytes, (PlyScalarColumn) element.columns().get(p),
                        record, n);
            }
            out.write(buffer.array(), 0, n * recordBytes);
            record += n;
        }
    }

    private static void writeRecordByRecord(Path file, OutputStream out, PlyElementData element, ByteBuffer buffer)
            throws IOException {
        List<PlyColumn> columns = element.columns();
        List<PlyProperty> properties = element.element().properties();
        for (int record = 0; record < element.count(); record++) {
            for (int p = 0; p < columns.size(); p++) {
                if (columns.get(p) instanceof PlyScalarColumn scalar) {
                    drainIfFull(out, buffer);
                    encode(buffer, scalar, record);
                } else {
                    var list = (PlyListColumn) columns.get(p);
                    drainIfFull(out, buffer);
                    PlyType countType = properties.get(p).countType();
                    encodeInteger(buffer, countType, checkedLength(file, element, properties.get(p), list, record));
                    for (int i = list.offset(record); i < list.offset(record + 1); i++) {
                        drainIfFull(out, buffer);
                        encode(buffer, list.items(), i);
                    }
                }
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    private static void drainIfFull(OutputStream out, ByteBuffer buffer) throws IOException {
        if (buffer.remaining() < Double.BYTES) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    private static void encode(ByteBuffer buffer, PlyScalarColumn column, int i) {
        switch (column.type()) {
            case FLOAT -> buffer.putFloat(column.getFloat(i));
            case DOUBLE -> buffer.putDouble(column.getDouble(i));
            default -> encodeInteger(buffer, column.type(), column.getLong(i));
        }
    }

    private static void encodeInteger(ByteBuffer buffer, PlyType type, long value) {
        switch (type.byteSize()) {
            case 1 -> buffer.put((byte) value);
            case 2 -> buffer.putShort((short) value);
            default -> buffer.putInt((int) value);
        }
    }

    private static void writeAscii(Path file, OutputStream out, PlyElementData element) throws IOException {
        List<PlyColumn> columns = element.columns();
        List<PlyProperty> properties = element.element().properties();
        var line = new StringBuilder();
        // Records without properties are empty lines; the reader skips blank lines, so write none.
        for (int record = 0; record < element.count() && !columns.isEmpty(); record++) {
            line.setLength(0);
            for (int p = 0; p < columns.size(); p++) {
                if (columns.get(p) instanceof PlyScalarColumn scalar) {
                    appendAscii(line, scalar, record);
                } else {
                    var list = (PlyListColumn) columns.get(p);
                    line.append(checkedLength(file, element, properties.get(p), list, record)).append(' ');
                    for (int i = list.offset(record); i < list.offset(record + 1); i++) {
                        appendAscii(line, list.items(), i);
                    }
                }
            }
            line.setCharAt(line.length() - 1, '\n');
            out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void appendAscii(StringBuilder line, PlyScalarColumn column, int i) {
        // Float/Double.toString print the shortest text that parses back to the identical value.
        switch (column.type()) {
            case FLOAT -> line.append(column.getFloat(i));
            case DOUBLE -> line.append(column.getDouble(i));
            default -> line.append(column.getLong(i));
        }
        line.append(' ');
    }

    private static long checkedLength(Path file, PlyElementData element, PlyProperty property, PlyListColumn list,
            int record) throws PlyException {
        int length = list.length(record);
        if (!property.countType().fits(length)) {
            throw new PlyException(file, "list '" + property.name() + "' of element '" + element.name() + "' record "
                    + record + " has " + length + " items, more than count type "
                    + property.countType().headerName() + " can store");
        }
        return length;
    }
}
