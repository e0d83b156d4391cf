package dev.glimpse.datasets.load.colmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColmapNumbersTest {
    /** Expected strings from C's printf("%.17g") (through Python's % operator), which is what COLMAP writes. */
    @Test
    void matchesPrintfPercent17g() {
        assertThat(ColmapNumbers.format(309.01932599999998)).isEqualTo("309.01932599999998");
        assertThat(ColmapNumbers.format(128.0)).isEqualTo("128");
        assertThat(ColmapNumbers.format(-1.1e-08)).isEqualTo("-1.0999999999999999e-08");
        assertThat(ColmapNumbers.format(0.1)).isEqualTo("0.10000000000000001");
        assertThat(ColmapNumbers.format(1e17)).isEqualTo("1e+17");
        assertThat(ColmapNumbers.format(1e16)).isEqualTo("10000000000000000");
        assertThat(ColmapNumbers.format(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(ColmapNumbers.format(1e-4)).isEqualTo("0.0001");
        assertThat(ColmapNumbers.format(0.00012345)).isEqualTo("0.00012344999999999999");
        assertThat(ColmapNumbers.format(-2.5)).isEqualTo("-2.5");
        assertThat(ColmapNumbers.format(Double.MIN_VALUE)).isEqualTo("4.9406564584124654e-324");
        assertThat(ColmapNumbers.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(ColmapNumbers.format(1.0 / 3)).isEqualTo("0.33333333333333331");
        assertThat(ColmapNumbers.format(0.0)).isEqualTo("0");
        assertThat(ColmapNumbers.format(-0.0)).isEqualTo("-0");
    }

    @Test
    void randomDoublesParseBackBitIdentical() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            double back = Double.parseDouble(ColmapNumbers.format(v));
            assertThat(Double.doubleToRawLongBits(back)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }
}
