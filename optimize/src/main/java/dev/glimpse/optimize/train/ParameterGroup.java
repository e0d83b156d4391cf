package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * One optimised per-Gaussian array with everything the optimiser keeps beside it: value, gradient and Adam's
 * first and second moments, all {@code [capacity][floatsPerGaussian]} float. Adam, gradient zeroing and
 * compaction treat every group the same way, parameterised by {@link #floatsPerGaussian()}, so adding a group
 * needs no new kernel.
 *
 * <p>{@link #headFloats()} splits each Gaussian's floats into a head and a tail with separate learning rates
 * (the SH group: DC coefficients and the higher degrees); groups with one rate have head = all floats.
 */
public final class ParameterGroup implements AutoCloseable {
    private final String name;
    private final int floatsPerGaussian;
    private final int headFloats;
    private GpuBuffer value; // [capacity][floatsPerGaussian] float
    private GpuBuffer grad;  // [capacity][floatsPerGaussian] float bits (atomic accumulation target)
    private GpuBuffer m;     // [capacity][floatsPerGaussian] float, Adam first moment
    private GpuBuffer v;     // [capacity][floatsPerGaussian] float, Adam second moment
    /** Compaction target, then (after the swap) the previous values: [capacity][floatsPerGaussian] float. */
    private GpuBuffer spareValue;
    private GpuBuffer spareM;
    private GpuBuffer spareV;

    ParameterGroup(GlContext ctx, String name, int floatsPerGaussian, int headFloats, int capacity) {
        if (floatsPerGaussian <= 0 || headFloats < 0 || headFloats > floatsPerGaussian) {
            throw new IllegalArgumentException("group " + name + ": bad float counts " + floatsPerGaussian + "/"
                    + headFloats);
        }
        this.name = name;
        this.floatsPerGaussian = floatsPerGaussian;
        this.headFloats = headFloats;
        long bytes = bytes(capacity);
        value = GpuBuffer.create(ctx, bytes, name);
        grad = GpuBuffer.create(ctx, bytes, "v_" + name);
        m = GpuBuffer.create(ctx, bytes, name + " adam m");
        v = GpuBuffer.create(ctx, bytes, name + " adam v");
        spareValue = GpuBuffer.create(ctx, bytes, name + " spare");
        spareM = GpuBuffer.create(ctx, bytes, name + " spare adam m");
        spareV = GpuBuffer.create(ctx, bytes, name + " spare adam v");
    }

    private long bytes(int gaussians) {
        return 4L * floatsPerGaussian * gaussians;
    }

    public String name() {
        return name;
    }

    public int floatsPerGaussian() {
        return floatsPerGaussian;
    }

    /** Leading floats of each Gaussian that take the head learning rate. */
    public int headFloats() {
        return headFloats;
    }

    public GpuBuffer value() {
        return value;
    }

    public GpuBuffer grad() {
        return grad;
    }

    public GpuBuffer m() {
        return m;
    }

    public GpuBuffer v() {
        return v;
    }

    GpuBuffer spareValue() {
        return spareValue;
    }

    GpuBuffer spareM() {
        return spareM;
    }

    GpuBuffer spareV() {
        return spareV;
    }

    /** Makes the compacted spares live; the former live buffers become the spares (previous values). */
    void swapWithSpares() {
        GpuBuffer t = value;
        value = spareValue;
        spareValue = t;
        t = m;
        m = spareM;
        spareM = t;
        t = v;
        v = spareV;
        spareV = t;
    }

    /** Grows to {@code capacity} Gaussians keeping the first {@code live} Gaussians of value, grad and moments. */
    void grow(int capacity, int live) {
        for (GpuBuffer b : new GpuBuffer[] {value, grad, m, v}) {
            b.resize(bytes(capacity), live > 0);
        }
        for (GpuBuffer b : new GpuBuffer[] {spareValue, spareM, spareV}) {
            b.resize(bytes(capacity), false);
        }
    }

    /** Zeroes the gradient of Gaussians [0, count). */
    void zeroGradients(int count) {
        grad.fill(0, bytes(count), 0);
    }

    /** Zeroes Adam's moments of Gaussians [0, count). */
    void zeroMoments(int count) {
        m.fill(0, bytes(count), 0);
        v.fill(0, bytes(count), 0);
    }

    @Override
    public void close() {
        for (GpuBuffer b : new GpuBuffer[] {value, grad, m, v, spareValue, spareM, spareV}) {
            b.close();
        }
    }
}
