package dev.glimpse.render.view;

import static org.lwjgl.opengl.GL11C.glFinish;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.render.window.GlfwWindow;
import dev.glimpse.render.window.Screenshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The desktop viewer's lifecycle: open the window (GL context) -> load the content -> set up panels -> loop
 * (input, training steps, 3D view, panels, screenshot, swap) -> dispose in reverse. Everything, training
 * included, runs on this one thread and GL context, so the view draws straight from the optimiser's buffers.
 */
public final class Viewer {
    /** Opens a path (from the command line or dropped on the window) in the viewer's GL context. */
    public interface Opener {
        ViewerContent open(GlContext ctx, Path path) throws IOException;
    }

    /** Extra per-frame work the app plugs in (panels, live training); all methods run on the GL thread. */
    public interface Extension extends AutoCloseable {
        /** After the content is loaded or replaced. */
        default void contentChanged(ViewerState state) {}

        /** Before the 3D view is drawn (e.g. a few training iterations). */
        default void beforeDraw(ViewerState state) {}

        /** After the 3D view, before the screenshot (e.g. panels). */
        default void afterDraw(ViewerState state) {}

        /** Whether the panels hold the mouse / keyboard this frame. */
        default boolean wantsMouse() {
            return false;
        }

        default boolean wantsKeyboard() {
            return false;
        }

        /** The window is closing (e.g. stop training and keep a checkpoint). */
        @Override
        default void close() {}
    }

    private Viewer() {}

    /**
     * Runs the viewer until the window closes, or for {@code options.frames} frames when a screenshot is asked.
     *
     * @param extensions built once the GL context exists
     */
    public static void run(ViewerOptions options, Path initial, Opener opener,
            java.util.function.Function<ViewerState, Extension> extensions, PrintWriter log) throws IOException {
        try (GlfwWindow window = new GlfwWindow("Glimpse", options.width, options.height,
                options.vsync && options.screenshot == null && !options.timing)) {
            GlContext ctx = window.context();
            ViewerState state = new ViewerState(ctx, options);
            state.windowHandle = window.handle();
            InputController input = new InputController(window.handle());
            state.setContent(opener.open(ctx, initial), true);
            window.setTitle("Glimpse - " + state.content().name());
            GpuTimer timer = options.timing ? GpuTimer.create(ctx, "viewer frame") : null;
            try (SceneRenderer renderer = new SceneRenderer(ctx, timer);
                    Extension ext = extensions.apply(state)) {
                state.renderer = renderer;
                ext.contentChanged(state);
                loop(window, state, input, renderer, ext, opener, log, timer);
            } finally {
                state.closeContent();
            }
        }
    }

