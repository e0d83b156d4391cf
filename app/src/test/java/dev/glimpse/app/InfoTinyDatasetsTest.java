package dev.glimpse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code glimpse info} on a tiny dataset of each format written by the test: every reported field, JSON and text. */
class InfoTinyDatasetsTest {
    @TempDir
    Path dir;

    private DatasetTruth write(String format) throws IOException {
        return switch (format) {
            case "blender" -> TinyDatasets.blender(dir);
            case "nerfstudio" -> TinyDatasets.nerfstudio(dir);
            case "dtu" -> TinyDatasets.dtu(dir);
            case "llff" -> TinyDatasets.llff(dir);
            case "colmap" -> TinyDatasets.colmapBinary(dir);
            default -> throw new IllegalArgumentException(format);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"blender", "nerfstudio", "dtu", "llff", "colmap"})
    void reportsWhatTheFilesHold(String format) throws IOException {
        DatasetTruth truth = write(format);
        JsonNode json = truth.assertJson(dir.toString());
        assertThat(json.get("dataset").asText()).isEqualTo(dir.toString());
        truth.assertText(dir.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blender", "nerfstudio", "dtu", "llff", "colmap"})
    void checkDecodesEveryFileAndForcingTheDetectedFormatChangesNothing(String format) throws IOException {
        DatasetTruth truth = write(format);
        truth.assertJson(dir.toString(), "--check", "--format", format);
        truth.assertText(dir.toString(), "--check");
    }
}
