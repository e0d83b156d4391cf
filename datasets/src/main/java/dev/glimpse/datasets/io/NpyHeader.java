package dev.glimpse.datasets.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header dictionary of a .npy file, a Python literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 17), }}, parsed by a small recursive-descent parser
 * for the subset of Python literals NumPy writes (strings, True/False, integers, tuples) so that any spacing,
 * quoting or key order numpy or another writer produces is understood.
 *
 * @param descr        the dtype string, e.g. "<f8"
 * @param fortranOrder whether the data is stored column-major
 * @param shape        dimensions
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** Parses the header text; a malformed header throws IllegalArgumentException with the problem. */
    static NpyHeader parse(String text) {
        Parser p = new Parser(text);
        Map<String, Object> dict = p.dict();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new IllegalArgumentException("unexpected text after the header dictionary at offset " + p.pos);
        }
        if (!dict.keySet().equals(KEYS)) {
            throw new IllegalArgumentException("header keys are " + dict.keySet()
                    + ", expected descr, fortran_order and shape");
        }
        Object descr = dict.get("descr");
        if (descr instanceof List<?>) {
            throw new IllegalArgumentException("structured dtypes (record arrays) are not supported");
        }
        if (!(descr instanceof String d)) {
            throw new IllegalArgumentException("header 'descr' is not a string");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException("header 'fortran_order' is not True or False");
        }
        return new NpyHeader(d, fortran, toShape(dict.get("shape")));
    }

    private static int[] toShape(Object value) {
        List<?> dims = value instanceof List<?> l ? l : value instanceof Long n ? List.of(n) : null;
        if (dims == null) {
            throw new IllegalArgumentException("header 'shape' is not a tuple of integers");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("header 'shape' has an invalid dimension " + dims.get(i));
            }
            shape[i] = (int) (long) n;
        }
        return shape;
    }

    /** Recursive descent over the literal; values become String, Boolean, Long or List. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> dict() {
            expect('{');
            Map<String, Object> map = new HashMap<>();
            while (!peekIs('}')) {
                Object key = value();
                if (!(key instanceof String k)) {
                    throw error("dictionary key is not a string");
                }
                expect(':');
                if (map.put(k, value()) != null) {
                    throw new IllegalArgumentException("header key '" + k + "' appears twice");
                }
                if (!peekIs('}')) {
                    expect(',');
                }
            }
            expect('}');
            return map;
        }

        private Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("header ends early");
            }
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '(' || c == '[') {
                return sequence(c == '(' ? ')' : ']');
            }
            if (c == '-' || Character.isDigit(c)) {
                return integer();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unexpected '" + c + "'");
        }

        private String string(char quote) {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                b.append(c);
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            pos++;
            return b.toString();
        }

        private List<Object> sequence(char close) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (!peekIs(close)) {
                items.add(value());
                if (!peekIs(close)) {
                    expect(',');
                }
            }
            expect(close);
            return items;
        }

        private Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            // Python 2 wrote long integers with an L suffix ("(3L, 4L)"); old .npy files still carry it.
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("invalid integer '" + digits + "'");
            }
        }

        private boolean peekIs(char c) {
            skipSpace();
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peekIs(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("malformed header: " + problem + " at offset " + pos);
        }
    }
}
