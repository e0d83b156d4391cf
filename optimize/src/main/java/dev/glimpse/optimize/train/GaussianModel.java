package dev.glimpse.optimize.train;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.SplatBuffers;
import java.util.List;

/**
 * The Gaussians being fitted, on the GPU: for a capacity of C Gaussians at a fixed stored SH degree, the
 * {@link ParameterGroup}s (value, gradient, Adam moments) and the densification statistics. The first
 * {@link #count()} Gaussians are live. Capacity grows on demand (contents kept) up to a hard maximum.
 *
 * <p>Group order and layouts are those of {@link SplatBuffers} and {@link GaussianPlyData}, so uploads,
 * downloads and PLY files need no conversion.
 */
public final class GaussianModel implements AutoCloseable {
    public static final String MEANS = "means";
    public static final String LOG_SCALES = "logScales";
    public static final String QUATS = "quats";
    public static final String LOGIT_OPACITY = "logitOpacity";
    public static final String SH = "sh";

    private final GlContext ctx;
    private final int shDegree;
    private final int maxCapacity;
    private final List<ParameterGroup> groups;
    private final ParameterGroup means;
    private final ParameterGroup logScales;
    private final ParameterGroup quats;
    private final ParameterGroup logitOpacity;
    private final ParameterGroup sh;
    private final GpuBuffer gradAccum; // [capacity] float: sum over views of ||v_uv * (W/2, H/2)|| (NDC gradient norm)
    private final GpuBuffer gradDenom; // [capacity] float: number of views the Gaussian was visible in
    private final GpuBuffer maxRadius; // [capacity] float: largest screen radius in pixels since the last reset
    private final GatherKernel gather;
    private int capacity;
    private int count;

    private GaussianModel(GlContext ctx, int shDegree, int capacity, int maxCapacity) {
        if (shDegree < 0 || shDegree > 3) {
            throw new IllegalArgumentException("SH degree must be 0..3, got " + shDegree);
        }
        if (capacity < 1 || capacity > maxCapacity) {
            throw new IllegalArgumentException("capacity " + capacity + " outside [1, " + maxCapacity + "]");
        }
        this.ctx = ctx;
        this.shDegree = shDegree;
        this.capacity = capacity;
        this.maxCapacity = maxCapacity;
        int shFloats = 3 * SplatBuffers.coefficients(shDegree);
        means = new ParameterGroup(ctx, MEANS, 3, 3, capacity);
        logScales = new ParameterGroup(ctx, LOG_SCALES, 3, 3, capacity);
        quats = new ParameterGroup(ctx, QUATS, 4, 4, capacity);
        logitOpacity = new ParameterGroup(ctx, LOGIT_OPACITY, 1, 1, capacity);
        sh = new ParameterGroup(ctx, SH, shFloats, 3, capacity);
        groups = List.of(means, logScales, quats, logitOpacity, sh);
        gradAccum = GpuBuffer.create(ctx, 4L * capacity, "densify grad accum");
        gradDenom = GpuBuffer.create(ctx, 4L * capacity, "densify grad denom");
        maxRadius = GpuBuffer.create(ctx, 4L * capacity, "densify max radius");
        gather = new GatherKernel(ctx);
    }

    /** An empty model (count 0) with room for {@code capacity} Gaussians, growable to {@code maxCapacity}. */
    public static GaussianModel create(GlContext ctx, int shDegree, int capacity, int maxCapacity) {
        return new GaussianModel(ctx, shDegree, capacity, maxCapacity);
    }

