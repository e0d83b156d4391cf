package dev.glimpse.render.gl;

import static org.lwjgl.opengl.GL20C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20C.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20C.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20C.glAttachShader;
import static org.lwjgl.opengl.GL20C.glCompileShader;
import static org.lwjgl.opengl.GL20C.glCreateProgram;
import static org.lwjgl.opengl.GL20C.glCreateShader;
import static org.lwjgl.opengl.GL20C.glDeleteProgram;
import static org.lwjgl.opengl.GL20C.glDeleteShader;
import static org.lwjgl.opengl.GL20C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20C.glGetProgrami;
import static org.lwjgl.opengl.GL20C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20C.glGetShaderi;
import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glLinkProgram;
import static org.lwjgl.opengl.GL20C.glShaderSource;
import static org.lwjgl.opengl.GL20C.glUseProgram;
import static org.lwjgl.opengl.GL41C.glProgramUniform1f;
import static org.lwjgl.opengl.GL41C.glProgramUniform1i;
import static org.lwjgl.opengl.GL41C.glProgramUniform2f;
import static org.lwjgl.opengl.GL41C.glProgramUniform2i;
import static org.lwjgl.opengl.GL41C.glProgramUniform3f;
import static org.lwjgl.opengl.GL41C.glProgramUniform4f;
import static org.lwjgl.opengl.GL41C.glProgramUniformMatrix4fv;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GlResource;
import dev.glimpse.optimize.gpu.GpuException;
import dev.glimpse.optimize.gpu.ShaderSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A linked vertex + fragment program for the viewer's drawing, loaded like the compute kernels from
 * {@code shaders/} (same {@code #include} and injected defines, so binding indices come from Java). Uniforms are
 * set by name; a name the program does not have is ignored (the compiler may drop unused ones).
 */
public final class GraphicsProgram extends GlResource {
    private final int program;
    private final Map<String, Integer> locations = new HashMap<>();

    private GraphicsProgram(GlContext context, String label, int program) {
        super(context, label);
        this.program = program;
    }

    /** Compiles {@code shaders/<vertexPath>} and {@code shaders/<fragmentPath>} with the context's and these defines. */
    public static GraphicsProgram of(GlContext context, String vertexPath, String fragmentPath,
            Map<String, ?> defines) {
        Map<String, String> all = new LinkedHashMap<>(context.shaderDefines());
        defines.forEach((k, v) -> all.put(k, String.valueOf(v)));
        ShaderSource vs = ShaderSource.load(vertexPath, all);
        ShaderSource fs = ShaderSource.load(fragmentPath, all);
        int v = compile(GL_VERTEX_SHADER, vs);
        int f;
        try {
            f = compile(GL_FRAGMENT_SHADER, fs);
        } catch (GpuException e) {
            glDeleteShader(v);
            throw e;
        }
        int program = glCreateProgram();
        glAttachShader(program, v);
        glAttachShader(program, f);
        glLinkProgram(program);
        glDeleteShader(v);
        glDeleteShader(f);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new GpuException(vertexPath + " + " + fragmentPath + ": link failed: " + oneLine(log));
        }
        return new GraphicsProgram(context, vertexPath + " + " + fragmentPath, program);
    }

    private static int compile(int stage, ShaderSource source) {
        int shader = glCreateShader(stage);
        glShaderSource(shader, source.text());
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = source.rewriteLog(glGetShaderInfoLog(shader));
            glDeleteShader(shader);
            throw new GpuException(source.path() + ": compile failed: " + oneLine(log));
        }
        return shader;
    }

    private static String oneLine(String log) {
        List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join(" | ", lines);
    }

    /** Makes this the current program for the next draw calls. */
    public void use() {
        checkOpen();
        glUseProgram(program);
    }

    private int location(String name) {
        return locations.computeIfAbsent(name, n -> glGetUniformLocation(program, n));
    }

    public void setInt(String name, int value) {
        glProgramUniform1i(program, location(name), value);
    }

    public void setIvec2(String name, int x, int y) {
        glProgramUniform2i(program, location(name), x, y);
    }

    public void setFloat(String name, float value) {
        glProgramUniform1f(program, location(name), value);
    }

    public void setVec2(String name, float x, float y) {
        glProgramUniform2f(program, location(name), x, y);
    }

    public void setVec3(String name, float x, float y, float z) {
        glProgramUniform3f(program, location(name), x, y, z);
    }

    public void setVec4(String name, float x, float y, float z, float w) {
        glProgramUniform4f(program, location(name), x, y, z, w);
    }

    /** @param columnMajor [16] as GLSL's mat4 */
    public void setMat4(String name, float[] columnMajor) {
        glProgramUniformMatrix4fv(program, location(name), false, columnMajor);
    }

    @Override
    protected void free() {
        glDeleteProgram(program);
    }
}
