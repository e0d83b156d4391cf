package dev.glimpse.optimize.gpu;

/**
 * Base of every GL object wrapper. The owning {@link GlContext} registers it on creation and frees whatever is
 * still open when the context closes; closing it earlier frees it at once. Subclasses implement {@link #free()}.
 */
public abstract class GlResource implements AutoCloseable {
    private final GlContext context;
    private final String label;
    private boolean closed;

    protected GlResource(GlContext context, String label) {
        this.context = context;
        this.label = label;
        context.register(this);
    }

    /** The context that owns this object. */
    public final GlContext context() {
        return context;
    }

    /** Debug label given at creation (also attached to the GL object for debuggers). */
    public final String label() {
        return label;
    }

    public final boolean isClosed() {
        return closed;
    }

    /** Throws when the object was already closed, naming it, so use-after-close fails loudly. */
    protected final void checkOpen() {
        if (closed) {
            throw new GpuException(getClass().getSimpleName() + " '" + label + "' is used after close()");
        }
    }

    /** Deletes the native object; called exactly once, on the GL thread. */
    protected abstract void free();

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        context.checkThread();
        closed = true;
        free();
        context.unregister(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "['" + label + "']";
    }
}
