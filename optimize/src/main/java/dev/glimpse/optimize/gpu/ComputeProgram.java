package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL15C.GL_READ_ONLY;
import static org.lwjgl.opengl.GL15C.GL_READ_WRITE;
import static org.lwjgl.opengl.GL15C.GL_WRITE_ONLY;
import static org.lwjgl.opengl.GL20C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20C.glAttachShader;
import static org.lwjgl.opengl.GL20C.glCompileShader;
import static org.lwjgl.opengl.GL20C.glCreateProgram;
import static org.lwjgl.opengl.GL20C.glCreateShader;
import static org.lwjgl.opengl.GL20C.glDeleteProgram;
import static org.lwjgl.opengl.GL20C.glDeleteShader;
import static org.lwjgl.opengl.GL20C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20C.glGetProgrami;
import static org.lwjgl.opengl.GL20C.glGetProgramiv;
import static org.lwjgl.opengl.GL20C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20C.glGetShaderi;
import static org.lwjgl.opengl.GL20C.glLinkProgram;
import static org.lwjgl.opengl.GL20C.glShaderSource;
import static org.lwjgl.opengl.GL20C.glUseProgram;
import static org.lwjgl.opengl.GL42C.GL_COMMAND_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.GL_SHADER_IMAGE_ACCESS_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.GL_TEXTURE_FETCH_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.GL_UNIFORM_BARRIER_BIT;
import static org.lwjgl.opengl.GL42C.glBindImageTexture;
import static org.lwjgl.opengl.GL42C.glMemoryBarrier;
import static org.lwjgl.opengl.GL43C.GL_COMPUTE_SHADER;
import static org.lwjgl.opengl.GL43C.GL_COMPUTE_WORK_GROUP_SIZE;
import static org.lwjgl.opengl.GL43C.GL_DISPATCH_INDIRECT_BUFFER;
import static org.lwjgl.opengl.GL43C.GL_PROGRAM;
import static org.lwjgl.opengl.GL43C.GL_SHADER_STORAGE_BARRIER_BIT;
import static org.lwjgl.opengl.GL43C.glDispatchCompute;
import static org.lwjgl.opengl.GL43C.glDispatchComputeIndirect;
import static org.lwjgl.opengl.GL43C.glObjectLabel;
import static org.lwjgl.opengl.GL15C.glBindBuffer;
import static org.lwjgl.opengl.GL41C.glProgramUniform1f;
import static org.lwjgl.opengl.GL41C.glProgramUniform1i;
import static org.lwjgl.opengl.GL41C.glProgramUniform1ui;
import static org.lwjgl.opengl.GL41C.glProgramUniform2f;
import static org.lwjgl.opengl.GL41C.glProgramUniform3f;
import static org.lwjgl.opengl.GL41C.glProgramUniform4f;
import static org.lwjgl.opengl.GL41C.glProgramUniformMatrix4fv;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4fc;
import org.joml.Vector2fc;
import org.joml.Vector3fc;
import org.joml.Vector4fc;

/**
 * A linked compute shader plus the bindings it declares. Built with {@link #builder}; the builder injects
 * {@code LOCAL_SIZE_X/Y/Z}, one define per {@link Binding}, the context's {@link GlContext#shaderDefines()} and
 * the caller's defines, then checks after linking that the shader's local size is the one Java declared.
 *
 * <p>Buffers and images attached with {@code bind} are remembered and bound at each dispatch, so programs
 * sharing binding indices do not disturb each other. Every dispatch first issues a barrier making all earlier
 * shader writes visible (storage, image, indirect command, uniform, texture fetch): kernels that depend on
 * earlier dispatches need no barrier code of their own.
 */
public final class ComputeProgram extends GlResource {
    private static final int DISPATCH_BARRIER = GL_SHADER_STORAGE_BARRIER_BIT | GL_SHADER_IMAGE_ACCESS_BARRIER_BIT
            | GL_COMMAND_BARRIER_BIT | GL_UNIFORM_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT;

    /** Image access modes for {@link #bind(Binding, GpuTexture, Access)}. */
    public enum Access {
        READ(GL_READ_ONLY), WRITE(GL_WRITE_ONLY), READ_WRITE(GL_READ_WRITE);

        final int gl;

        Access(int gl) {
            this.gl = gl;
        }
    }

    private record Attached(GlResource resource, long offset, long bytes, Access access) {
    }

    private final ShaderSource source;
    private final int program;
    private final int[] localSize;
    private final List<Binding> bindings;
    private final Map<Binding, Attached> attached = new HashMap<>();
    private final UniformTable uniforms;

