package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.DatasetException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A COLMAP text file read line by line, tracking the line number so every problem is reported as
 * "file: line N: problem". Number parsers reject what COLMAP never writes (non-finite values, signs on ids).
 */
final class TextLines implements Closeable {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Non-finite values as C++ streams (COLMAP) and Java spell them. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan(\\(.*\\))?|inf|infinity)");
    private static final String[] NO_TOKENS = new String[0];

    private final Path file;
    private final BufferedReader reader;
    private int lineNumber;

    TextLines(Path file) throws IOException {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "file not found");
        }
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "file not found");
        }
    }

    Path file() {
        return file;
    }

    /** The tokens of the next line that is neither blank nor a '#' comment, or null at the end of the file. */
    String[] nextDataLine() throws IOException {
        String line;
        while ((line = nextLine()) != null) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
                return WHITESPACE.split(trimmed);
            }
        }
        return null;
    }

    /** The tokens of the very next line, blank or not (images.txt's points2D line may be empty). */
    String[] nextLineTokens(String missing) throws IOException {
        String line = nextLine();
        if (line == null) {
            throw fail(missing);
        }
        String trimmed = line.trim();
        return trimmed.isEmpty() ? NO_TOKENS : WHITESPACE.split(trimmed);
    }

    private String nextLine() throws IOException {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new DatasetException(file, "line " + (lineNumber + 1) + ": not UTF-8 text");
        }
    }

    /** A one-line exception naming the file and the current line. */
    DatasetException fail(String problem) {
        return failAt(lineNumber, problem);
    }

    DatasetException failAt(int line, String problem) {
        return new DatasetException(file, "line " + line + ": " + problem);
    }

    int lineNumber() {
        return lineNumber;
    }

    double real(String token, String what) throws DatasetException {
        if (NON_FINITE.matcher(token).matches()) {
            throw fail(what + " is " + token + ", must be finite");
        }
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw fail(what + " '" + token + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw fail(what + " is " + token + ", must be finite");
        }
        return v;
    }

    /** A uint32 as COLMAP writes ids, kept in 32 bits. */
    int unsignedInt(String token, String what) throws DatasetException {
        try {
            return Integer.parseUnsignedInt(requireDigits(token, what));
        } catch (NumberFormatException e) {
            throw fail(what + " '" + token + "' does not fit in 32 bits");
        }
    }

    /** A uint64 (point3D ids), kept in 64 bits. */
    long unsignedLong(String token, String what) throws DatasetException {
        try {
            return Long.parseUnsignedLong(requireDigits(token, what));
        } catch (NumberFormatException e) {
            throw fail(what + " '" + token + "' does not fit in 64 bits");
        }
    }

    int intInRange(String token, String what, int min, int max) throws DatasetException {
        long v = unsignedLong(token, what);
        if (v < min || v > max) {
            throw fail(what + " is " + token + ", must be in " + min + ".." + max);
        }
        return (int) v;
    }

    private String requireDigits(String token, String what) throws DatasetException {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                throw fail(what + " '" + token + "' is not a non-negative integer");
            }
        }
        if (token.isEmpty()) {
            throw fail(what + " is empty");
        }
        return token;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
