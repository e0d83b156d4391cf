package dev.glimpse.optimize.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GLSL source loaded from the classpath folder {@code shaders/}, with {@code #include "file.glsl"} expanded
 * (relative to the including file, else to {@code shaders/}; each file at most once; cycles rejected) and
 * {@code #define NAME VALUE} lines injected right after {@code #version}. {@code #line} directives give every
 * file its own source-string number and line range, so {@link #rewriteLog} maps driver messages back to
 * {@code file:line}.
 */
public final class ShaderSource {
    private static final String ROOT = "shaders/";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"\\s*(//.*)?$");
    private static final Pattern VERSION = Pattern.compile("^\\s*#\\s*version\\b.*");
    /**
     * Mesa reports source-string 0 for some errors inside included files, so each file also gets its own range of
     * line numbers (file k starts at k * LINES_PER_FILE + 1) and the line number alone identifies the file.
     */
    private static final int LINES_PER_FILE = 100_000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Mesa: {@code 0:12(5): error: ...}. */
    private static final Pattern MESA_LOG = Pattern.compile("^(\\d+):(\\d+)\\(\\d+\\): (.*)$");
    /** NVIDIA: {@code 0(12) : error C1008: ...}. */
    private static final Pattern NVIDIA_LOG = Pattern.compile("^(\\d+)\\((\\d+)\\) ?: (.*)$");

    private final String path;
    private final String text;
    private final List<String> files;

    private ShaderSource(String path, String text, List<String> files) {
        this.path = path;
        this.text = text;
        this.files = List.copyOf(files);
    }

    /**
     * Loads {@code shaders/<path>} and resolves it.
     *
     * @param defines injected in iteration order; names must be identifiers and values single-line
     */
    public static ShaderSource load(String path, Map<String, String> defines) {
        Expander expander = new Expander();
        String rootText = read(path, null);
        List<String> lines = rootText.lines().toList();
        int versionLine = -1;
        for (int i = 0; i < lines.size() && versionLine < 0; i++) {
            String trimmed = lines.get(i).trim();
            if (VERSION.matcher(trimmed).matches()) {
                versionLine = i;
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                break;
            }
        }
        if (versionLine < 0) {
            throw new GpuException(path + ": the first directive must be #version");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= versionLine; i++) {
            out.append(lines.get(i)).append('\n');
        }
        for (Map.Entry<String, String> define : defines.entrySet()) {
            String value = String.valueOf(define.getValue());
            if (!IDENTIFIER.matcher(define.getKey()).matches() || value.contains("\n")) {
                throw new GpuException(path + ": invalid define '" + define.getKey() + "' = '" + value + "'");
            }
            out.append("#define ").append(define.getKey()).append(' ').append(value).append('\n');
        }
        expander.files.add(path);
        expander.included.add(path);
        expander.stack.push(path);
        expander.expand(path, 0, lines.subList(versionLine + 1, lines.size()), versionLine + 2, out);
        return new ShaderSource(path, out.toString(), expander.files);
    }

    /** Resolves includes and #version/#line handling for one translation unit. */
    private static final class Expander {
        final List<String> files = new ArrayList<>();
        final Set<String> included = new HashSet<>();
        final Deque<String> stack = new ArrayDeque<>();

        void expand(String file, int fileIndex, List<String> lines, int firstLine, StringBuilder out) {
            lineDirective(fileIndex, firstLine, out);
            for (int i = 0; i < lines.size(); i++) {
                int lineNumber = firstLine + i;
                String line = lines.get(i);
                Matcher include = INCLUDE.matcher(line);
                if (include.matches()) {
                    includeFile(file, lineNumber, include.group(1), out);
                    lineDirective(fileIndex, lineNumber + 1, out);
                } else if (fileIndex > 0 && VERSION.matcher(line).matches()) {
                    throw new GpuException(file + ":" + lineNumber + ": an included file must not have #version");
                } else {
                    out.append(line).append('\n');
                }
            }
        }

        private static void lineDirective(int fileIndex, int line, StringBuilder out) {
            out.append("#line ").append(fileIndex * LINES_PER_FILE + line).append(' ').append(fileIndex).append('\n');
        }

        private void includeFile(String from, int lineNumber, String target, StringBuilder out) {
            String resolved = resolve(from, target, lineNumber);
            if (stack.contains(resolved)) {
                List<String> chain = new ArrayList<>(stack.reversed());
                chain.add(resolved);
                throw new GpuException(from + ":" + lineNumber + ": include cycle " + String.join(" -> ", chain));
            }
            if (!included.add(resolved)) {
                return;
            }
            files.add(resolved);
            int index = files.size() - 1;
            stack.push(resolved);
            expand(resolved, index, read(resolved, from + ":" + lineNumber).lines().toList(), 1, out);
            stack.pop();
        }

        private static String resolve(String from, String target, int lineNumber) {
            int slash = from.lastIndexOf('/');
            String relative = normalize((slash < 0 ? "" : from.substring(0, slash + 1)) + target);
            if (relative != null && exists(relative)) {
                return relative;
            }
            String fromRoot = normalize(target.startsWith("/") ? target.substring(1) : target);
            if (fromRoot != null && exists(fromRoot)) {
                return fromRoot;
            }
            throw new GpuException(from + ":" + lineNumber + ": include \"" + target + "\" not found next to "
                    + from + " nor under " + ROOT);
        }
    }

    /** Collapses "." and ".." segments; null when the path climbs above shaders/. */
    private static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static boolean exists(String path) {
        return ShaderSource.class.getClassLoader().getResource(ROOT + path) != null;
    }

    private static String read(String path, String includedFrom) {
        try (InputStream in = ShaderSource.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new GpuException((includedFrom == null ? "" : includedFrom + ": ") + "shader resource "
                        + ROOT + path + " not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GpuException("cannot read shader resource " + ROOT + path + ": " + e.getMessage(), e);
        }
    }

    /** The path below {@code shaders/} this source was loaded from. */
    public String path() {
        return path;
    }

    /** The expanded text handed to the compiler. */
    public String text() {
        return text;
    }

    /** Files by GLSL source-string number: index 0 is the root file, then includes in order of first use. */
    public List<String> files() {
        return files;
    }

    /** True when {@code identifier} occurs as a whole word in the expanded text. */
    boolean mentions(String identifier) {
        return Pattern.compile("\\b" + Pattern.quote(identifier) + "\\b").matcher(text).find();
    }

    /** Rewrites Mesa ({@code 0:12(5): }) and NVIDIA ({@code 0(12) : }) log lines to {@code file.glsl:12: }. */
    public String rewriteLog(String log) {
        StringBuilder out = new StringBuilder();
        for (String line : log.lines().toList()) {
            Matcher m = MESA_LOG.matcher(line);
            if (!m.matches()) {
                m = NVIDIA_LOG.matcher(line);
            }
            if (m.matches()) {
                long reported = Long.parseLong(m.group(2));
                int source = (int) (reported / LINES_PER_FILE);
                String file = source < files.size() ? files.get(source) : "source" + m.group(1);
                out.append(file).append(':').append(reported % LINES_PER_FILE).append(": ").append(m.group(3));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }
}
