package dev.glimpse.datasets.load.colmap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian primitives written through a small buffer, for COLMAP's binary files. */
final class LittleEndianOutput {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    void i32(int v) throws IOException {
        room(4).putInt(v);
    }

    void i64(long v) throws IOException {
        room(8).putLong(v);
    }

    void f64(double v) throws IOException {
        room(8).putDouble(v);
    }

    void u8(int v) throws IOException {
        room(1).put((byte) v);
    }

    void bytes(byte[] b) throws IOException {
        flush();
        out.write(b);
    }

    void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
