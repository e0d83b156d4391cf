package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GpuTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One poisoned GL context and one rasteriser per test class (building the six programs takes a while). */
abstract class RasterizerTestSupport extends GpuTestSupport {
    protected static SplatRasterizer rasterizer;

    @BeforeAll
    static void createRasterizer() {
        rasterizer = new SplatRasterizer(ctx);
    }

    @AfterAll
    static void closeRasterizer() {
        rasterizer.close();
    }
}
