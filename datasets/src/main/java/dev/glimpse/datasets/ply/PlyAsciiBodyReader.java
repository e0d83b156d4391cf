package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes an ASCII body, one record per line, checking every number and the values per line. */
final class PlyAsciiBodyReader {
    private final PlyInput in;
    private byte[] line = new byte[256];
    private int[] tokenStart = new int[32];
    private int[] tokenEnd = new int[32];
    private int tokenCount;
    private int nextToken;
    private long lineNumber;

    PlyAsciiBodyReader(PlyInput in) {
        this.in = in;
        this.lineNumber = in.headerLines();
    }

    PlyElementData read(PlyElement element) throws IOException {
        List<PlyProperty> properties = element.properties();
        int count = element.count();
        var scalars = new PlyScalarColumn[properties.size()];
        var lists = new PlyBinaryBodyReader.ListBuilder[properties.size()];
        for (int p = 0; p < properties.size(); p++) {
            PlyProperty property = properties.get(p);
            if (property.isList()) {
                lists[p] = new PlyBinaryBodyReader.ListBuilder(property, count, in.remainingInFile() / 2);
            } else {
                scalars[p] = PlyScalarColumn.allocate(property.type(), count);
            }
        }
        for (int record = 0; record < count && !properties.isEmpty(); record++) {
            if (!nextNonBlankLine()) {
                throw error("file ends after " + record + " of " + count + " records of element '"
                        + element.name() + "'");
            }
            for (int p = 0; p < scalars.length; p++) {
                if (scalars[p] != null) {
                    parseInto(scalars[p], record, element, properties.get(p), p);
                } else {
                    readList(lists[p], record, element, p);
                }
            }
            if (nextToken < tokenCount) {
                throw error("expected " + nextToken + " values for element '" + element.name() + "' record "
                        + record + " but the line has " + tokenCount);
            }
        }
        var columns = new ArrayList<PlyColumn>();
        for (int p = 0; p < scalars.length; p++) {
            columns.add(scalars[p] != null ? scalars[p] : lists[p].build());
        }
        return new PlyElementData(element, columns);
    }

    private void readList(PlyBinaryBodyReader.ListBuilder list, int record, PlyElement element, int p)
            throws PlyException {
        PlyProperty property = list.property;
        requireValues(element, p, 1);
        long length = parseInteger(property.countType(), property);
        if (length < 0) {
            throw error("list '" + property.name() + "' has negative length " + length);
        }
        requireValues(element, p, length);
        list.reserve((int) length);
        for (int i = 0; i < length; i++) {
            parseInto(list.items, list.size++, element, property, p);
        }
        list.offsets[record + 1] = list.size;
    }

    private void parseInto(PlyScalarColumn column, int index, PlyElement element, PlyProperty property, int p)
            throws PlyException {
        requireValues(element, p, 1);
        switch (column.type()) {
            case FLOAT -> column.setFloat(index, (float) parseReal(property, true));
            case DOUBLE -> column.doubleArray()[index] = parseReal(property, false);
            default -> column.setRawInt(index, (int) parseInteger(column.type(), property));
        }
    }

    /** Fails, citing the expected value count, unless the line has {@code needed} more values for property p. */
    private void requireValues(PlyElement element, int p, long needed) throws PlyException {
        if (tokenCount - nextToken >= needed) {
            return;
        }
        // A lower bound when lists follow: each remaining property needs at least one value.
        long expected = nextToken + needed + element.properties().size() - p - 1;
        throw error("expected " + (element.isFixedSize() ? "" : "at least ") + expected + " values for element '"
                + element.name() + "' but the line has " + tokenCount);
    }

    private long parseInteger(PlyType type, PlyProperty property) throws PlyException {
        int start = tokenStart[nextToken];
        int end = tokenEnd[nextToken];
        int i = start;
        boolean negative = line[i] == '-';
        if (line[i] == '-' || line[i] == '+') {
            i++;
        }
        long value = 0;
        boolean valid = i < end && end - i <= 18;
        for (; valid && i < end; i++) {
            int digit = line[i] - '0';
            valid = digit >= 0 && digit <= 9;
            value = value * 10 + digit;
        }
        value = negative ? -value : value;
        if (!valid) {
            throw error("'" + token() + "' is not a valid " + type.headerName() + " for property '"
                    + property.name() + "'");
        }
        if (!type.fits(value)) {
            throw error(value + " is out of range for " + type.headerName() + " property '" + property.name() + "'");
        }
        nextToken++;
        return value;
    }

    private double parseReal(PlyProperty property, boolean asFloat) throws PlyException {
        String text = token();
        nextToken++;
        char last = text.charAt(text.length() - 1);
        if (Character.isLetter(last)) {
            // C printf spells non-finite values nan / inf; Java spells them NaN / Infinity.
            String word = text.toLowerCase(java.util.Locale.ROOT);
            String unsigned = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
            if (unsigned.equals("nan")) {
                return Double.NaN;
            }
            if (unsigned.equals("inf") || unsigned.equals("infinity")) {
                return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        // Java's parser also takes hex floats and 'f'/'d' suffixes, which are not PLY numbers.
        try {
            if (isPlainDecimal(text)) {
                // Float.parseFloat rounds once; casting Double.parseDouble could round twice.
                return asFloat ? Float.parseFloat(text) : Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("'" + text + "' is not a valid " + property.type().headerName() + " for property '"
                + property.name() + "'");
    }

    private static boolean isPlainDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private String token() {
        return new String(line, tokenStart[nextToken], tokenEnd[nextToken] - tokenStart[nextToken],
                StandardCharsets.ISO_8859_1);
    }

    /** Reads the next line that holds any token and splits it; false at the end of the file. */
    private boolean nextNonBlankLine() throws IOException {
        do {
            if (!readLine()) {
                return false;
            }
        } while (tokenCount == 0);
        return true;
    }

    private boolean readLine() throws IOException {
        int length = 0;
        boolean any = false;
        outer:
        while (in.ensure(1)) {
            any = true;
            ByteBuffer buffer = in.buffer();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    break outer;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, 2 * length);
                }
                line[length++] = b;
            }
        }
        if (!any) {
            return false;
        }
        lineNumber++;
        tokenize(length);
        return true;
    }

    private void tokenize(int length) {
        tokenCount = 0;
        nextToken = 0;
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(line[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (tokenCount == tokenStart.length) {
                tokenStart = Arrays.copyOf(tokenStart, 2 * tokenCount);
                tokenEnd = Arrays.copyOf(tokenEnd, 2 * tokenCount);
            }
            tokenStart[tokenCount] = i;
            while (i < length && !isSpace(line[i])) {
                i++;
            }
            tokenEnd[tokenCount++] = i;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private PlyException error(String problem) {
        return new PlyException(in.file(), "line " + lineNumber + ": " + problem);
    }
}
