package dev.glimpse.app;

/** A problem with what the user asked for (bad option combination, etc.), reported as one line. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
