package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PrefixSumTest extends GpuTestSupport {
    private static PrefixSum prefixSum;

    @BeforeAll
    static void createScan() {
        prefixSum = new PrefixSum(ctx);
    }

    @AfterAll
    static void closeScan() {
        prefixSum.close();
    }

    /** Plain-Java reference: exclusive scan modulo 2^32. */
    static int[] exclusiveScan(int[] values, int count) {
        int[] out = new int[count];
        int running = 0;
        for (int i = 0; i < count; i++) {
            out[i] = running;
            running += values[i];
        }
        return out;
    }

    private static int[] randomValues(int count, int bound, long seed) {
        Random random = new Random(seed);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(bound);
        }
        return values;
    }

    @ParameterizedTest(name = "in place, count {0}")
    @ValueSource(ints = {0, 1, 255, 256, 257, 1023, 1024, 1025, 100_000, 1_100_000})
    void inPlaceMatchesJava(int count) {
        int[] values = randomValues(count, 1000, count);
        // Two extra words past count must stay untouched.
        try (GpuBuffer buffer = GpuBuffer.create(ctx, 4L * (count + 2), "scan in place")) {
            buffer.upload(0, values);
            buffer.upload(4L * count, new int[] {-7, -8});
            prefixSum.exclusiveScan(buffer, count);
            int[] actual = buffer.downloadInts();
            assertThat(java.util.Arrays.copyOf(actual, count)).isEqualTo(exclusiveScan(values, count));
            assertThat(actual[count]).isEqualTo(-7);
            assertThat(actual[count + 1]).isEqualTo(-8);
            long expectedTotal = 0;
            for (int v : values) {
                expectedTotal += v;
            }
            assertThat(prefixSum.readTotal()).isEqualTo(expectedTotal);
        }
    }

    @Test
    void outOfPlaceKeepsInputAndWrapsModulo32Bits() {
        int count = 5000;
        int[] values = randomValues(count, Integer.MAX_VALUE, 7);
        try (GpuBuffer input = GpuBuffer.of(ctx, "scan input", values);
             GpuBuffer output = GpuBuffer.create(ctx, 4L * count, "scan output")) {
            prefixSum.exclusiveScan(input, output, count);
            assertThat(output.downloadInts()).isEqualTo(exclusiveScan(values, count));
            assertThat(input.downloadInts()).isEqualTo(values);
        }
    }

    @Test
    void countLargerThanBufferIsRejected() {
        try (GpuBuffer small = GpuBuffer.create(ctx, 16, "small")) {
            assertThatThrownBy(() -> prefixSum.exclusiveScan(small, 5)).hasMessageContaining("'small'");
        }
    }
}
