package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadixSortTest extends GpuTestSupport {
    private static RadixSort sorter;

    @BeforeAll
    static void createSorter() {
        sorter = new RadixSort(ctx);
    }

    @AfterAll
    static void closeSorter() {
        sorter.close();
    }

    /** Plain-Java reference: stable argsort by (hi & hiMask, lo & loMask), compared unsigned. */
    static Integer[] stableArgsort(int[] hi, int[] lo, int loBits, int hiBits) {
        long loMask = (1L << loBits) - 1;
        long hiMask = (1L << hiBits) - 1;
        Integer[] order = new Integer[hi.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> Integer.toUnsignedLong(hi[i]) & hiMask)
                .thenComparingLong(i -> Integer.toUnsignedLong(lo[i]) & loMask)); // object sort is stable
        return order;
    }

    @ParameterizedTest(name = "count {0}, loBits {1}, hiBits {2}, distinct lo {3}")
    @CsvSource({
        "0, 32, 8, 10",
        "1, 32, 8, 10",
        "100, 6, 3, 50",
        "4095, 8, 4, 30",
        "4096, 8, 4, 30",
        "4097, 32, 12, 1000000000",
        "30000, 32, 0, 500",
        "30000, 0, 7, 1",
        "50000, 13, 5, 65536",
        "70000, 32, 32, 2000000000",
    })
    void matchesJavaStableArgsort(int count, int loBits, int hiBits, int distinctLo) {
        Random random = new Random(count * 31L + loBits * 7L + hiBits);
        int[] hi = new int[count];
        int[] lo = new int[count];
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            // Few distinct hi values and bounded lo ones: many equal keys, so stability is visible.
            hi[i] = hiBits == 32 ? random.nextInt() : random.nextInt(1 << Math.min(hiBits, 4));
            lo[i] = random.nextInt(distinctLo);
            if (loBits < 32 && random.nextBoolean()) {
                lo[i] |= 1 << (loBits + random.nextInt(32 - loBits)); // garbage above loBits must be ignored
            }
            values[i] = i;
        }
        Integer[] expected = stableArgsort(hi, lo, loBits, hiBits);
        try (GpuBuffer hiBuffer = GpuBuffer.create(ctx, 4L * count + 8, "keys hi");
             GpuBuffer loBuffer = GpuBuffer.create(ctx, 4L * count + 8, "keys lo");
             GpuBuffer valueBuffer = GpuBuffer.create(ctx, 4L * count + 8, "values")) {
            hiBuffer.upload(0, hi);
            loBuffer.upload(0, lo);
            valueBuffer.upload(0, values);
            valueBuffer.upload(4L * count, new int[] {-3, -4});
            sorter.sort(hiBuffer, loBuffer, valueBuffer, count, loBits, hiBits);
            int[] sortedValues = valueBuffer.downloadInts(0, count);
            int[] sortedHi = hiBuffer.downloadInts(0, count);
            int[] sortedLo = loBuffer.downloadInts(0, count);
            for (int i = 0; i < count; i++) {
                int from = expected[i];
                assertThat(sortedValues[i]).as("value at %d", i).isEqualTo(from);
                assertThat(sortedHi[i]).as("hi at %d", i).isEqualTo(hi[from]);
                assertThat(sortedLo[i]).as("lo at %d", i).isEqualTo(lo[from]);
            }
            assertThat(valueBuffer.downloadInts(4L * count, 2)).containsExactly(-3, -4);
        }
    }

    @Test
    void passCountFollowsSignificantBits() {
        assertThat(RadixSort.passes(32, 0)).isEqualTo(8);
        assertThat(RadixSort.passes(32, 13)).isEqualTo(12);
        assertThat(RadixSort.passes(0, 0)).isZero();
    }

    @Test
    void rejectsBadArguments() {
        try (GpuBuffer small = GpuBuffer.create(ctx, 8, "small")) {
            assertThatThrownBy(() -> sorter.sort(small, small, small, 3, 8, 0)).hasMessageContaining("'small'");
            assertThatThrownBy(() -> sorter.sort(small, small, small, 2, 33, 0)).hasMessageContaining("loBits=33");
        }
    }
}
