package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.datasets.io.NpyBytes;
import dev.glimpse.datasets.load.blender.TestPngs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken file inside an otherwise valid dataset: exit status 1 and one stderr line that names the file. */
class InfoBadDatasetsTest {
    @TempDir
    Path dir;

    private static void assertOneLineNaming(Cli.Result r, Path file, String problem) {
        assertThat(r.status()).as(r.err()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("glimpse: " + file + ": ").contains(problem).doesNotContain("Exception");
    }

    @Test
    void malformedTransformsJson() throws IOException {
        TinyDatasets.nerfstudio(dir);
        Path transforms = dir.resolve("transforms.json");
        Files.writeString(transforms, "{\"camera_model\": \"OPENCV\", \"frames\": [,]}");
        assertOneLineNaming(glimpse("info", dir.toString()), transforms, "malformed JSON at line 1");
    }

    @Test
    void malformedBlenderTransforms() throws IOException {
        TinyDatasets.blender(dir);
        Path transforms = dir.resolve("transforms_test.json");
        Files.writeString(transforms, "{\"camera_angle_x\": 0.6, \"frames\": [");
        assertOneLineNaming(glimpse("info", dir.toString(), "--json"), transforms, "malformed JSON");
    }

    @Test
    void truncatedColmapBinary() throws IOException {
        TinyDatasets.colmapBinary(dir);
        Path images = dir.resolve("sparse/0/images.bin");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));
        // Half the file ends inside the second image record, whose points2D count now overruns the file.
        assertOneLineNaming(glimpse("info", dir.toString()), images, "image record 1 at byte 326: claims 10 points2D");
    }

    @Test
    void llffNpyWithABadHeader() throws IOException {
        TinyDatasets.llff(dir);
        Path poses = dir.resolve("poses_bounds.npy");
        // The shape tuple is never closed.
        Files.write(poses, NpyBytes.file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 17, }\n",
                NpyBytes.float64(new double[51])));
        assertOneLineNaming(glimpse("info", dir.toString()), poses, "header");
    }

    /** Only the first image's header is read when a scene is opened; --check is what finds the odd one out. */
    @Test
    void imageOfTheWrongSizeIsFoundByCheck() throws IOException {
        TinyDatasets.blender(dir);
        Path odd = dir.resolve("images/train_1.png");
        TestPngs.rgba(odd, 10, 10);
        assertThat(glimpse("info", dir.toString()).status()).isZero();
        assertOneLineNaming(glimpse("info", dir.toString(), "--check"), odd, "10x10");
    }
}
