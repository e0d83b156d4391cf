package dev.glimpse.optimize.gpu;

/**
 * A named binding point shared by Java and GLSL. Kernel classes declare them as constants, e.g.
 * {@code static final Binding KEYS = Binding.storage("KEYS_BINDING", 0);}, list them in
 * {@link ComputeProgram.Builder#bindings}, and the builder injects {@code #define KEYS_BINDING 0} so the shader
 * writes {@code layout(std430, binding = KEYS_BINDING) buffer Keys { uint keys[]; };}.
 *
 * @param define the macro name the shader uses for the index
 * @param index  SSBO binding point or image unit (separate GL namespaces)
 * @param kind   what gets bound there
 */
public record Binding(String define, int index, Kind kind) {
    /** What a binding point holds. */
    public enum Kind {
        /** A {@link GpuBuffer} as shader storage block. */
        STORAGE,
        /** A {@link GpuTexture} level 0 as image for imageLoad/imageStore. */
        IMAGE
    }

    public Binding {
        if (index < 0) {
            throw new IllegalArgumentException("binding " + define + ": negative index " + index);
        }
    }

    public static Binding storage(String define, int index) {
        return new Binding(define, index, Kind.STORAGE);
    }

    public static Binding image(String define, int index) {
        return new Binding(define, index, Kind.IMAGE);
    }
}
