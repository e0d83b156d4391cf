package dev.glimpse.datasets.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds .npy files byte by byte for tests, written from the format description and independent of
 * {@link Npy#write}, so a reader bug cannot hide behind a matching writer bug.
 */
public final class NpyBytes {
    private NpyBytes() {}

    /** Magic, version major.0, the header length (u16 for version 1, u32 otherwise), the header text, the data. */
    public static byte[] file(int major, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) h.length);
        } else {
            len.putInt(h.length);
        }
        out.writeBytes(len.array());
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The header dictionary as numpy writes it (padding is optional for readers, so none is added). */
    public static String header(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }\n";
    }

    /** A version 1.0 file in C order. */
    public static byte[] file(String descr, String shape, byte[] data) {
        return file(1, header(descr, false, shape), data);
    }

    /** Encodes values as the dtype code ("f4", "u2", "b1", ...) in the given byte order. */
    public static byte[] values(String code, ByteOrder order, double... values) {
        int size = Integer.parseInt(code.substring(1));
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (code) {
                case "f8" -> b.putDouble(v);
                case "f4" -> b.putFloat((float) v);
                case "f2" -> b.putShort(Float.floatToFloat16((float) v));
                case "u8" -> b.putLong(new java.math.BigDecimal(v).toBigInteger().longValue());
                case "i8" -> b.putLong((long) v);
                case "i4", "u4" -> b.putInt((int) (long) v);
                case "i2", "u2" -> b.putShort((short) (long) v);
                case "i1", "u1", "b1" -> b.put((byte) (long) v);
                default -> throw new IllegalArgumentException(code);
            }
        }
        return b.array();
    }

    /** Adds a zip member, stored (with the sizes and CRC a stored entry needs up front) or deflated. */
    public static void putMember(ZipOutputStream zip, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry e = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        } else {
            e.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Little-endian float64 values. */
    public static byte[] float64(double... values) {
        return values("f8", ByteOrder.LITTLE_ENDIAN, values);
    }
}
