package dev.glimpse.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C for long jobs: the first interrupt asks the job to stop at its next safe point (it then saves what it
 * has and exits normally); a second one exits at once. Jobs poll {@link #asBoolean()} once per iteration. GPU
 * state belongs to the job's thread, so the saving must happen there, not in a signal or shutdown handler.
 */
@SuppressWarnings("removal") // sun.misc.Signal is the only JDK way to handle SIGINT without starting shutdown
final class StopRequest implements BooleanSupplier, AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private Object previousHandler;

    /** Installs the handler; {@link #close()} restores the previous one. */
    static StopRequest onInterrupt(Runnable notice) {
        StopRequest r = new StopRequest();
        try {
            sun.misc.Signal signal = new sun.misc.Signal("INT");
            r.previousHandler = sun.misc.Signal.handle(signal, s -> {
                if (r.requested.getAndSet(true)) {
                    Runtime.getRuntime().halt(130);
                }
                notice.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No signal support (unusual JVM or platform): the job simply cannot be stopped gracefully.
            r.previousHandler = null;
        }
        return r;
    }

    /** Asks the job to stop, as Ctrl-C does (used by tests and the viewer). */
    void request() {
        requested.set(true);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    @Override
    public void close() {
        if (previousHandler instanceof sun.misc.SignalHandler h) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
        }
    }
}
