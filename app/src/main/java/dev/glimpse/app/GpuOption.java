package dev.glimpse.app;

import java.util.OptionalInt;

/** The {@code --gpu N} option as the GPU layer wants it. */
final class GpuOption {
    private GpuOption() {}

    static OptionalInt index(Integer gpu) {
        if (gpu != null && gpu < 0) {
            throw new UserError("--gpu must be a device index >= 0");
        }
        return gpu == null ? OptionalInt.empty() : OptionalInt.of(gpu);
    }
}
