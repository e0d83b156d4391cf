package dev.glimpse.optimize.regularize;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Owns {@code shaders/regularize/free_space_carve.comp}: depth-aware pruning of Gaussians the training views see
 * through. Holds every training view's camera, mask and stereo depth on the GPU.
 */
final class FreeSpaceCarving implements AutoCloseable {
    static final int WORKGROUP_SIZE = 256;
    /** Half-size of the window that must agree around a projection. */
    static final int CARVE_RADIUS = 2;
    /** std430 size of the shader's CarveView: mat4, vec4, ivec4. */
    static final int VIEW_BYTES = 96;
    static final Binding MEANS = Binding.storage("MEANS_BINDING", 0);
    static final Binding LOG_SCALES = Binding.storage("LOG_SCALES_BINDING", 1);
    static final Binding LOGIT_OPACITY = Binding.storage("LOGIT_OPACITY_BINDING", 2);
    static final Binding VIEWS = Binding.storage("VIEWS_BINDING", 3);
    static final Binding MASKS = Binding.storage("MASKS_BINDING", 4);
    static final Binding DEPTHS = Binding.storage("DEPTHS_BINDING", 5);
    static final Binding CARVED = Binding.storage("CARVED_BINDING", 6);

    /** One training view: camera, mask [H][W] (1 = scene) and stereo depth [H][W] (0 = none, or null). */
    record View(SplatCamera camera, float[] mask, float[] depth) {}

    private final ComputeProgram program;
    private final GpuBuffer views;
    private final GpuBuffer masks;
    private final GpuBuffer depths;
    private final GpuBuffer carved;
    private final int numViews;

    FreeSpaceCarving(GlContext ctx, List<View> training) {
        program = ComputeProgram.builder(ctx, "regularize/free_space_carve.comp").localSize(WORKGROUP_SIZE)
                .bindings(MEANS, LOG_SCALES, LOGIT_OPACITY, VIEWS, MASKS, DEPTHS, CARVED)
                .define("CARVE_RADIUS", CARVE_RADIUS).build();
        numViews = training.size();
        int total = training.stream().mapToInt(v -> v.camera().pixels()).sum();
        float[] allMasks = new float[total];
        float[] allDepths = new float[total];
        ByteBuffer bytes = ByteBuffer.allocateDirect(VIEW_BYTES * Math.max(1, numViews)).order(ByteOrder.nativeOrder());
        int offset = 0;
        for (View v : training) {
            SplatCamera c = v.camera();
            System.arraycopy(v.mask(), 0, allMasks, offset, c.pixels());
            if (v.depth() != null) {
                System.arraycopy(v.depth(), 0, allDepths, offset, c.pixels());
            }
            for (float x : c.worldToCamera()) {
                bytes.putFloat(x);
            }
            bytes.putFloat(c.fx()).putFloat(c.fy()).putFloat(c.cx()).putFloat(c.cy());
            bytes.putInt(c.width()).putInt(c.height()).putInt(offset).putInt(v.depth() != null ? 1 : 0);
            offset += c.pixels();
        }
        bytes.flip();
        views = GpuBuffer.create(ctx, bytes.remaining(), "carve views");
        views.upload(0, bytes);
        masks = GpuBuffer.of(ctx, "carve masks", allMasks);
        depths = GpuBuffer.of(ctx, "carve depths", allDepths);
        carved = GpuBuffer.create(ctx, 4, "carve count");
    }

    /** Marks the floaters of {@code model} by setting their logit opacity to {@code deadLogit}. */
    void run(GaussianModel model, float margin, float deadLogit) {
        int n = model.count();
        carved.clear();
        if (n == 0) {
            return;
        }
        program.bind(MEANS, model.params().means()).bind(LOG_SCALES, model.params().logScales())
                .bind(LOGIT_OPACITY, model.params().logitOpacity()).bind(VIEWS, views).bind(MASKS, masks)
                .bind(DEPTHS, depths).bind(CARVED, carved);
        program.setUint("count", n);
        program.setUint("numViews", numViews);
        program.setFloat("nearPlane", SplatCamera.DEFAULT_NEAR);
        program.setFloat("margin", margin);
        program.setFloat("deadLogit", deadLogit);
        program.dispatch(ComputeProgram.groupsFor(n, WORKGROUP_SIZE), 1, 1);
    }

    /** How many Gaussians the last run marked (a synchronising readback: for logs and tests). */
    int lastCount() {
        return carved.downloadInts(0, 1)[0];
    }

    @Override
    public void close() {
        program.close();
        views.close();
        masks.close();
        depths.close();
        carved.close();
    }
}
