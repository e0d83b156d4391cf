package dev.glimpse.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void readsStoredAndDeflatedMembersKeyedWithoutExtension() throws IOException {
        Path f = dir.resolve("cams.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            NpyBytes.putMember(zip, "world_mat_0.npy", NpyBytes.file("<f8", "(2, 2)", NpyBytes.float64(1, 2, 3, 4)), true);
            NpyBytes.putMember(zip, "scale_mat_0.npy", NpyBytes.file(">i2", "(3,)",
                    NpyBytes.values("i2", ByteOrder.BIG_ENDIAN, -1, 0, 300)), false);
            NpyBytes.putMember(zip, "notes.txt", "not an array".getBytes(), false);
        }
        Map<String, NdArray> arrays = Npz.read(f);
        assertThat(arrays).containsOnlyKeys("world_mat_0", "scale_mat_0");
        assertThat(arrays.get("world_mat_0").asMatrix()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(arrays.get("scale_mat_0").type()).isEqualTo(DType.INT16);
        assertThat(arrays.get("scale_mat_0").asDoubles()).containsExactly(-1, 0, 300);
    }

    @Test
    void namesTheFileAndTheMemberOfABadArray() throws IOException {
        Path f = dir.resolve("bad.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            NpyBytes.putMember(zip, "good.npy", NpyBytes.file("<f8", "(1,)", NpyBytes.float64(1)), false);
            NpyBytes.putMember(zip, "cut.npy", NpyBytes.file("<f8", "(5,)", NpyBytes.float64(1, 2)), false);
        }
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(f + ": member 'cut.npy': truncated data");
    }

    @Test
    void rejectsFilesThatAreNotZipArchives() throws IOException {
        Path f = Files.write(dir.resolve("plain.npz"), NpyBytes.file("<f8", "(1,)", NpyBytes.float64(1)));
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(f + ": not a readable .npz");
        Path missing = dir.resolve("none.npz");
        assertThatThrownBy(() -> Npz.read(missing)).hasMessage(missing + ": file not found");
    }
}
