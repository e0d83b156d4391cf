package dev.glimpse.render.window;

/** No window can be opened here (no X display, or no OpenGL 4.5 window context): a setup problem, not a bug. */
public final class WindowUnavailableException extends RuntimeException {
    public WindowUnavailableException(String message) {
        super(message);
    }
}