    private static void loop(GlfwWindow window, ViewerState state, InputController input, SceneRenderer renderer,
            Extension ext, Opener opener, PrintWriter log, GpuTimer timer) throws IOException {
        ViewerOptions o = state.options();
        FrameTimes times = new FrameTimes();
        AdaptiveResolution resolution = new AdaptiveResolution();
        long last = System.nanoTime();
        int frame = 0;
        while (!window.shouldClose() && !o.stop.getAsBoolean()) {
            long start = System.nanoTime();
            double dt = Math.min(0.25, (start - last) * 1e-9);
            last = start;
            window.pollEvents();
            java.util.List<Path> open = new java.util.ArrayList<>(window.takeDropped());
            open.addAll(state.takePendingOpen());
            for (Path p : open) {
                openDropped(window, state, ext, opener, p, log);
            }
            int[] fb = window.framebufferSize();
            int[] viewport = {0, 0, Math.max(1, fb[0]), Math.max(1, fb[1])};
            state.viewport = viewport;
            input.update(state.camera(), state.settings(), state.content(), dt, viewport, !ext.wantsMouse(),
                    !ext.wantsKeyboard(), state::snapTo);
            ext.beforeDraw(state);
            ViewerSettings s = state.settings();
            // Scripted runs (screenshots, timing) always render at the asked scale, so their images are exact.
            boolean adapt = s.adaptiveResolution && o.screenshot == null && !o.timing;
            s.frameScale = adapt ? resolution.scale(s.renderScale, state.camera().revision(), dt) : s.renderScale;
            if (o.timing && o.rerender) {
                renderer.invalidate();
            }
            SplatBuffers g = state.gaussians();
            renderer.draw(state.content(), g, state.gaussiansRevision(), state.activeShDegree(), state.camera(),
                    state.settings(), viewport);
            if (state.settings().fitDepthRange && g != null && state.settings().mode.usesSplatImage()) {
                // The scene's own depths are the best default range; the next frame shows it.
                float[] range = renderer.visibleDepthRange();
                if (range != null) {
                    state.settings().depthRange = range;
                }
                state.settings().fitDepthRange = false;
            }
            if (state.settings().showPanels) {
                ext.afterDraw(state);
            }
            frame++;
            boolean scriptedEnd = o.screenshot != null && frame >= o.frames;
            if (scriptedEnd || state.settings().screenshotRequested) {
                Path file = scriptedEnd ? o.screenshot : state.nextScreenshotPath();
                byte[] rgb = Screenshot.read(state.context(), viewport);
                Screenshot.writePng(file, rgb, viewport[2], viewport[3]);
                log.println("glimpse: wrote " + file);
                log.flush();
                state.settings().screenshotRequested = false;
            }
            if (o.timing) {
                glFinish();
                times.add((System.nanoTime() - start) * 1e-6);
                if (frame == FrameTimes.SKIPPED) {
                    timer.awaitResults();
                    timer.reset(); // the first frames compile shaders and grow buffers
                }
            }
            window.swap();
            if (scriptedEnd) {
                break;
            }
        }
        if (o.timing) {
            SplatBuffers g = state.gaussians();
            log.printf(Locale.ROOT, "glimpse: %d frames at %dx%d, %,d Gaussians, %s: %s%n", frame,
                    state.viewport[2], state.viewport[3], g == null ? 0 : g.count(), state.context().renderer(),
                    times.summary());
            StringBuilder stages = new StringBuilder("glimpse: GPU time per frame:");
            timer.awaitResults().forEach((name, t) -> stages.append(String.format(Locale.ROOT, " %s %.1f ms,", name,
                    t.meanMillis())));
            log.println(stages.substring(0, stages.length() - 1));
            log.flush();
        }
    }

    private static void openDropped(GlfwWindow window, ViewerState state, Extension ext, Opener opener, Path p,
            PrintWriter log) {
        try {
            ViewerContent next = opener.open(state.context(), p);
            state.setContent(next, true);
            window.setTitle("Glimpse - " + next.name());
            ext.contentChanged(state);
            log.println("glimpse: opened " + p);
        } catch (IOException | RuntimeException e) {
            state.setMessage("cannot open " + p + ": " + e.getMessage());
            log.println("glimpse: cannot open " + p + ": " + e.getMessage());
        }
        log.flush();
    }

    /** Frame-time statistics for the timing mode (the first frames, with shader compilation, are skipped). */
    static final class FrameTimes {
        static final int SKIPPED = 2;

        private final java.util.List<Double> ms = new java.util.ArrayList<>();

        void add(double milliseconds) {
            ms.add(milliseconds);
        }

        String summary() {
            java.util.List<Double> kept = ms.size() > SKIPPED + 1 ? ms.subList(SKIPPED, ms.size()) : ms;
            if (kept.isEmpty()) {
                return "no frames";
            }
            double[] v = kept.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(0);
            return String.format(Locale.ROOT, "frame time mean %.1f ms, median %.1f ms, min %.1f ms (%.2f fps)"
                    + " over %d timed frames", mean, v[v.length / 2], v[0], 1000 / mean, v.length);
        }
    }
}
