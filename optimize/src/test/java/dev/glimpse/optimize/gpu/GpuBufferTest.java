package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

class GpuBufferTest extends GpuTestSupport {
    @Test
    void uploadDownloadAtOffsets() {
        try (GpuBuffer buffer = GpuBuffer.create(ctx, 4 * 10, "io")) {
            buffer.upload(0, new float[] {1.5f, -2f, 3f});
            buffer.upload(12, new int[] {7, 8});
            assertThat(buffer.downloadFloats(0, 3)).containsExactly(1.5f, -2f, 3f);
            assertThat(buffer.downloadInts(12, 2)).containsExactly(7, 8);
            assertThat(buffer.downloadInts(16, 1)).containsExactly(8);
            ByteBuffer bytes = MemoryUtil.memAlloc(8).order(ByteOrder.nativeOrder());
            try {
                bytes.putInt(0, 41).putInt(4, 42);
                buffer.upload(32, bytes);
                assertThat(buffer.downloadInts(32, 2)).containsExactly(41, 42);
                ByteBuffer back = MemoryUtil.memAlloc(4).order(ByteOrder.nativeOrder());
                buffer.download(36, back);
                assertThat(back.getInt(0)).isEqualTo(42);
                MemoryUtil.memFree(back);
            } finally {
                MemoryUtil.memFree(bytes);
            }
        }
    }

    @Test
    void newBuffersArePoisonedInTests() {
        try (GpuBuffer buffer = GpuBuffer.create(ctx, 4 * 64, "poisoned")) {
            int zeros = 0;
            for (int v : buffer.downloadInts()) {
                zeros += v == 0 ? 1 : 0;
            }
            assertThat(zeros).isLessThan(4);
        }
    }

    @Test
    void clearFillAndCopy() {
        try (GpuBuffer a = GpuBuffer.create(ctx, 4 * 6, "a"); GpuBuffer b = GpuBuffer.create(ctx, 4 * 8, "b")) {
            a.clear();
            assertThat(a.downloadInts()).containsOnly(0);
            a.fill(2.25f);
            assertThat(a.downloadFloats()).containsOnly(2.25f);
            a.fill(4, 8, -1);
            assertThat(a.downloadInts()).containsExactly(Float.floatToIntBits(2.25f), -1, -1,
                    Float.floatToIntBits(2.25f), Float.floatToIntBits(2.25f), Float.floatToIntBits(2.25f));
            b.fill(9);
            a.copyTo(b, 4, 8, 12);
            assertThat(b.downloadInts()).containsExactly(9, 9, -1, -1, Float.floatToIntBits(2.25f), 9, 9, 9);
        }
    }

    @Test
    void resizeKeepsPrefixAndEnsureCapacityGrows() {
        try (GpuBuffer buffer = GpuBuffer.of(ctx, "grow", new int[] {1, 2, 3})) {
            buffer.resize(4 * 5, true);
            assertThat(buffer.size()).isEqualTo(20);
            assertThat(buffer.downloadInts(0, 3)).containsExactly(1, 2, 3);
            assertThat(buffer.ensureCapacity(8)).isFalse();
            assertThat(buffer.ensureCapacity(400)).isTrue();
            assertThat(buffer.size()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void emptyBuffersAndBadRangesAreHandled() {
        try (GpuBuffer empty = GpuBuffer.create(ctx, 0, "empty"); GpuBuffer small = GpuBuffer.create(ctx, 8, "small")) {
            assertThat(empty.downloadInts()).isEmpty();
            empty.clear();
            assertThatThrownBy(() -> small.upload(4, new int[2])).isInstanceOf(GpuException.class)
                    .hasMessageContaining("'small'").hasMessageContaining("outside its 8 bytes");
            assertThatThrownBy(() -> GpuBuffer.create(ctx, 6, "odd")).hasMessageContaining("multiple of 4");
        }
    }

    @Test
    void textureRoundTripAndClear() {
        try (GpuTexture texture = GpuTexture.create(ctx, 3, 2, GpuTexture.Format.RGBA32F, "tex")) {
            float[] pixels = new float[3 * 2 * 4];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = i * 0.5f;
            }
            texture.upload(pixels);
            assertThat(texture.download()).containsExactly(pixels);
            texture.clear(1, 2, 3, 4);
            float[] cleared = texture.download();
            assertThat(cleared[4]).isEqualTo(1);
            assertThat(cleared[23]).isEqualTo(4);
            assertThatThrownBy(() -> texture.upload(new float[5])).hasMessageContaining("'tex'");
        }
    }
}
