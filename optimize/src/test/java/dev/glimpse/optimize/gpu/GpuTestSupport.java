package dev.glimpse.optimize.gpu;

import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base class for tests that need a GL context: one headless context per test class (creation is slow), with
 * buffer poisoning on so kernels that rely on zero-initialised memory fail. Other modules get it through the
 * optimize test-jar ({@code <type>test-jar</type>}).
 */
public abstract class GpuTestSupport {
    /** The context of the running test class; valid between @BeforeAll and @AfterAll. */
    protected static GlContext ctx;

    @BeforeAll
    static void openGpuContext() {
        GlContext.setPoisonNewBuffers(true);
        ctx = GlContext.headless(OptionalInt.empty());
    }

    @AfterAll
    static void closeGpuContext() {
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }
}
