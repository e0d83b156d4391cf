package dev.glimpse.datasets.ply;

import dev.glimpse.datasets.io.AtomicWrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyWriterAtomicTest {
    @TempDir
    Path dir;

    @Test
    void exceptionMidWriteLeavesNoTargetAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.ply");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
            out.write(new byte[3 << 20]); // past the buffer, so bytes really reach the temporary file
            throw new IOException("disk on fire");
        })).isInstanceOf(dev.glimpse.datasets.DatasetException.class).hasMessageContaining("disk on fire");

        assertThat(target).doesNotExist();
        assertThat(folderListing()).isEmpty();
    }

    @Test
    void exceptionMidWriteKeepsThePreviousTargetIntact() throws Exception {
        Path target = dir.resolve("out.ply");
        Files.writeString(target, "old content");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
            out.write("new partial".getBytes());
            throw new IllegalStateException("bug in producer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(target).hasContent("old content");
        assertThat(folderListing()).containsExactly("out.ply");
    }

    @Test
    void plyWriterFailingOnTheLastRecordLeavesNothing() throws Exception {
        // A 300-item list cannot be counted by a uchar: detected only when that record is encoded.
        var lists = new int[2000][];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new int[] {0, 1, 2};
        }
        lists[lists.length - 1] = new int[300];
        var face = PlyElementData.builder("face", lists.length)
                .list("vertex_indices", PlyType.UCHAR, PlyListColumn.ofInts(PlyType.INT, lists)).build();
        PlyData data = PlyData.of(PlyFormat.BINARY_LITTLE_ENDIAN, List.of(), List.of(face));
        Path target = dir.resolve("faces.ply");

        for (PlyFormat format : PlyFormat.values()) {
            assertThatThrownBy(() -> PlyWriter.write(target, data, format))
                    .isInstanceOf(PlyException.class)
                    .hasMessageStartingWith(target + ": ")
                    .hasMessageContaining("record 1999 has 300 items, more than count type uchar can store");
            assertThat(folderListing()).isEmpty();
        }
    }

    @Test
    void missingFolderIsReported() {
        Path target = dir.resolve("no/such/folder/x.ply");
        assertThatThrownBy(() -> PointCloud.of(new float[3]).write(target))
                .isInstanceOf(dev.glimpse.datasets.DatasetException.class)
                .hasMessageStartingWith(target + ": ")
                .hasMessageContaining("does not exist");
    }

    @Test
    void readOnlyFolderLeavesNoFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permission bits; the atomic-write tests above still cover the failure path.
            Assumptions.assumeFalse(Files.isWritable(folder), "permissions are not enforced for this user");
            Path target = folder.resolve("x.ply");
            assertThatThrownBy(() -> PointCloud.of(new float[3]).write(target)).isInstanceOf(PlyException.class);
            assertThat(target).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void successfulWriteReplacesTargetAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("cloud.ply");
        Files.writeString(target, "old");
        PointCloud.of(new float[] {1, 2, 3}).write(target);

        assertThat(PointCloud.read(target).positions()).containsExactly(1, 2, 3);
        assertThat(folderListing()).containsExactly("cloud.ply");
    }

    private List<String> folderListing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
