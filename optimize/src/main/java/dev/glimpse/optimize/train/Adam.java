package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;

/**
 * Owns {@code shaders/train/adam.comp}: the Adam optimiser over every parameter group of a {@link GaussianModel},
 * one generic dispatch per group. Keeps the global step count for the bias corrections (the reference's Adam keeps
 * no per-Gaussian step; new Gaussians just start from zero moments).
 */
public final class Adam implements AutoCloseable {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-15;
    static final int WORKGROUP_SIZE = GatherKernel.WORKGROUP_SIZE;

    static final Binding PARAM = Binding.storage("PARAM_BINDING", 0);
    static final Binding GRAD = Binding.storage("GRAD_BINDING", 1);
    static final Binding M = Binding.storage("M_BINDING", 2);
    static final Binding V = Binding.storage("V_BINDING", 3);

    /** Learning rates of one group: {@code head} for its leading {@link ParameterGroup#headFloats()}. */
    public record Rates(double head, double tail) {
        public static Rates of(double lr) {
            return new Rates(lr, lr);
        }
    }

    private final ComputeProgram program;
    private int step;

    public Adam(GlContext ctx) {
        program = ComputeProgram.builder(ctx, "train/adam.comp").localSize(WORKGROUP_SIZE)
                .bindings(PARAM, GRAD, M, V).build();
    }

    /** Steps taken so far (the t of the bias corrections of the next step is step() + 1). */
    public int step() {
        return step;
    }

    /** Sets the step count, e.g. when resuming from a checkpoint. */
    public void setStep(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("negative Adam step " + step);
        }
        this.step = step;
    }

    /** One Adam step of every group of {@code model} at the rates the schedule gives for {@code iteration}. */
    public void step(GaussianModel model, LearningRateSchedule schedule, int iteration) {
        step++;
        for (ParameterGroup g : model.groups()) {
            update(g, model.count(), schedule.rates(g.name(), iteration));
        }
    }

    /** Updates one group with the current step count's bias corrections. */
    void update(ParameterGroup g, int count, Rates rates) {
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        program.bind(PARAM, g.value()).bind(GRAD, g.grad()).bind(M, g.m()).bind(V, g.v());
        long total = (long) count * g.floatsPerGaussian();
        program.setUint("total", (int) total);
        program.setUint("floatsPerGaussian", g.floatsPerGaussian());
        program.setUint("headFloats", g.headFloats());
        program.setFloat("lrHead", (float) rates.head());
        program.setFloat("lrTail", (float) rates.tail());
        program.setFloat("beta1", (float) BETA1);
        program.setFloat("beta2", (float) BETA2);
        program.setFloat("oneMinusBeta1", (float) (1 - BETA1));
        program.setFloat("oneMinusBeta2", (float) (1 - BETA2));
        program.setFloat("epsilon", (float) EPSILON);
        program.setFloat("stepHead", (float) (rates.head() / correction1));
        program.setFloat("stepTail", (float) (rates.tail() / correction1));
        program.setFloat("sqrtCorrection2", (float) Math.sqrt(correction2));
        program.dispatch(GatherKernel.dispatchGroups(total), 1, 1);
    }

    @Override
    public void close() {
        program.close();
    }
}
