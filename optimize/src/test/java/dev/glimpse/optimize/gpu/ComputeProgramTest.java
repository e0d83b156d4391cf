package dev.glimpse.optimize.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

class ComputeProgramTest extends GpuTestSupport {
    private static final Binding OUT = Binding.storage("OUT_BINDING", 3);

    @Test
    void includesOnceAndInjectsDefines() {
        try (ComputeProgram program = ComputeProgram.builder(ctx, "test/include_main.comp").localSize(32)
                .bindings(OUT).define("OFFSET", 7).define("SCALE", "3u").build();
             GpuBuffer out = GpuBuffer.create(ctx, 4 * 100, "out")) {
            assertThat(program.source().files())
                    .containsExactly("test/include_main.comp", "test/inc/offset.glsl", "test/inc/scale.glsl");
            program.bind(OUT, out).setUint("count", 100);
            program.dispatch(ComputeProgram.groupsFor(100, 32), 1, 1);
            int[] values = out.downloadInts();
            for (int i = 0; i < 100; i++) {
                assertThat(values[i]).as("element %d", i).isEqualTo((i + 7) * 3);
            }
        }
    }

    @Test
    void definesFollowVersionAndLineDirectivesNameFiles() {
        ShaderSource source = ShaderSource.load("test/include_main.comp", Map.of("OFFSET", "1", "SCALE", "2u"));
        String[] lines = source.text().split("\n");
        assertThat(lines[0]).isEqualTo("#version 450");
        assertThat(lines[1]).startsWith("#define ");
        assertThat(lines[2]).startsWith("#define ");
        assertThat(lines[3]).isEqualTo("#line 2 0");
        assertThat(source.text()).contains("#line 100001 1").contains("#line 200001 2");
    }

    @Test
    void compileErrorNamesRootFileAndLine() {
        assertThatThrownBy(() -> ComputeProgram.builder(ctx, "test/bad_main.comp").localSize(1).build())
                .isInstanceOf(GpuException.class)
                .hasMessageStartingWith("test/bad_main.comp: compile failed: ")
                .hasMessageContaining("test/bad_main.comp:8: ")
                .hasMessageContaining("undeclaredThing")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void compileErrorInsideIncludeNamesIncludedFileAndLine() {
        assertThatThrownBy(() -> ComputeProgram.builder(ctx, "test/bad_include.comp").localSize(1)
                        .define("SCALE", "2u").build())
                .isInstanceOf(GpuException.class)
                .hasMessageContaining("test/inc/broken.glsl:4: ")
                .hasMessageContaining("noSuchFunction")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("bad_include\\.comp:\\d"));
    }

    @Test
    void rewritesNvidiaStyleLogs() {
        ShaderSource source = ShaderSource.load("test/bad_include.comp", Map.of("LOCAL_SIZE_X", "1"));
        assertThat(source.rewriteLog("0(9) : error C1008: undefined variable \"x\"\n2(200004) : warning C7050: y"))
                .isEqualTo("test/bad_include.comp:9: error C1008: undefined variable \"x\"\n"
                        + "test/inc/broken.glsl:4: warning C7050: y");
        assertThat(source.rewriteLog("0:100003(10): error: `z' undeclared"))
                .isEqualTo("test/inc/scale.glsl:3: error: `z' undeclared");
    }

    @Test
    void includeCycleIsReported() {
        assertThatThrownBy(() -> ShaderSource.load("test/cycle.comp", Map.of()))
                .isInstanceOf(GpuException.class)
                .hasMessageContaining("include cycle test/cycle.comp -> test/inc/cycle_a.glsl -> "
                        + "test/inc/cycle_b.glsl -> test/inc/cycle_a.glsl");
    }

    @Test
    void missingIncludeAndMissingFileAreReported() {
        assertThatThrownBy(() -> ShaderSource.load("test/does_not_exist.comp", Map.of()))
                .isInstanceOf(GpuException.class).hasMessageContaining("shaders/test/does_not_exist.comp");
    }

    @Test
    void localSizeMismatchFailsLoudly() {
        assertThatThrownBy(() -> ComputeProgram.builder(ctx, "test/fixed_size.comp").localSize(128).build())
                .isInstanceOf(GpuException.class)
                .hasMessageContaining("test/fixed_size.comp")
                .hasMessageContaining("64x1x1")
                .hasMessageContaining("128x1x1");
        try (ComputeProgram ok = ComputeProgram.builder(ctx, "test/fixed_size.comp").localSize(64).build()) {
            assertThat(ok.localSizeX()).isEqualTo(64);
        }
    }

    @Test
    void uniformSettersReachTheShaderAndTypesAreChecked() {
        try (ComputeProgram program = ComputeProgram.builder(ctx, "test/uniforms.comp").localSize(1)
                .bindings(OUT).build();
             GpuBuffer out = GpuBuffer.create(ctx, 4 * 28, "uniforms out")) {
            Matrix4f m = new Matrix4f();
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 4; r++) {
                    m.set(c, r, 100 + 4 * c + r);
                }
            }
            program.setInt("anInt", -5);
            program.setUint("aUint", 123456);
            program.setFloat("aFloat", 2.5f);
            program.setVec2("aVec2", 1, 2);
            program.setVec3("aVec3", 3, 4, 5);
            program.setVec4("aVec4", 6, 7, 8, 9);
            program.setMat4("aMat4", m);
            program.setFloat("unusedButDeclared", 1f); // optimised out: silently accepted
            program.bind(OUT, out).dispatch(1, 1, 1);
            float[] v = out.downloadFloats(0, 28);
            assertThat(v[0]).isEqualTo(-5f);
            assertThat(v[1]).isEqualTo(123456f);
            assertThat(v[2]).isEqualTo(2.5f);
            for (int i = 3; i < 12; i++) {
                assertThat(v[i]).isEqualTo(i - 2);
            }
            for (int i = 12; i < 28; i++) {
                assertThat(v[i]).isEqualTo(100 + i - 12);
            }
            assertThatThrownBy(() -> program.setInt("aFloat", 1)).hasMessageContaining("aFloat");
            assertThatThrownBy(() -> program.setFloat("typo", 1)).hasMessageContaining("no uniform named 'typo'");
        }
    }

    @Test
    void undeclaredOrUnboundBindingsAreRejected() {
        try (ComputeProgram program = ComputeProgram.builder(ctx, "test/uniforms.comp").localSize(1)
                .bindings(OUT).build();
             GpuBuffer out = GpuBuffer.create(ctx, 4 * 28, "out")) {
            assertThatThrownBy(() -> program.dispatch(1, 1, 1)).hasMessageContaining("OUT_BINDING has nothing bound");
            assertThatThrownBy(() -> program.bind(Binding.storage("OTHER", 1), out)).hasMessageContaining("OTHER");
        }
        assertThatThrownBy(() -> ComputeProgram.builder(ctx, "test/uniforms.comp")
                .bindings(OUT, Binding.storage("CLASH", 3))).hasMessageContaining("share STORAGE index 3");
    }
}
