package dev.glimpse.optimize.splat;

import static dev.glimpse.optimize.splat.SplatBindings.*;

import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/** Owns {@code shaders/splat/project_backward.comp}: screen-space gradients to parameter gradients (+=). */
final class ProjectBackwardKernel implements AutoCloseable {
    static final int WORKGROUP_SIZE = 128;
    private final ComputeProgram program;

    ProjectBackwardKernel(GlContext context) {
        program = ComputeProgram.builder(context, "splat/project_backward.comp").localSize(WORKGROUP_SIZE)
                .define("SCREEN_GRAD_STRIDE", SCREEN_GRAD_STRIDE)
                .bindings(MEANS, LOG_SCALES, QUATS, LOGIT_OPACITY, SH, RADII, SCREEN_GRADS, V_MEANS, V_LOG_SCALES,
                        V_QUATS, V_LOGIT_OPACITY, V_SH, V_UV_OUT)
                .build();
    }

    /** {@code vUvOut} null: no screen-centre gradient is exported ({@code unused} is bound instead). */
    void run(RasterOutput saved, GpuBuffer screenGrads, SplatBuffers gradients, GpuBuffer vUvOut,
            GpuBuffer unused) {
        bindParams(program, saved.params(), saved.activeShDegree());
        setCamera(program, saved.camera());
        program.bind(RADII, saved.projected.radii).bind(SCREEN_GRADS, screenGrads)
                .bind(V_MEANS, gradients.means()).bind(V_LOG_SCALES, gradients.logScales())
                .bind(V_QUATS, gradients.quats()).bind(V_LOGIT_OPACITY, gradients.logitOpacity())
                .bind(V_SH, gradients.sh()).bind(V_UV_OUT, vUvOut == null ? unused : vUvOut);
        program.setUint("hasUvOut", vUvOut == null ? 0 : 1);
        program.dispatch(ComputeProgram.groupsFor(saved.params().count(), WORKGROUP_SIZE), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
