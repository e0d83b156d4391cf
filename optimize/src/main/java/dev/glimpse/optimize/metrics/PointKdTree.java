package dev.glimpse.optimize.metrics;

/**
 * A static 3-D k-d tree over a point cloud for nearest-neighbour distances (geometry metrics compare clouds of
 * hundreds of thousands of points; brute force would be quadratic). Built once by median splits on the widest
 * axis; the points are stored reordered so each node is a contiguous range.
 */
public final class PointKdTree {
    private static final int LEAF_SIZE = 8;
    private final float[] xyz; // [count][3], reordered
    private final int count;
    private final byte[] axisAtMid; // split axis of the node whose median sits at this index
    private final int[] inputFromTree; // [count] index in the caller's array of each reordered point

    public PointKdTree(float[] points) {
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException("point array length must be a multiple of 3");
        }
        this.xyz = points.clone();
        this.count = points.length / 3;
        this.axisAtMid = new byte[count];
        this.inputFromTree = new int[count];
        for (int i = 0; i < count; i++) {
            inputFromTree[i] = i;
        }
        build(0, count);
    }

    public int size() {
        return count;
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF_SIZE) {
            return;
        }
        int axis = widestAxis(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, axis);
        axisAtMid[mid] = (byte) axis;
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestAxis(int lo, int hi) {
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = lo; i < hi; i++) {
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], xyz[3 * i + a]);
                max[a] = Math.max(max[a], xyz[3 * i + a]);
            }
        }
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (max[a] - min[a] > max[best] - min[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Quickselect: puts the k-th smallest point (by axis) at k, smaller before, larger after. */
    private void select(int lo, int hi, int k, int axis) {
        while (hi > lo) {
            float pivot = xyz[3 * ((lo + hi) >>> 1) + axis];
            int i = lo, j = hi;
            while (i <= j) {
                while (xyz[3 * i + axis] < pivot) {
                    i++;
                }
                while (xyz[3 * j + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(int i, int j) {
        for (int a = 0; a < 3; a++) {
            float t = xyz[3 * i + a];
            xyz[3 * i + a] = xyz[3 * j + a];
            xyz[3 * j + a] = t;
        }
        int t = inputFromTree[i];
        inputFromTree[i] = inputFromTree[j];
        inputFromTree[j] = t;
    }

    /** Distance from (x, y, z) to the nearest point of the tree (infinite for an empty tree). */
    public double nearestDistance(double x, double y, double z) {
        double[] best = {Double.MAX_VALUE};
        search(0, count, x, y, z, best);
        return Math.sqrt(best[0]);
    }

    private void search(int lo, int hi, double x, double y, double z, double[] best) {
        if (hi - lo <= LEAF_SIZE) {
            for (int i = lo; i < hi; i++) {
                double dx = xyz[3 * i] - x, dy = xyz[3 * i + 1] - y, dz = xyz[3 * i + 2] - z;
                best[0] = Math.min(best[0], dx * dx + dy * dy + dz * dz);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int axis = axisAtMid[mid];
        double q = axis == 0 ? x : axis == 1 ? y : z;
        double split = xyz[3 * mid + axis];
        double dx = xyz[3 * mid] - x, dy = xyz[3 * mid + 1] - y, dz = xyz[3 * mid + 2] - z;
        best[0] = Math.min(best[0], dx * dx + dy * dy + dz * dz);
        boolean left = q < split;
        search(left ? lo : mid + 1, left ? mid : hi, x, y, z, best);
        double gap = q - split;
        if (gap * gap < best[0]) {
            search(left ? mid + 1 : lo, left ? hi : mid, x, y, z, best);
        }
    }

    /**
     * For every point (in the caller's order), the mean squared distance to its {@code k} nearest other points
     * (the point itself excluded by index, so duplicates count as distance 0). Fewer than {@code k} others:
     * the mean over those there are; none: infinity.
     */
    public double[] meanSquaredDistanceToNearest(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        double[] out = new double[count];
        double[] best = new double[k];
        for (int t = 0; t < count; t++) {
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            searchK(0, count, xyz[3 * t], xyz[3 * t + 1], xyz[3 * t + 2], t, best);
            double sum = 0;
            int found = 0;
            for (double d : best) {
                if (d != Double.POSITIVE_INFINITY) {
                    sum += d;
                    found++;
                }
            }
            out[inputFromTree[t]] = found == 0 ? Double.POSITIVE_INFINITY : sum / found;
        }
        return out;
    }

    /** k-nearest search; {@code best} is kept sorted ascending, so best[k - 1] bounds the search. */
    private void searchK(int lo, int hi, double x, double y, double z, int self, double[] best) {
        if (hi - lo <= LEAF_SIZE) {
            for (int i = lo; i < hi; i++) {
                offer(i, x, y, z, self, best);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int axis = axisAtMid[mid];
        double q = axis == 0 ? x : axis == 1 ? y : z;
        double split = xyz[3 * mid + axis];
        offer(mid, x, y, z, self, best);
        boolean left = q < split;
        searchK(left ? lo : mid + 1, left ? mid : hi, x, y, z, self, best);
        double gap = q - split;
        if (gap * gap < best[best.length - 1]) {
            searchK(left ? mid + 1 : lo, left ? hi : mid, x, y, z, self, best);
        }
    }

    private void offer(int i, double x, double y, double z, int self, double[] best) {
        if (i == self) {
            return;
        }
        double dx = xyz[3 * i] - x, dy = xyz[3 * i + 1] - y, dz = xyz[3 * i + 2] - z;
        double d = dx * dx + dy * dy + dz * dz;
        int at = best.length - 1;
        if (d >= best[at]) {
            return;
        }
        while (at > 0 && best[at - 1] > d) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = d;
    }
}
