package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuTimerTest extends GpuTestSupport {
    @Test
    void nestedStagesAccumulateNonNegativeTimes() {
        try (GpuTimer timer = GpuTimer.create(ctx, "timer");
             PrefixSum scan = new PrefixSum(ctx);
             GpuBuffer data = GpuBuffer.create(ctx, 4 * 200_000, "timed data")) {
            for (int frame = 0; frame < 3; frame++) {
                try (GpuTimer.Stage outer = timer.stage("frame")) {
                    try (GpuTimer.Stage inner = timer.stage("scan")) {
                        data.fill(1);
                        scan.exclusiveScan(data, 200_000);
                    }
                }
                timer.results(); // non-blocking poll, as a render loop would do
            }
            Map<String, GpuTimer.StageTime> times = timer.awaitResults();
            assertThat(times).containsOnlyKeys("frame", "scan");
            assertThat(times.get("frame").samples()).isEqualTo(3);
            assertThat(times.get("scan").samples()).isEqualTo(3);
            assertThat(times.get("scan").totalMillis()).isGreaterThan(0);
            // Scan is nested in frame, so it cannot take longer (allowing timestamp rounding).
            assertThat(times.get("frame").totalMillis()).isGreaterThanOrEqualTo(times.get("scan").totalMillis() - 1e-3);
            timer.reset();
            assertThat(timer.results()).isEmpty();
        }
    }
}
