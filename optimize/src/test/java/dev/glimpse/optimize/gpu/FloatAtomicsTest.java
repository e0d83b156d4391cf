package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs shaders/gpu/atomics.glsl in both variants; sums of multiples of 1/8 are exact, so any lost add shows. */
class FloatAtomicsTest extends GpuTestSupport {
    private static final Binding VALUES = Binding.storage("VALUES_BINDING", 0);
    private static final Binding BUCKETS = Binding.storage("BUCKETS_BINDING", 1);
    private static final Binding SUMS = Binding.storage("SUMS_BINDING", 2);

    @ParameterizedTest(name = "GLIMPSE_NV_ATOMIC_FLOAT={0}")
    @ValueSource(ints = {0, 1})
    void atomicAddMatchesJavaSums(int nvVariant) {
        if (nvVariant == 1) {
            assertThat(ctx.hasNvAtomicFloat()).as("llvmpipe offers GL_NV_shader_atomic_float").isTrue();
        }
        int count = 20_000;
        int numBuckets = 7;
        Random random = new Random(42 + nvVariant);
        float[] values = new float[count];
        int[] buckets = new int[count];
        double[] expected = new double[numBuckets];
        double total = 0;
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextInt(129) - 64) / 8f;
            buckets[i] = random.nextInt(numBuckets);
            expected[buckets[i]] += values[i];
            total += values[i];
        }
        expected[0] += total; // the shader adds every workgroup's shared-memory total into bucket 0 as well
        try (ComputeProgram program = ComputeProgram.builder(ctx, "test/atomic_sum.comp").localSize(128)
                .bindings(VALUES, BUCKETS, SUMS).define("GLIMPSE_NV_ATOMIC_FLOAT", nvVariant).build();
             GpuBuffer valueBuffer = GpuBuffer.of(ctx, "values", values);
             GpuBuffer bucketBuffer = GpuBuffer.of(ctx, "buckets", buckets);
             GpuBuffer sums = GpuBuffer.create(ctx, 4L * numBuckets, "sums")) {
            assertThat(program.source().text()).contains("#define GLIMPSE_NV_ATOMIC_FLOAT " + nvVariant);
            sums.clear();
            program.bind(VALUES, valueBuffer).bind(BUCKETS, bucketBuffer).bind(SUMS, sums);
            program.setUint("count", count);
            program.dispatch(ComputeProgram.groupsFor(count, 128), 1, 1);
            float[] actual = sums.downloadFloats();
            for (int b = 0; b < numBuckets; b++) {
                assertThat((double) actual[b]).as("bucket %d", b).isEqualTo(expected[b]);
            }
        }
    }
}
