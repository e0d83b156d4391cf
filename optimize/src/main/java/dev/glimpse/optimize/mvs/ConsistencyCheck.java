package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** Owns {@code shaders/mvs/consistency.comp}: the geometric check of a reference depth map against one other. */
final class ConsistencyCheck implements AutoCloseable {
    static final int TILE = 8;
    static final Binding REF_DEPTH = Binding.storage("REF_DEPTH_BINDING", 0);
    static final Binding OTHER_DEPTH = Binding.storage("OTHER_DEPTH_BINDING", 1);
    static final Binding CONSISTENT = Binding.storage("CONSISTENT_BINDING", 2);
    static final Binding DEPTH_SUM = Binding.storage("DEPTH_SUM_BINDING", 3);

    private final ComputeProgram program;

    ConsistencyCheck(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "mvs/consistency.comp").localSize(TILE, TILE, 1)
                .bindings(REF_DEPTH, OTHER_DEPTH, CONSISTENT, DEPTH_SUM).build();
    }

    /**
     * Adds the agreement of {@code other}'s depth with {@code ref}'s to {@code consistent} [H][W] uint and
     * {@code depthSum} [H][W] float (the caller zeroes them before the first pair).
     */
    void run(Camera ref, GpuBuffer refDepth, Camera other, GpuBuffer otherDepth, GpuBuffer consistent,
            GpuBuffer depthSum, MvsConfig config) {
        program.bind(REF_DEPTH, refDepth).bind(OTHER_DEPTH, otherDepth).bind(CONSISTENT, consistent)
                .bind(DEPTH_SUM, depthSum);
        program.setUint("width", ref.width());
        program.setUint("height", ref.height());
        program.setMat4("refToOther", StereoGeometry.columnMajor(StereoGeometry.pixelToCamera(ref, other)));
        program.setMat4("otherToRef", StereoGeometry.columnMajor(StereoGeometry.pixelToCamera(other, ref)));
        setIntrinsics("refIntrinsics", ref.intrinsics());
        setIntrinsics("otherIntrinsics", other.intrinsics());
        program.setFloat("maxReprojection", (float) config.maxReprojection);
        program.setFloat("maxRelativeDepth", (float) config.maxRelativeDepth);
        program.setUint("otherWidth", other.width());
        program.setUint("otherHeight", other.height());
        program.dispatch(ComputeProgram.groupsFor(ref.width(), TILE), ComputeProgram.groupsFor(ref.height(), TILE), 1);
    }

    private void setIntrinsics(String name, Intrinsics k) {
        program.setVec4(name, (float) k.fx(), (float) k.fy(), (float) k.cx(), (float) k.cy());
    }

    @Override
    public void close() {
        program.close();
    }
}
