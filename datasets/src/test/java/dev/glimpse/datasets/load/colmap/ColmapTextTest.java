package dev.glimpse.datasets.load.colmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColmapTextTest {
    @TempDir
    Path temp;

    @Test
    void tabletopKeepsFileOrder() throws IOException {
        ColmapModel model = ColmapText.read(SharedDatasets.scene("tabletop").resolve("sparse/0"));
        assertThat(model.cameras()).hasSize(1);
        assertThat(model.images()).hasSize(24);
        assertThat(model.points3D()).hasSize(435);
        // File order, not id order, is kept: the first image line of the file is image 13.
        assertThat(model.images().get(0).id()).isEqualTo(13);
        assertThat(model.images().get(0).name()).isEqualTo("train_012.png");
        assertThat(model.points3D().get(0).id()).isEqualTo(257);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tabletop", "forward"})
    void roundTripsToIdenticalModelAndIdenticalBytes(String scene) throws IOException {
        Path original = SharedDatasets.scene(scene).resolve("sparse/0");
        ColmapModel model = ColmapText.read(original);
        Path written = temp.resolve("out");
        ColmapText.write(model, written);
        ColmapModel again = ColmapText.read(written);
        assertThat(again).isEqualTo(model);
        for (int i = 0; i < model.images().size(); i++) {
            assertThat(again.images().get(i).xy()).isEqualTo(model.images().get(i).xy());
            assertThat(again.images().get(i).point3DIds()).isEqualTo(model.images().get(i).point3DIds());
        }
        // COLMAP's number spelling and headers are reproduced, so the files are the same bytes.
        for (String name : new String[] {ColmapText.CAMERAS, ColmapText.IMAGES, ColmapText.POINTS3D}) {
            assertThat(Files.readString(written.resolve(name))).as(name)
                    .isEqualTo(Files.readString(original.resolve(name)));
        }
        try (Stream<Path> left = Files.list(written)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ColmapText.CAMERAS, ColmapText.IMAGES, ColmapText.POINTS3D);
        }
    }

    @Test
    void readsTinyModelValues() throws IOException {
        ColmapModel model = ColmapText.read(TinyModels.write(temp));
        ColmapModel.Camera radial = model.cameras().get(1);
        assertThat(radial.model()).isEqualTo(ColmapCameraModel.SIMPLE_RADIAL);
        assertThat(radial.params()).containsExactly(55, 31.5, 23.5, 0.01);
        ColmapModel.Image a = model.images().get(0);
        assertThat(a.qvec()).containsExactly(1, 0, 0, 0);
        assertThat(a.tvec()).containsExactly(0.5, -0.25, 2);
        assertThat(a.xy()).containsExactly(10, 20, 30.5, 40.25);
        assertThat(a.point3DIds()).containsExactly(ColmapModel.NO_POINT3D, 7);
        assertThat(model.images().get(1).numPoints2D()).isZero();
        ColmapModel.Point3D p = model.points3D().get(0);
        assertThat(p.rgb()).containsExactly(255, 0, 10);
        assertThat(p.error()).isEqualTo(0.5);
        assertThat(p.trackImageIds()).containsExactly(1);
        assertThat(p.trackPoint2DIdxs()).containsExactly(1);
    }

    static Stream<Arguments> malformed() {
        String c = TinyModels.CAMERAS;
        String i = TinyModels.IMAGES;
        String p = TinyModels.POINTS;
        String pinhole = "1 PINHOLE 64 48 50 51 32 24";
        String imageA = "1 1 0 0 0 0.5 -0.25 2 1 a.png";
        String points = "10 20 -1 30.5 40.25 7";
        String point = "7 1 2 3 255 0 10 0.5 1 1";
        return Stream.of(
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64 48 50 51 32"), i, p, ColmapText.CAMERAS, 2,
                        "PINHOLE needs 4 params [fx, fy, cx, cy], got 3"),
                Arguments.of(c.replace(pinhole, "1 PINHOL 64 48 50 51 32 24"), i, p, ColmapText.CAMERAS, 2,
                        "unknown camera model 'PINHOL'"),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64 48 nan 51 32 24"), i, p, ColmapText.CAMERAS, 2,
                        "param fx is nan, must be finite"),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64 48 50 Infinity 32 24"), i, p, ColmapText.CAMERAS, 2,
                        "param fy is Infinity, must be finite"),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64 48 50 51 3x2 24"), i, p, ColmapText.CAMERAS, 2,
                        "param cx '3x2' is not a number"),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64.5 48 50 51 32 24"), i, p, ColmapText.CAMERAS, 2,
                        "width '64.5' is not a non-negative integer"),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 0 48 50 51 32 24"), i, p, ColmapText.CAMERAS, 2,
                        "width is 0, must be in 1.."),
                Arguments.of(c.replace(pinhole, "1 PINHOLE 64"), i, p, ColmapText.CAMERAS, 2,
                        "expected CAMERA_ID MODEL WIDTH HEIGHT PARAMS[], got 3 values"),
                Arguments.of(c + pinhole + "\n", i, p, ColmapText.CAMERAS, 4, "duplicate camera id 1"),
                Arguments.of(c, i.replace(imageA, "1 1 0 0 0 0.5 -0.25 2 1"), p, ColmapText.IMAGES, 2,
                        "expected IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME, got 9 values"),
                Arguments.of(c, i.replace(imageA, "1 0 0 0 0 0.5 -0.25 2 1 a.png"), p, ColmapText.IMAGES, 2,
                        "cannot be normalised to a rotation"),
                Arguments.of(c, i.replace(imageA, "1 1 0 0 0 0.5 -0.25 2 5 a.png"), p, ColmapText.IMAGES, 2,
                        "image 1 refers to camera 5, which is not in the cameras file"),
                Arguments.of(c, i.replace(points, "10 20 -1 30.5 40.25"), p, ColmapText.IMAGES, 3,
                        "points2D line has 5 values, not a multiple of 3"),
                Arguments.of(c, i.replace(points, "10 20 -1 30.5 40.25 x7"), p, ColmapText.IMAGES, 3,
                        "point3D id 'x7' is not a non-negative integer"),
                Arguments.of(c, i.replace("b.png", "a.png"), p, ColmapText.IMAGES, 4,
                        "image 2 repeats the image name 'a.png'"),
                Arguments.of(c, i.strip(), p, ColmapText.IMAGES, 4, "image 2 has no points2D line"),
                Arguments.of(c, i, p.replace(point, "7 1 2 3 255 0 10 0.5 9 1"), ColmapText.POINTS3D, 2,
                        "point3D 7 track refers to image 9, which is not in the images file"),
                Arguments.of(c, i, p.replace(point, "7 1 2 3 255 0 10 0.5 1 2"), ColmapText.POINTS3D, 2,
                        "track refers to point2D 2 of image 1, which has 2 points2D"),
                Arguments.of(c, i, p.replace(point, "7 1 2 3 256 0 10 0.5 1 1"), ColmapText.POINTS3D, 2,
                        "colour value is 256, must be in 0..255"),
                Arguments.of(c, i, p.replace(point, "7 1 2 3 255 0 10 0.5 1"), ColmapText.POINTS3D, 2,
                        "got 9 values"),
                Arguments.of(c, i, p.replace(point, "7 1 2 3 255 0 10 -nan 1 1"), ColmapText.POINTS3D, 2,
                        "error is -nan, must be finite"),
                Arguments.of(c, i, p + point + "\n", ColmapText.POINTS3D, 3, "duplicate point3D id 7"));
    }

    @ParameterizedTest(name = "{3} line {4}: {5}")
    @MethodSource("malformed")
    void malformedInputNamesFileAndLine(String cameras, String images, String points, String badFile, int line,
            String problem) throws IOException {
        Path dir = TinyModels.write(temp, cameras, images, points);
        assertThatThrownBy(() -> ColmapText.read(dir))
                .isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).file()).isEqualTo(dir.resolve(badFile)))
                .hasMessageStartingWith(dir.resolve(badFile) + ": line " + line + ": ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path dir = TinyModels.write(temp);
        Files.delete(dir.resolve(ColmapText.POINTS3D));
        assertThatThrownBy(() -> ColmapText.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve(ColmapText.POINTS3D) + ": file not found");
    }

    @Test
    void writerRefusesNamesTheTextFormatCannotHold() throws IOException {
        ColmapModel model = ColmapText.read(TinyModels.write(temp.resolve("in")));
        ColmapModel.Image a = model.images().get(0);
        ColmapModel spaced = new ColmapModel(model.cameras(), java.util.List.of(new ColmapModel.Image(a.id(),
                a.qvec(), a.tvec(), a.cameraId(), "a b.png", a.xy(), a.point3DIds())), java.util.List.of());
        assertThatThrownBy(() -> ColmapText.write(spaced, temp.resolve("out")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("'a b.png' contains whitespace");
    }
}
