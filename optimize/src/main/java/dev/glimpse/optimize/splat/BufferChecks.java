package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.GpuBuffer;

/** Size checks of caller buffers, so a too-small buffer fails in Java with its name instead of reading garbage. */
final class BufferChecks {
    private BufferChecks() {
    }

    /** Throws unless {@code buffer} (null allowed: nothing to check) holds at least {@code words} floats. */
    static void words(String what, GpuBuffer buffer, long words) {
        if (buffer != null && buffer.words() < words) {
            throw new IllegalArgumentException(what + " buffer '" + buffer.label() + "' holds " + buffer.words()
                    + " words, needs " + words);
        }
    }

    static void params(String what, SplatBuffers b) {
        long n = b.count();
        words(what + " means", b.means(), 3 * n);
        words(what + " logScales", b.logScales(), 3 * n);
        words(what + " quats", b.quats(), 4 * n);
        words(what + " logitOpacity", b.logitOpacity(), n);
        words(what + " sh", b.sh(), 3 * n * b.shCoefficients());
    }
}
