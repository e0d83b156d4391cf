package dev.glimpse.datasets.io;

import dev.glimpse.datasets.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reader of NumPy's .npz archives (what {@code numpy.savez} and {@code savez_compressed} write): a zip file whose
 * {@code name.npy} members, stored or deflated, are .npy arrays. Members that are not .npy files are skipped, as
 * Glimpse has no use for them.
 */
public final class Npz {
    private Npz() {}

    /** All arrays of the archive keyed by member name without ".npy", in archive order. */
    public static Map<String, NdArray> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "file not found");
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".npy")) {
                    continue;
                }
                arrays.put(name.substring(0, name.length() - 4), readMember(zip, entry, file));
            }
        } catch (ZipException e) {
            throw new DatasetException(file, "not a readable .npz (zip) archive (" + e.getMessage() + ")", e);
        }
        return arrays;
    }

    private static NdArray readMember(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        String where = "member '" + entry.getName() + "': ";
        try (InputStream in = zip.getInputStream(entry)) {
            long size = entry.getSize();
            if (size >= 0) {
                return Npy.read(in, size, file, where);
            }
            // Size unknown (streamed entry): read it whole so the reader can still check lengths before parsing.
            byte[] all = in.readAllBytes();
            return Npy.read(new ByteArrayInputStream(all), all.length, file, where);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(file, where + "cannot decompress (" + e.getMessage() + ")", e);
        }
    }
}