    private ComputeProgram(GlContext context, ShaderSource source, int program, int[] localSize,
                           List<Binding> bindings) {
        super(context, source.path());
        this.source = source;
        this.program = program;
        this.localSize = localSize;
        this.bindings = bindings;
        glObjectLabel(GL_PROGRAM, program, source.path());
        int[] actual = new int[3];
        glGetProgramiv(program, GL_COMPUTE_WORK_GROUP_SIZE, actual);
        if (actual[0] != localSize[0] || actual[1] != localSize[1] || actual[2] != localSize[2]) {
            close();
            throw new GpuException(source.path() + ": shader local size " + actual[0] + "x" + actual[1] + "x"
                    + actual[2] + " differs from the " + localSize[0] + "x" + localSize[1] + "x" + localSize[2]
                    + " declared in Java; write layout(local_size_x = LOCAL_SIZE_X, ...) in");
        }
        uniforms = new UniformTable(program, source);
    }

    private static int compileAndLink(ShaderSource source) {
        int shader = glCreateShader(GL_COMPUTE_SHADER);
        try {
            glShaderSource(shader, source.text());
            glCompileShader(shader);
            if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
                throw failure(source, "compile", glGetShaderInfoLog(shader));
            }
            int program = glCreateProgram();
            glAttachShader(program, shader);
            glLinkProgram(program);
            if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
                String log = glGetProgramInfoLog(program);
                glDeleteProgram(program);
                throw failure(source, "link", log);
            }
            return program;
        } finally {
            glDeleteShader(shader);
        }
    }

    /** One-line message: every non-empty log line mapped to file:line, joined with " | ". */
    private static GpuException failure(ShaderSource source, String stage, String log) {
        List<String> lines = source.rewriteLog(log).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new GpuException(source.path() + ": " + stage + " failed: " + String.join(" | ", lines));
    }

    /** Starts building the program for {@code shaders/<path>}. */
    public static Builder builder(GlContext context, String path) {
        return new Builder(context, path);
    }

    /** Collects local size, bindings and defines for one program variant. */
    public static final class Builder {
        private final GlContext context;
        private final String path;
        private final Map<String, String> defines = new LinkedHashMap<>();
        private final Map<String, Binding> bindings = new LinkedHashMap<>();
        private int[] localSize;

        private Builder(GlContext context, String path) {
            this.context = context;
            this.path = path;
        }

        /** Workgroup size; reaches the shader as LOCAL_SIZE_X/Y/Z (unused dimensions are 1). */
        public Builder localSize(int x, int y, int z) {
            if (x <= 0 || y <= 0 || z <= 0) {
                throw new GpuException(path + ": invalid local size " + x + "x" + y + "x" + z);
            }
            localSize = new int[] {x, y, z};
            return this;
        }

        public Builder localSize(int x) {
            return localSize(x, 1, 1);
        }

        /** Adds {@code #define name value}; booleans become 1/0. Overrides a context define of the same name. */
        public Builder define(String name, Object value) {
            defines.put(name, value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value));
            return this;
        }

        /** Declares the bindings the shader uses; each injects {@code #define <define> <index>}. */
        public Builder bindings(Binding... declared) {
            for (Binding b : declared) {
                for (Binding other : bindings.values()) {
                    if (other.kind() == b.kind() && other.index() == b.index() && !other.equals(b)) {
                        throw new GpuException(path + ": bindings " + other.define() + " and " + b.define()
                                + " share " + b.kind() + " index " + b.index());
                    }
                }
                bindings.put(b.define(), b);
            }
            return this;
        }

        public ComputeProgram build() {
            if (localSize == null) {
                throw new GpuException(path + ": localSize(...) must be declared in Java");
            }
            Map<String, String> all = new LinkedHashMap<>(context.shaderDefines());
            all.put("LOCAL_SIZE_X", Integer.toString(localSize[0]));
            all.put("LOCAL_SIZE_Y", Integer.toString(localSize[1]));
            all.put("LOCAL_SIZE_Z", Integer.toString(localSize[2]));
            for (Binding b : bindings.values()) {
                all.put(b.define(), Integer.toString(b.index()));
            }
            all.putAll(defines);
            context.checkThread();
            ShaderSource source = ShaderSource.load(path, all);
            return new ComputeProgram(context, source, compileAndLink(source), localSize,
                    List.copyOf(bindings.values()));
        }
    }

    /** The resolved source (useful for debugging a failing kernel). */
    public ShaderSource source() {
        return source;
    }

    public int localSizeX() {
        return localSize[0];
    }

    public int localSizeY() {
        return localSize[1];
    }

    public int localSizeZ() {
        return localSize[2];
    }

    /** Workgroups needed so that {@code perGroup} items per group cover {@code items} (ceiling division). */
    public static int groupsFor(long items, long perGroup) {
        long groups = (items + perGroup - 1) / perGroup;
        if (groups > Integer.MAX_VALUE) {
            throw new GpuException(items + " items need more than 2^31 workgroups");
        }
        return (int) groups;
    }

    /** Attaches a whole buffer to a declared storage binding (bound at each dispatch). */
    public ComputeProgram bind(Binding binding, GpuBuffer buffer) {
        return bind(binding, buffer, 0, -1);
    }

    /** Attaches a byte range of a buffer; the offset must respect {@link GpuLimits#storageOffsetAlignment()}. */
    public ComputeProgram bind(Binding binding, GpuBuffer buffer, long byteOffset, long bytes) {
        declared(binding, Binding.Kind.STORAGE);
        attached.put(binding, new Attached(buffer, byteOffset, bytes, null));
        return this;
    }

    /** Attaches level 0 of a texture to a declared image binding. */
    public ComputeProgram bind(Binding binding, GpuTexture texture, Access access) {
        declared(binding, Binding.Kind.IMAGE);
        attached.put(binding, new Attached(texture, 0, 0, access));
        return this;
    }

    private void declared(Binding binding, Binding.Kind kind) {
        checkOpen();
        if (!bindings.contains(binding) || binding.kind() != kind) {
            throw new GpuException(source.path() + ": " + binding + " is not a declared " + kind + " binding");
        }
    }

    private int location(String name, int setterType) {
        checkOpen();
        context().checkThread();
        return uniforms.location(name, setterType);
    }

    public void setInt(String name, int value) {
        glProgramUniform1i(program, location(name, UniformTable.INT), value);
    }

    /** Sets a {@code uint} uniform; {@code value} is taken as unsigned 32 bits. */
    public void setUint(String name, int value) {
        glProgramUniform1ui(program, location(name, UniformTable.UINT), value);
    }

    public void setFloat(String name, float value) {
        glProgramUniform1f(program, location(name, UniformTable.FLOAT), value);
    }

    public void setVec2(String name, float x, float y) {
        glProgramUniform2f(program, location(name, UniformTable.VEC2), x, y);
    }

    public void setVec2(String name, Vector2fc v) {
        setVec2(name, v.x(), v.y());
    }

    public void setVec3(String name, float x, float y, float z) {
        glProgramUniform3f(program, location(name, UniformTable.VEC3), x, y, z);
    }

    public void setVec3(String name, Vector3fc v) {
        setVec3(name, v.x(), v.y(), v.z());
    }

    public void setVec4(String name, float x, float y, float z, float w) {
        glProgramUniform4f(program, location(name, UniformTable.VEC4), x, y, z, w);
    }

    public void setVec4(String name, Vector4fc v) {
        setVec4(name, v.x(), v.y(), v.z(), v.w());
    }

    /** Sets a mat4 from 16 floats in column-major order (GLSL's and JOML's layout). */
    public void setMat4(String name, float[] columnMajor) {
        if (columnMajor.length != 16) {
            throw new GpuException(source.path() + ": mat4 '" + name + "' needs 16 floats, got " + columnMajor.length);
        }
        glProgramUniformMatrix4fv(program, location(name, UniformTable.MAT4), false, columnMajor);
    }

    public void setMat4(String name, Matrix4fc m) {
        setMat4(name, m.get(new float[16]));
    }

    /** Runs {@code gx * gy * gz} workgroups. */
    public void dispatch(int gx, int gy, int gz) {
        GpuLimits limits = context().limits();
        if (gx < 0 || gy < 0 || gz < 0 || gx > limits.maxWorkgroupCountX() || gy > limits.maxWorkgroupCountY()
                || gz > limits.maxWorkgroupCountZ()) {
            throw new GpuException(source.path() + ": dispatch " + gx + "x" + gy + "x" + gz
                    + " is outside the workgroup count limits");
        }
        if ((long) gx * gy * gz == 0) {
            return;
        }
        prepare();
        glDispatchCompute(gx, gy, gz);
        context().checkErrors(source.path());
    }

    /** Runs the workgroup counts stored as three uints at {@code byteOffset} in {@code arguments}. */
    public void dispatchIndirect(GpuBuffer arguments, long byteOffset) {
        if (byteOffset < 0 || byteOffset % 4 != 0 || byteOffset + 12 > arguments.size()) {
            throw new GpuException(source.path() + ": indirect arguments at " + byteOffset + " outside '"
                    + arguments.label() + "'");
        }
        prepare();
        glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, arguments.handle());
        glDispatchComputeIndirect(byteOffset);
        glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, 0);
        context().checkErrors(source.path());
    }

    private void prepare() {
        checkOpen();
        context().checkThread();
        for (Binding b : bindings) {
            Attached a = attached.get(b);
            if (a == null) {
                throw new GpuException(source.path() + ": binding " + b.define() + " has nothing bound");
            }
            if (a.resource instanceof GpuBuffer buffer) {
                if (a.bytes < 0) {
                    buffer.bindStorage(b.index());
                } else {
                    buffer.bindStorage(b.index(), a.offset, a.bytes);
                }
            } else {
                GpuTexture texture = (GpuTexture) a.resource;
                glBindImageTexture(b.index(), texture.handle(), 0, false, 0, a.access.gl,
                        texture.format().internalFormat);
            }
        }
        glUseProgram(program);
        glMemoryBarrier(DISPATCH_BARRIER);
    }

    @Override
    protected void free() {
        glDeleteProgram(program);
    }
}
