package dev.glimpse.optimize.gpu;

/** Failure of the GPU layer (no EGL, no device, missing GL feature, shader compile error, bad buffer access). */
public class GpuException extends RuntimeException {
    public GpuException(String message) {
        super(message);
    }

    public GpuException(String message, Throwable cause) {
        super(message, cause);
    }
}
