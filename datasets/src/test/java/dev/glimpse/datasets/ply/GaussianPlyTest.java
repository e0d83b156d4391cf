package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianPlyTest {
    @TempDir
    Path dir;

    private static final List<String> DEGREE_0_NAMES = List.of("x", "y", "z", "nx", "ny", "nz",
            "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3");

    @Test
    void degreeZeroLayoutIsExactlyTheReferenceOne() throws Exception {
        assertThat(GaussianPly.propertyNames(0)).isEqualTo(DEGREE_0_NAMES);
        assertThat(writtenPropertyNames(0)).isEqualTo(DEGREE_0_NAMES);
    }

    @Test
    void degreeThreeLayoutHas45RestCoefficientsBetweenDcAndOpacity() throws Exception {
        var expected = new ArrayList<>(DEGREE_0_NAMES.subList(0, 9));
        for (int i = 0; i < 45; i++) {
            expected.add("f_rest_" + i);
        }
        expected.addAll(DEGREE_0_NAMES.subList(9, 17));
        assertThat(expected).hasSize(62);
        assertThat(GaussianPly.propertyNames(3)).isEqualTo(expected);
        assertThat(writtenPropertyNames(3)).isEqualTo(expected);
    }

    private List<String> writtenPropertyNames(int degree) throws Exception {
        Path file = dir.resolve("names" + degree + ".ply");
        GaussianPly.write(file, GaussianPlyData.allocate(2, degree));
        PlyHeader header = PlyReader.readHeader(file);
        assertThat(header.format()).isEqualTo(PlyFormat.BINARY_LITTLE_ENDIAN);
        assertThat(header.elements()).singleElement().extracting(PlyElement::name).isEqualTo("vertex");
        List<PlyProperty> properties = header.elements().getFirst().properties();
        assertThat(properties).allSatisfy(p -> assertThat(p.type()).isEqualTo(PlyType.FLOAT));
        return properties.stream().map(PlyProperty::name).toList();
    }

    @Test
    void restCoefficientsAreWrittenChannelMajor() throws Exception {
        // sh[(n*K + k)*3 + c] = 1000 n + 10 k + c: every value names its Gaussian, coefficient and channel.
        var g = GaussianPlyData.allocate(2, 1);
        int k = 4;
        for (int n = 0; n < 2; n++) {
            for (int coefficient = 0; coefficient < k; coefficient++) {
                for (int c = 0; c < 3; c++) {
                    g.sh()[(n * k + coefficient) * 3 + c] = 1000 * n + 10 * coefficient + c;
                }
            }
        }
        Path file = dir.resolve("order.ply");
        GaussianPly.write(file, g);

        PlyElementData vertex = PlyReader.read(file).element("vertex").orElseThrow();
        float[] restOfFirst = new float[9];
        float[] restOfSecond = new float[9];
        for (int i = 0; i < 9; i++) {
            restOfFirst[i] = vertex.scalar("f_rest_" + i).orElseThrow().getFloat(0);
            restOfSecond[i] = vertex.scalar("f_rest_" + i).orElseThrow().getFloat(1);
        }
        // All red coefficients 1..3 first, then green, then blue.
        assertThat(restOfFirst).containsExactly(10, 20, 30, 11, 21, 31, 12, 22, 32);
        assertThat(restOfSecond).containsExactly(1010, 1020, 1030, 1011, 1021, 1031, 1012, 1022, 1032);
        assertThat(vertex.scalar("f_dc_1").orElseThrow().floatArray()).containsExactly(1, 1001);
        assertThat(vertex.scalar("nx").orElseThrow().floatArray()).containsExactly(0, 0);
    }

    @Test
    void degreeThreeRestIndexFollowsChannelTimesFifteen() throws Exception {
        var g = GaussianPlyData.allocate(1, 3);
        g.sh()[1 * 3 + 1] = 7; // k = 1, green -> f_rest_15
        g.sh()[15 * 3 + 2] = 9; // k = 15, blue -> f_rest_44
        g.sh()[15 * 3] = 5; // k = 15, red -> f_rest_14
        Path file = dir.resolve("deg3.ply");
        GaussianPly.write(file, g);
        PlyElementData vertex = PlyReader.read(file).element("vertex").orElseThrow();
        for (int i = 0; i < 45; i++) {
            float expected = switch (i) {
                case 15 -> 7;
                case 44 -> 9;
                case 14 -> 5;
                default -> 0;
            };
            assertThat(vertex.scalar("f_rest_" + i).orElseThrow().getFloat(0)).as("f_rest_%d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void roundTripKeepsEveryFloat(int degree) throws Exception {
        var random = new Random(degree);
        var g = GaussianPlyData.allocate(50, degree);
        for (float[] array : List.of(g.means(), g.logScales(), g.quats(), g.logitOpacity(), g.sh())) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (float) random.nextGaussian();
            }
        }
        Path file = dir.resolve("rt.ply");
        GaussianPly.write(file, g);

        GaussianPlyData read = GaussianPly.read(file);

        assertThat(read.count()).isEqualTo(50);
        assertThat(read.shDegree()).isEqualTo(degree);
        assertThat(read.means()).containsExactly(g.means());
        assertThat(read.logScales()).containsExactly(g.logScales());
        assertThat(read.quats()).containsExactly(g.quats());
        assertThat(read.logitOpacity()).containsExactly(g.logitOpacity());
        assertThat(read.sh()).containsExactly(g.sh());
    }

    @Test
    void readsPropertiesByNameInAnyOrderIgnoringExtras() throws Exception {
        List<String> names = new ArrayList<>(GaussianPly.propertyNames(1));
        names.removeAll(List.of("nx", "ny", "nz"));
        names.add("segment_id");
        Collections.shuffle(names, new Random(3));
        // Each property's values are its position in the reference layout, plus 100 for the second Gaussian.
        List<String> reference = GaussianPly.propertyNames(1);
        var vertex = PlyElementData.builder("vertex", 2);
        for (String name : names) {
            float value = reference.indexOf(name);
            vertex.floats(name, new float[] {value, value + 100});
        }
        Path file = dir.resolve("shuffled.ply");
        PlyWriter.write(file, PlyData.of(PlyFormat.BINARY_BIG_ENDIAN, List.of(), List.of(vertex.build())),
                PlyFormat.BINARY_BIG_ENDIAN);

        GaussianPlyData g = GaussianPly.read(file);

        assertThat(g.shDegree()).isEqualTo(1);
        assertThat(g.means()).containsExactly(0, 1, 2, 100, 101, 102);
        // f_dc_0..2 sit at reference positions 6..8; f_rest_0..8 at 9..17, channel-major, so coefficient k
        // of channel c comes from position 9 + 3c + (k - 1).
        assertThat(g.sh()).startsWith(6, 7, 8, 9, 12, 15, 10, 13, 16, 11, 14, 17, 106);
        assertThat(g.logitOpacity()).containsExactly(18, 118);
        assertThat(g.logScales()).containsExactly(19, 20, 21, 119, 120, 121);
        assertThat(g.quats()).containsExactly(22, 23, 24, 25, 122, 123, 124, 125);
    }

    @Test
    void missingPropertiesAreListed() throws Exception {
        var vertex = PlyElementData.builder("vertex", 1);
        for (String name : GaussianPly.propertyNames(0)) {
            if (!name.equals("opacity") && !name.equals("rot_3")) {
                vertex.floats(name, new float[1]);
            }
        }
        Path file = dir.resolve("missing.ply");
        PlyWriter.write(file, PlyData.of(PlyFormat.BINARY_LITTLE_ENDIAN, List.of(), List.of(vertex.build())));
        assertThatThrownBy(() -> GaussianPly.read(file)).isInstanceOf(PlyException.class)
                .hasMessage(file + ": not a Gaussian splat PLY: vertex element lacks opacity, rot_3");
    }

    @Test
    void restCountMustMatchADegree() throws Exception {
        Path ten = writeWithRest("ten.ply", 10, -1);
        assertThatThrownBy(() -> GaussianPly.read(ten)).isInstanceOf(PlyException.class)
                .hasMessage(ten + ": Gaussian splat PLY has 10 f_rest properties; expected 0, 9, 24 or 45 (SH degree 0..3)");
        Path gap = writeWithRest("gap.ply", 10, 9);
        assertThatThrownBy(() -> GaussianPly.read(gap)).isInstanceOf(PlyException.class)
                .hasMessageContaining("f_rest properties are not numbered 0..8 without gaps");
    }

    private Path writeWithRest(String name, int restCount, int skipped) throws Exception {
        var vertex = PlyElementData.builder("vertex", 1);
        for (String property : GaussianPly.propertyNames(0)) {
            vertex.floats(property, new float[1]);
        }
        for (int i = 0; i < restCount; i++) {
            if (i != skipped) {
                vertex.floats("f_rest_" + i, new float[1]);
            }
        }
        if (skipped >= 0) {
            vertex.floats("f_rest_" + restCount, new float[1]);
        }
        Path file = dir.resolve(name);
        PlyWriter.write(file, PlyData.of(PlyFormat.BINARY_LITTLE_ENDIAN, List.of(), List.of(vertex.build())));
        return file;
    }
}
