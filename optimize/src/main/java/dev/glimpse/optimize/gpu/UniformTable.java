package dev.glimpse.optimize.gpu;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_INT;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL20C.GL_BOOL;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_MAT4;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC2;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC3;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC4;
import static org.lwjgl.opengl.GL43C.GL_ACTIVE_RESOURCES;
import static org.lwjgl.opengl.GL43C.GL_LOCATION;
import static org.lwjgl.opengl.GL43C.GL_TYPE;
import static org.lwjgl.opengl.GL43C.GL_UNIFORM;
import static org.lwjgl.opengl.GL43C.glGetProgramInterfacei;
import static org.lwjgl.opengl.GL43C.glGetProgramResourceName;
import static org.lwjgl.opengl.GL43C.glGetProgramResourceiv;

import java.util.HashMap;
import java.util.Map;

/**
 * Active uniforms of a linked program, read once after linking: location and GL type by name, so setters need
 * no per-call lookup and a setter of the wrong type fails in Java instead of as a silent GL error.
 */
final class UniformTable {
    private record Uniform(int location, int type) {
    }

    private final Map<String, Uniform> uniforms = new HashMap<>();
    private final ShaderSource source;

    UniformTable(int program, ShaderSource source) {
        this.source = source;
        int count = glGetProgramInterfacei(program, GL_UNIFORM, GL_ACTIVE_RESOURCES);
        int[] props = {GL_TYPE, GL_LOCATION};
        int[] values = new int[2];
        for (int i = 0; i < count; i++) {
            glGetProgramResourceiv(program, GL_UNIFORM, i, props, null, values);
            if (values[1] < 0) {
                continue; // member of a uniform block, not settable by location
            }
            String name = glGetProgramResourceName(program, GL_UNIFORM, i);
            uniforms.put(name.endsWith("[0]") ? name.substring(0, name.length() - 3) : name,
                    new Uniform(values[1], values[0]));
        }
    }

    /**
     * Location of {@code name} after checking the setter type, or -1 when the compiler removed the uniform as
     * unused (drivers differ in what they remove, so that must not fail). A name the source never mentions is a
     * typo and throws.
     */
    int location(String name, int setterType) {
        Uniform uniform = uniforms.get(name);
        if (uniform == null) {
            if (!source.mentions(name)) {
                throw new GpuException(source.path() + ": no uniform named '" + name + "'");
            }
            return -1;
        }
        if (!compatible(uniform.type, setterType)) {
            throw new GpuException(source.path() + ": uniform '" + name + "' has GL type 0x"
                    + Integer.toHexString(uniform.type) + ", not settable as 0x" + Integer.toHexString(setterType));
        }
        return uniform.location;
    }

    private static boolean compatible(int declared, int setter) {
        return declared == setter || (declared == GL_BOOL && (setter == GL_INT || setter == GL_UNSIGNED_INT));
    }

    static final int INT = GL_INT;
    static final int UINT = GL_UNSIGNED_INT;
    static final int FLOAT = GL_FLOAT;
    static final int VEC2 = GL_FLOAT_VEC2;
    static final int VEC3 = GL_FLOAT_VEC3;
    static final int VEC4 = GL_FLOAT_VEC4;
    static final int MAT4 = GL_FLOAT_MAT4;
}
