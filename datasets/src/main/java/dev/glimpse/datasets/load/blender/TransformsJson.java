package dev.glimpse.datasets.load.blender;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.load.DatasetPaths;
import dev.glimpse.datasets.scene.Pose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Strict reading of NeRF-style {@code transforms*.json} files (Blender/NeRF-synthetic, nerfstudio, instant-ngp):
 * every accessor either returns a valid value or throws a one-line {@link DatasetException} naming the file, so the
 * loaders stay free of null checks.
 */
public final class TransformsJson {
    /**
     * Python's json module writes NaN and Infinity by default, so such files exist; parsing them lets the loader
     * report "non-finite value" for the exact field instead of a vague syntax error. A bare streaming factory, not
     * an ObjectMapper: setting up data binding costs a few hundred milliseconds of a cold start and a tree is all
     * the loaders need.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** How far the bottom row of a 4x4 camera-to-world matrix may stray from (0, 0, 0, 1). */
    private static final double BOTTOM_ROW_TOLERANCE = 1e-6;

    private TransformsJson() {}

    /** Parses the file into a JSON object; a missing file or bad syntax becomes a one-line error. */
    public static JsonNode read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "file not found");
        }
        JsonNode root;
        try {
            try (JsonParser parser = FACTORY.createParser(file.toFile())) {
                JsonToken first = parser.nextToken();
                root = first == null ? null : tree(parser, first);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DatasetException(file, "malformed JSON" + where + ": " + briefly(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(file, "expected a JSON object at the top level");
        }
        return root;
    }

    /** The value starting at the parser's current token, as a tree (what ObjectMapper.readTree would build). */
    private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.set(name, tree(p, p.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(tree(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(p, "unexpected " + token);
        };
    }

    /** Jackson's message without its multi-line tail and its repeated source-location details. */
    private static String briefly(String s) {
        if (s == null) {
            return "syntax error";
        }
        for (String tail : new String[] {"\n", " (for ", " at [Source"}) {
            int cut = s.indexOf(tail);
            if (cut > 0) {
                s = s.substring(0, cut);
            }
        }
        return s;
    }

    /** The non-empty {@code frames} array. */
    public static List<JsonNode> frames(JsonNode root, Path file) throws DatasetException {
        JsonNode frames = root.get("frames");
        if (frames == null) {
            throw new DatasetException(file, "missing field 'frames'");
        }
        if (!frames.isArray()) {
            throw new DatasetException(file, "field 'frames' is not an array");
        }
        if (frames.isEmpty()) {
            throw new DatasetException(file, "the frame list is empty");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).isObject()) {
                throw new DatasetException(file, "frame " + i + " is not a JSON object");
            }
            out.add(frames.get(i));
        }
        return out;
    }

    /** Whether the object has the field with a non-null value. */
    public static boolean has(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        return n != null && !n.isNull();
    }

    /** A required finite number; {@code where} prefixes the message ("" or "frame 3: "). */
    public static double number(JsonNode obj, String field, Path file, String where) throws DatasetException {
        if (!has(obj, field)) {
            throw new DatasetException(file, where + "missing field '" + field + "'");
        }
        return finite(obj.get(field), field, file, where);
    }

    /** An optional finite number, or {@code fallback} when the field is absent. */
    public static double number(JsonNode obj, String field, double fallback, Path file, String where)
            throws DatasetException {
        return has(obj, field) ? finite(obj.get(field), field, file, where) : fallback;
    }

    /** A required positive integer (image sizes). */
    public static int positiveInt(JsonNode obj, String field, Path file, String where) throws DatasetException {
        double v = number(obj, field, file, where);
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new DatasetException(file, where + "field '" + field + "' must be a positive integer, got " + v);
        }
        return (int) v;
    }

    /** A required positive number. */
    public static double positive(JsonNode obj, String field, Path file, String where) throws DatasetException {
        double v = number(obj, field, file, where);
        if (!(v > 0)) {
            throw new DatasetException(file, where + "field '" + field + "' must be positive, got " + v);
        }
        return v;
    }

    private static double finite(JsonNode n, String field, Path file, String where) throws DatasetException {
        if (!n.isNumber()) {
            throw new DatasetException(file, where + "field '" + field + "' is not a number (" + abbreviate(n) + ")");
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new DatasetException(file, where + "field '" + field + "' is not finite (" + v + ")");
        }
        return v;
    }

    /** A required non-empty string. */
    public static String text(JsonNode obj, String field, Path file, String where) throws DatasetException {
        if (!has(obj, field)) {
            throw new DatasetException(file, where + "missing field '" + field + "'");
        }
        return optionalText(obj, field, file, where);
    }

    /** An optional string, or null when absent. */
    public static String optionalText(JsonNode obj, String field, Path file, String where) throws DatasetException {
        if (!has(obj, field)) {
            return null;
        }
        JsonNode n = obj.get(field);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new DatasetException(file, where + "field '" + field + "' is not a non-empty string ("
                    + abbreviate(n) + ")");
        }
        return n.asText();
    }

    /**
     * The frame's {@code transform_matrix}: a camera-to-world matrix in the OpenGL convention, 4x4 (bottom row
     * 0 0 0 1) or 3x4, whose rotation must be proper (orthonormal, det +1; scaled or mirrored cameras are refused
     * rather than silently re-orthonormalised).
     */
    public static Pose pose(JsonNode frame, Path file, String where) throws DatasetException {
        String field = "transform_matrix";
        if (!has(frame, field)) {
            throw new DatasetException(file, where + "missing field '" + field + "'");
        }
        JsonNode m = frame.get(field);
        if (!m.isArray() || (m.size() != 3 && m.size() != 4)) {
            throw new DatasetException(file, where + field + " must be a 4x4 or 3x4 matrix (" + abbreviate(m) + ")");
        }
        double[][] c2w = new double[m.size()][];
        for (int r = 0; r < m.size(); r++) {
            JsonNode row = m.get(r);
            if (!row.isArray() || row.size() != 4) {
                throw new DatasetException(file, where + field + " must be a 4x4 or 3x4 matrix (row " + r
                        + " is " + abbreviate(row) + ")");
            }
            c2w[r] = new double[4];
            for (int c = 0; c < 4; c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new DatasetException(file, where + field + "[" + r + "][" + c + "] is not a number ("
                            + abbreviate(v) + ")");
                }
                c2w[r][c] = v.asDouble();
                if (!Double.isFinite(c2w[r][c])) {
                    throw new DatasetException(file, where + field + "[" + r + "][" + c + "] is not finite ("
                            + c2w[r][c] + ")");
                }
            }
        }
        if (c2w.length == 4) {
            double[] bottom = {0, 0, 0, 1};
            for (int c = 0; c < 4; c++) {
                if (Math.abs(c2w[3][c] - bottom[c]) > BOTTOM_ROW_TOLERANCE) {
                    throw new DatasetException(file, where + field + " bottom row is not 0 0 0 1");
                }
            }
        }
        try {
            return Pose.fromOpenGlCameraToWorld(c2w);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, where + field + " is not a rigid camera pose: " + e.getMessage());
        }
    }

    /** Refuses a missing data file listed in a transforms file; the message names the missing file. */
    public static void requireListedFile(Path file, Path listedIn, int frame) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, (Files.exists(file) ? "not a regular file" : "file not found")
                    + " (listed in " + listedIn.getFileName() + ", frame " + frame + ")");
        }
    }

    /** An optional data file named by a frame field, resolved inside the root and checked to exist; or null. */
    public static Path optionalListedFile(Path root, JsonNode frame, String field, Path file, int index)
            throws DatasetException {
        String rel = optionalText(frame, field, file, "frame " + index + ": ");
        if (rel == null) {
            return null;
        }
        Path path = DatasetPaths.inside(root, rel, file);
        requireListedFile(path, file, index);
        return path;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * View names: the image file stems, unless two views share a stem (the original NeRF files use train/r_0 and
     * test/r_0); then every view is named by its root-relative path without the extension.
     */
    public static List<String> viewNames(Path root, List<Path> images) {
        List<String> stems = images.stream().map(TransformsJson::stem).toList();
        if (new HashSet<>(stems).size() == stems.size()) {
            return stems;
        }
        Path base = root.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (Path p : images) {
            String rel = base.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
            int dot = rel.lastIndexOf('.');
            names.add(dot > rel.lastIndexOf('/') + 1 ? rel.substring(0, dot) : rel);
        }
        return names;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