    /** A model holding {@code data} at SH degree {@code shDegree} (>= the data's; higher bands start at 0). */
    public static GaussianModel of(GlContext ctx, GaussianPlyData data, int shDegree, int maxCapacity) {
        GaussianModel model = new GaussianModel(ctx, shDegree, Math.max(1, data.count()), maxCapacity);
        try {
            model.upload(data);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /**
     * Replaces all Gaussians by {@code data}; gradients, Adam moments and statistics of the new Gaussians are
     * zeroed. Data of a lower SH degree is padded with zero coefficients.
     */
    public void upload(GaussianPlyData data) {
        if (data.shDegree() > shDegree) {
            throw new IllegalArgumentException("data has SH degree " + data.shDegree() + ", the model stores "
                    + shDegree);
        }
        ensureCapacity(data.count());
        count = data.count();
        means.value().upload(0, data.means());
        logScales.value().upload(0, data.logScales());
        quats.value().upload(0, data.quats());
        logitOpacity.value().upload(0, data.logitOpacity());
        sh.value().upload(0, padSh(data.sh(), data.count(), data.coefficientsPerChannel(),
                SplatBuffers.coefficients(shDegree)));
        for (ParameterGroup g : groups) {
            g.zeroGradients(count);
            g.zeroMoments(count);
        }
        resetDensifyStats();
    }

    private static float[] padSh(float[] sh, int n, int from, int to) {
        if (from == to) {
            return sh;
        }
        float[] out = new float[n * to * 3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sh, i * from * 3, out, i * to * 3, from * 3);
        }
        return out;
    }

    /** Downloads the live parameters (a synchronising readback; for checkpoints and export). */
    public GaussianPlyData download() {
        return new GaussianPlyData(count, shDegree, means.value().downloadFloats(0, 3 * count),
                logScales.value().downloadFloats(0, 3 * count), quats.value().downloadFloats(0, 4 * count),
                logitOpacity.value().downloadFloats(0, count),
                sh.value().downloadFloats(0, count * sh.floatsPerGaussian()));
    }

    /** The live parameters as the rasteriser reads them (re-fetch after densification: buffers change). */
    public SplatBuffers params() {
        return new SplatBuffers(means.value(), logScales.value(), quats.value(), logitOpacity.value(), sh.value(),
                count, shDegree);
    }

    /** The gradient buffers the rasteriser's backward accumulates into, same layout as {@link #params()}. */
    public SplatBuffers grads() {
        return new SplatBuffers(means.grad(), logScales.grad(), quats.grad(), logitOpacity.grad(), sh.grad(), count,
                shDegree);
    }

    /** All groups: means, logScales, quats, logitOpacity, sh. */
    public List<ParameterGroup> groups() {
        return groups;
    }

    public ParameterGroup group(String name) {
        for (ParameterGroup g : groups) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no parameter group '" + name + "'");
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return capacity;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    public int shDegree() {
        return shDegree;
    }

    public GlContext context() {
        return ctx;
    }

    /** [capacity] float: accumulated NDC-scaled screen-gradient norms. */
    public GpuBuffer gradAccum() {
        return gradAccum;
    }

    /** [capacity] float: views counted into {@link #gradAccum()}. */
    public GpuBuffer gradDenom() {
        return gradDenom;
    }

    /** [capacity] float: largest screen radius in pixels. */
    public GpuBuffer maxRadius() {
        return maxRadius;
    }

    /** Zeroes every group's gradient (before each backward pass). */
    public void zeroGradients() {
        for (ParameterGroup g : groups) {
            g.zeroGradients(count);
        }
    }

    /** Zeroes the densification statistics of the live Gaussians. */
    public void resetDensifyStats() {
        for (GpuBuffer b : new GpuBuffer[] {gradAccum, gradDenom, maxRadius}) {
            b.fill(0, 4L * count, 0);
        }
    }

    /** Grows the buffers, keeping contents, so that {@code gaussians} fit; at most {@link #maxCapacity()}. */
    public void ensureCapacity(int gaussians) {
        if (gaussians <= capacity) {
            return;
        }
        if (gaussians > maxCapacity) {
            throw new IllegalArgumentException(gaussians + " Gaussians exceed the maximum of " + maxCapacity);
        }
        int grown = (int) Math.min(maxCapacity, Math.max(gaussians, capacity + (long) capacity / 2));
        for (ParameterGroup g : groups) {
            g.grow(grown, count);
        }
        for (GpuBuffer b : new GpuBuffer[] {gradAccum, gradDenom, maxRadius}) {
            b.resize(4L * grown, count > 0);
        }
        capacity = grown;
    }

    /**
     * Rebuilds every group for a new set of {@code newCount} Gaussians: target j takes the values of the source
     * Gaussian named by its map word (see {@link GatherKernel#mapWord}); survivors keep their Adam moments, fresh
     * Gaussians start with zero moments. Gradients and statistics of the new set are zeroed. Afterwards
     * {@link #previousValues(ParameterGroup)} holds each group's values before the rebuild.
     *
     * @param sourceFromTarget [newCount] uint map words
     */
    public void rebuild(GpuBuffer sourceFromTarget, int newCount) {
        ensureCapacity(newCount);
        for (ParameterGroup g : groups) {
            int f = g.floatsPerGaussian();
            gather.run(g.value(), g.spareValue(), sourceFromTarget, newCount, f, false);
            gather.run(g.m(), g.spareM(), sourceFromTarget, newCount, f, true);
            gather.run(g.v(), g.spareV(), sourceFromTarget, newCount, f, true);
            g.swapWithSpares();
        }
        count = newCount;
        zeroGradients();
        resetDensifyStats();
    }

    /** [previous count][floats] values of {@code group} before the latest {@link #rebuild}. */
    GpuBuffer previousValues(ParameterGroup group) {
        return group.spareValue();
    }

    @Override
    public void close() {
        gather.close();
        for (ParameterGroup g : groups) {
            g.close();
        }
        gradAccum.close();
        gradDenom.close();
        maxRadius.close();
    }
}
