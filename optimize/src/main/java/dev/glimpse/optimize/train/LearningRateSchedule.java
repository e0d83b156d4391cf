package dev.glimpse.optimize.train;

/**
 * Learning rates per parameter group and iteration: constant rates from {@link TrainConfig.LearningRates}, and
 * the position rate decaying log-linearly from {@code positionInit * extent} to {@code positionFinal * extent}
 * over the fit (the reference's get_expon_lr_func without its delay phase).
 */
public final class LearningRateSchedule {
    private final TrainConfig.LearningRates rates;
    private final double extent;
    private final int iterations;

    /**
     * @param extent     scene extent (SPLATTING.md: 1.1 x the largest camera distance from their mean)
     * @param iterations iteration at which the position rate reaches its final value
     */
    public LearningRateSchedule(TrainConfig.LearningRates rates, double extent, int iterations) {
        if (!(extent > 0) || iterations < 1) {
            throw new IllegalArgumentException("schedule needs a positive extent and iteration count, got "
                    + extent + " and " + iterations);
        }
        this.rates = rates;
        this.extent = extent;
        this.iterations = iterations;
    }

    /**
     * exp((1 - t) ln(init) + t ln(final)) with t = step / maxSteps clamped to [0, 1]; 0 before step 0 or when both
     * rates are 0, as the reference.
     */
    public static double exponential(double init, double fin, int step, int maxSteps) {
        if (step < 0 || (init == 0 && fin == 0)) {
            return 0;
        }
        double t = Math.min(1, Math.max(0, step / (double) maxSteps));
        return Math.exp(Math.log(init) * (1 - t) + Math.log(fin) * t);
    }

    /** Position learning rate at {@code iteration}. */
    public double position(int iteration) {
        return exponential(rates.positionInit * extent, rates.positionFinal * extent, iteration, iterations);
    }

    /** Rates of the group named {@code group} (a {@link GaussianModel} group name) at {@code iteration}. */
    public Adam.Rates rates(String group, int iteration) {
        return switch (group) {
            case GaussianModel.MEANS -> Adam.Rates.of(position(iteration));
            case GaussianModel.LOG_SCALES -> Adam.Rates.of(rates.scale);
            case GaussianModel.QUATS -> Adam.Rates.of(rates.rotation);
            case GaussianModel.LOGIT_OPACITY -> Adam.Rates.of(rates.opacity);
            case GaussianModel.SH -> new Adam.Rates(rates.shDc, rates.shRest);
            default -> throw new IllegalArgumentException("no learning rate for parameter group '" + group + "'");
        };
    }
}
