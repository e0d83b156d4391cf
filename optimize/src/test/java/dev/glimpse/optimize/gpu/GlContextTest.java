package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GlContextTest extends GpuTestSupport {
    @Test
    void listsAtLeastOneDeviceWithConsistentIndices() {
        List<GpuDevice> devices = GpuDevices.list();
        assertThat(devices).isNotEmpty();
        for (int i = 0; i < devices.size(); i++) {
            assertThat(devices.get(i).index()).isEqualTo(i);
            assertThat(devices.get(i).software())
                    .isEqualTo(devices.get(i).extensions().contains("EGL_MESA_device_software"));
        }
    }

    @Test
    void reportsGl45WithComputeLimits() {
        assertThat(ctx.version()).startsWith("4.");
        assertThat(ctx.renderer()).isNotBlank();
        assertThat(ctx.limits().maxWorkgroupInvocations()).isGreaterThanOrEqualTo(1024);
        assertThat(ctx.limits().maxWorkgroupCountX()).isGreaterThanOrEqualTo(65535);
        assertThat(ctx.limits().maxStorageBlockBytes()).isGreaterThanOrEqualTo(1 << 24);
        assertThat(ctx.shaderDefines()).containsEntry("GLIMPSE_NV_ATOMIC_FLOAT", ctx.hasNvAtomicFloat() ? "1" : "0");
    }

    @Test
    void closeFreesOpenObjectsAndTracksBytes() {
        long before = ctx.bytesAllocated();
        GpuBuffer a = GpuBuffer.create(ctx, 1024, "a");
        GpuBuffer b = GpuBuffer.create(ctx, 4096, "b");
        assertThat(ctx.bytesAllocated() - before).isEqualTo(1024 + 4096);
        b.resize(8192, true);
        assertThat(ctx.bytesAllocated() - before).isEqualTo(1024 + 8192);
        a.close();
        b.close();
        assertThat(ctx.bytesAllocated()).isEqualTo(before);
        assertThatThrownBy(() -> a.upload(0, new int[1])).isInstanceOf(GpuException.class).hasMessageContaining("'a'");
    }

    @Test
    void badDeviceIndexIsAOneLineError() {
        assertThatThrownBy(() -> GlContext.headless(OptionalInt.of(99)))
                .isInstanceOf(GpuException.class)
                .hasMessageContaining("index 99")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void callsFromAnotherThreadAreRejected() throws Exception {
        GpuException[] caught = new GpuException[1];
        Thread t = new Thread(() -> {
            try {
                GpuBuffer.create(ctx, 16, "wrong thread");
            } catch (GpuException e) {
                caught[0] = e;
            }
        });
        t.start();
        t.join();
        assertThat(caught[0]).isNotNull();
        assertThat(caught[0].getMessage()).contains("thread");
    }
}
