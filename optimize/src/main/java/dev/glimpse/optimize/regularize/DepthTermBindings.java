package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.RasterOutput;

/**
 * The bindings and uniforms every image-space depth term shares ({@code shaders/regularize/depth_common.glsl}):
 * the rasteriser's depth and alpha, the depth and alpha cotangents the terms add to, and the loss-value slots.
 */
final class DepthTermBindings {
    static final int TILE = 16;
    static final Binding DEPTH = Binding.storage("DEPTH_BINDING", 0);
    static final Binding ALPHA = Binding.storage("ALPHA_BINDING", 1);
    static final Binding V_DEPTH = Binding.storage("V_DEPTH_BINDING", 2);
    static final Binding V_ALPHA = Binding.storage("V_ALPHA_BINDING", 3);
    static final Binding REG_STATS = Binding.storage("REG_STATS_BINDING", 4);

    private DepthTermBindings() {}

    /** A 16 x 16 image pass with the shared bindings plus {@code own}. */
    static ComputeProgram build(GlContext ctx, String path, Binding... own) {
        Binding[] all = new Binding[5 + own.length];
        all[0] = DEPTH;
        all[1] = ALPHA;
        all[2] = V_DEPTH;
        all[3] = V_ALPHA;
        all[4] = REG_STATS;
        System.arraycopy(own, 0, all, 5, own.length);
        return ComputeProgram.builder(ctx, path).localSize(TILE, TILE, 1).bindings(all)
                .define("REG_STATS_WORDS", RegularizerStats.WORDS).build();
    }

    /** Binds the rendered depth and alpha, the cotangents and the stats slot ({@code slot < 0}: no loss value). */
    static void bind(ComputeProgram p, Rendered in, Cotangents v, GpuBuffer stats, int slot, float alphaMin) {
        p.bind(DEPTH, in.depth()).bind(ALPHA, in.alpha()).bind(V_DEPTH, v.depth()).bind(V_ALPHA, v.alpha())
                .bind(REG_STATS, stats);
        p.setInt("statSlot", slot);
        p.setFloat("alphaMin", alphaMin);
        p.setUint("width", in.width());
        p.setUint("height", in.height());
    }

    /** Dispatches one 16 x 16 workgroup per tile of the image. */
    static void dispatchImage(ComputeProgram p, Rendered in) {
        p.dispatch(ComputeProgram.groupsFor(in.width(), TILE), ComputeProgram.groupsFor(in.height(), TILE), 1);
    }

    /**
     * What the terms read of a render: depth (sum z alpha T) and alpha [H][W] float, and for the smoothness the
     * colour [H][W][3] float (may be null for the other terms).
     */
    record Rendered(GpuBuffer depth, GpuBuffer alpha, GpuBuffer rgb, int width, int height) {
        static Rendered of(RasterOutput out) {
            return new Rendered(out.depth(), out.alpha(), out.rgb(), out.width(), out.height());
        }

        int pixels() {
            return width * height;
        }
    }

    /** The depth and alpha cotangent buffers [H][W] float the terms add to. */
    record Cotangents(GpuBuffer depth, GpuBuffer alpha) {}
}
