package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the text header and checks, before any body data is allocated, that the declared element
 * counts fit in what is left of the file: a corrupt count must fail fast instead of exhausting memory.
 */
final class PlyHeaderParser {
    private static final int MAX_HEADER_BYTES = 1 << 20;
    // Java arrays cannot be longer than this on common VMs.
    private static final long MAX_COUNT = Integer.MAX_VALUE - 8;

    private final PlyInput in;
    private int lineNumber;
    private int headerBytes;

    private PlyFormat format;
    private final List<String> comments = new ArrayList<>();
    private final List<String> objInfo = new ArrayList<>();
    private final List<String> elementNames = new ArrayList<>();
    private final List<Long> elementCounts = new ArrayList<>();
    private final List<List<PlyProperty>> elementProperties = new ArrayList<>();

    private PlyHeaderParser(PlyInput in) {
        this.in = in;
    }

    /** Reads the header, leaving {@code in} at the first body byte. */
    static PlyHeader parse(PlyInput in) throws IOException {
        return new PlyHeaderParser(in).parse();
    }

    private PlyHeader parse() throws IOException {
        // Check the magic bytes before reading a whole line: a large binary file may have no newline.
        if (in.read() != 'p' || in.read() != 'l' || in.read() != 'y' || !nextLine().orElse("x").isEmpty()) {
            throw error("not a PLY file (first line is not 'ply')");
        }
        while (true) {
            String line = nextLine().orElseThrow(() -> error("header ends without 'end_header'"));
            String[] words = line.trim().split("[ \t]+");
            switch (words[0]) {
                case "end_header" -> {
                    in.setHeaderLines(lineNumber);
                    return finish();
                }
                case "format" -> parseFormat(words);
                case "comment" -> comments.add(textAfterKeyword(line));
                case "obj_info" -> objInfo.add(textAfterKeyword(line));
                case "element" -> parseElement(words);
                case "property" -> parseProperty(words);
                case "" -> { } // blank lines are harmless
                default -> throw malformed("unknown keyword '" + words[0] + "'");
            }
        }
    }

    private void parseFormat(String[] words) throws PlyException {
        if (format != null) {
            throw malformed("second 'format' line");
        }
        if (words.length != 3) {
            throw malformed("expected 'format <encoding> 1.0'");
        }
        format = PlyFormat.fromHeaderName(words[1]).orElseThrow(() -> error("unknown format '" + words[1] + "'"));
        if (!words[2].equals("1.0") && !words[2].equals("1")) {
            throw error("unsupported PLY version '" + words[2] + "'");
        }
    }

    private void parseElement(String[] words) throws PlyException {
        if (words.length != 3) {
            throw malformed("expected 'element <name> <count>'");
        }
        if (elementNames.contains(words[1])) {
            throw malformed("element '" + words[1] + "' declared twice");
        }
        long count;
        try {
            count = Long.parseLong(words[2]);
        } catch (NumberFormatException e) {
            throw malformed("element count '" + words[2] + "' is not an integer");
        }
        if (count < 0) {
            throw malformed("element count " + count + " is negative");
        }
        elementNames.add(words[1]);
        elementCounts.add(count);
        elementProperties.add(new ArrayList<>());
    }

    private void parseProperty(String[] words) throws PlyException {
        if (elementNames.isEmpty()) {
            throw malformed("property declared before any element");
        }
        List<PlyProperty> properties = elementProperties.getLast();
        PlyProperty property;
        if (words.length == 5 && words[1].equals("list")) {
            PlyType countType = type(words[2]);
            if (!countType.isInteger()) {
                throw malformed("list count type '" + words[2] + "' is not an integer type");
            }
            property = PlyProperty.list(words[4], countType, type(words[3]));
        } else if (words.length == 3 && !words[1].equals("list")) {
            property = PlyProperty.scalar(words[2], type(words[1]));
        } else {
            throw malformed("expected 'property <type> <name>' or 'property list <type> <type> <name>'");
        }
        if (properties.stream().anyMatch(p -> p.name().equals(property.name()))) {
            throw malformed("property '" + property.name() + "' declared twice in element '"
                    + elementNames.getLast() + "'");
        }
        properties.add(property);
    }

    private PlyType type(String name) throws PlyException {
        return PlyType.fromHeaderName(name).orElseThrow(() -> error("unknown property type '" + name + "'"));
    }

    private PlyHeader finish() throws PlyException {
        if (format == null) {
            throw malformed("no 'format' line before 'end_header'");
        }
        checkCountsFitFile();
        var elements = new ArrayList<PlyElement>();
        for (int i = 0; i < elementNames.size(); i++) {
            long count = elementCounts.get(i);
            if (count > MAX_COUNT) {
                // Only reachable for elements without properties, which take no bytes.
                throw error("element '" + elementNames.get(i) + "' count " + count + " exceeds the supported maximum");
            }
            elements.add(new PlyElement(elementNames.get(i), (int) count, elementProperties.get(i)));
        }
        return new PlyHeader(format, comments, objInfo, elements);
    }

    private void checkCountsFitFile() throws PlyException {
        long available = in.remainingInFile();
        // The last ASCII value needs no separator after it.
        long slack = format.isBinary() ? 0 : 1;
        long needed = 0;
        for (int i = 0; i < elementNames.size(); i++) {
            var element = new PlyElement(elementNames.get(i), 0, elementProperties.get(i));
            long perRecord = format.isBinary() ? element.minBinaryRecordBytes() : element.minAsciiRecordBytes();
            long count = elementCounts.get(i);
            long elementBytes;
            try {
                elementBytes = Math.multiplyExact(count, perRecord);
                needed = Math.addExact(needed, elementBytes);
            } catch (ArithmeticException overflow) {
                elementBytes = Long.MAX_VALUE;
                needed = Long.MAX_VALUE;
            }
            if (needed > available + slack) {
                throw error("element '" + elementNames.get(i) + "' declares " + count + " records needing at least "
                        + (elementBytes == Long.MAX_VALUE ? "more than 2^63" : elementBytes) + " bytes, but only "
                        + available + " bytes of data follow the header (file truncated or count corrupt)");
            }
        }
    }

    /** The next header line without its line terminator, or empty at the end of the file. */
    private Optional<String> nextLine() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (++headerBytes > MAX_HEADER_BYTES) {
                throw error("no 'end_header' within the first " + MAX_HEADER_BYTES + " bytes");
            }
            bytes.write(b);
        }
        if (b == -1 && bytes.size() == 0) {
            return Optional.empty();
        }
        lineNumber++;
        String line = bytes.toString(StandardCharsets.ISO_8859_1);
        return Optional.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }

    private static String textAfterKeyword(String line) {
        String[] keywordAndText = line.strip().split("[ \t]+", 2);
        return keywordAndText.length < 2 ? "" : keywordAndText[1];
    }

    private PlyException malformed(String problem) {
        return error("malformed header line " + lineNumber + ": " + problem);
    }

    private PlyException error(String problem) {
        return new PlyException(in.file(), problem);
    }
}
