package dev.glimpse.datasets.load.colmap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text as COLMAP writes it: C++ streams with precision 17, i.e. printf's {@code %.17g}. Seventeen
 * significant digits always parse back to the same double, and matching COLMAP's spelling makes a text model we
 * write byte-identical to COLMAP's own output for the same values.
 */
final class ColmapNumbers {
    private static final int DIGITS = 17;
    private static final MathContext SIGNIFICANT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private ColmapNumbers() {}

    /** {@code %.17g}: exact decimal expansion rounded half-even to 17 digits, trailing zeros removed. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(SIGNIFICANT);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < DIGITS) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
        StringBuilder s = new StringBuilder(DIGITS + 8);
        if (v < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        s.append(exponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            s.append('0');
        }
        return s.append(magnitude).toString();
    }
}
