package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL15C.GL_QUERY_RESULT;
import static org.lwjgl.opengl.GL15C.GL_QUERY_RESULT_AVAILABLE;
import static org.lwjgl.opengl.GL15C.glDeleteQueries;
import static org.lwjgl.opengl.GL15C.glGetQueryObjecti;
import static org.lwjgl.opengl.GL15C.glGenQueries;
import static org.lwjgl.opengl.GL33C.GL_TIMESTAMP;
import static org.lwjgl.opengl.GL33C.glGetQueryObjectui64;
import static org.lwjgl.opengl.GL33C.glQueryCounter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GPU time per named stage, measured with timestamp query pairs (so stages may nest) and accumulated. Results
 * are collected without stalling: {@link #results()} only takes pairs the GPU has finished (typically last
 * frame's); {@link #awaitResults()} waits for all, for end-of-run reports. Query objects are recycled.
 *
 * <pre>{@code
 * try (GpuTimer.Stage s = timer.stage("rasterize")) { rasterizer.forward(...); }
 * Map<String, GpuTimer.StageTime> times = timer.results();
 * }</pre>
 */
public final class GpuTimer extends GlResource {
    /** Accumulated time of one stage. */
    public record StageTime(double totalMillis, int samples) {
        public double meanMillis() {
            return samples == 0 ? 0 : totalMillis / samples;
        }
    }

    /** An open measurement; closing it records the end timestamp. */
    public final class Stage implements AutoCloseable {
        private final String name;
        private final int start;
        private boolean ended;

        private Stage(String name, int start) {
            this.name = name;
            this.start = start;
        }

        @Override
        public void close() {
            if (!ended) {
                ended = true;
                int end = query();
                glQueryCounter(end, GL_TIMESTAMP);
                pending.add(new Pending(name, start, end));
            }
        }
    }

    private record Pending(String stage, int start, int end) {
    }

    private final Deque<Integer> free = new ArrayDeque<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<String, StageTime> totals = new LinkedHashMap<>();

    private GpuTimer(GlContext context, String label) {
        super(context, label);
    }

    public static GpuTimer create(GlContext context, String label) {
        return new GpuTimer(context, label);
    }

    /** Starts timing {@code name}; the GPU time between now and {@link Stage#close()} is added to it. */
    public Stage stage(String name) {
        checkOpen();
        context().checkThread();
        int start = query();
        glQueryCounter(start, GL_TIMESTAMP);
        return new Stage(name, start);
    }

    private int query() {
        return free.isEmpty() ? glGenQueries() : free.pop();
    }

    /** Accumulated times of all finished measurements, in order of first use; never waits for the GPU. */
    public Map<String, StageTime> results() {
        collect(false);
        return new LinkedHashMap<>(totals);
    }

    /** Like {@link #results()} but first waits until every closed measurement is available. */
    public Map<String, StageTime> awaitResults() {
        collect(true);
        return new LinkedHashMap<>(totals);
    }

    /** Forgets accumulated times (pending measurements still count when they finish). */
    public void reset() {
        totals.clear();
    }

    private void collect(boolean wait) {
        checkOpen();
        context().checkThread();
        while (!pending.isEmpty()) {
            Pending p = pending.peek();
            if (!wait && glGetQueryObjecti(p.end, GL_QUERY_RESULT_AVAILABLE) == 0) {
                return; // later pairs were issued after this one, so they cannot be ready either
            }
            long nanos = glGetQueryObjectui64(p.end, GL_QUERY_RESULT) - glGetQueryObjectui64(p.start, GL_QUERY_RESULT);
            StageTime old = totals.getOrDefault(p.stage, new StageTime(0, 0));
            totals.put(p.stage, new StageTime(old.totalMillis + Math.max(0, nanos) / 1e6, old.samples + 1));
            pending.poll();
            free.push(p.start);
            free.push(p.end);
        }
    }

    @Override
    protected void free() {
        for (Pending p : pending) {
            glDeleteQueries(p.start);
            glDeleteQueries(p.end);
        }
        for (int q : free) {
            glDeleteQueries(q);
        }
    }
}
