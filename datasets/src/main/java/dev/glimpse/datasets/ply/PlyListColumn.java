package dev.glimpse.datasets.ply;

import java.util.Arrays;
import java.util.Objects;

/**
 * One variable-length list per record, stored flat: the items of record {@code i} are
 * {@code items[offsets[i] .. offsets[i+1])}. Flat storage keeps a million-face mesh to two arrays
 * instead of a million small ones.
 */
public final class PlyListColumn implements PlyColumn {
    private final int[] offsets; // [size + 1], non-decreasing, offsets[0] == 0
    private final PlyScalarColumn items; // [offsets[size]]

    /** Wraps flat storage; {@code offsets} must start at 0, not decrease and end at the item count. */
    public PlyListColumn(int[] offsets, PlyScalarColumn items) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.items = Objects.requireNonNull(items, "items");
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != items.size()) {
            throw new IllegalArgumentException("list offsets must run from 0 to the item count " + items.size());
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("list offsets decrease at record " + (i - 1));
            }
        }
    }

    /** A list column of integer items from one array per record (copied). */
    public static PlyListColumn ofInts(PlyType itemType, int[][] lists) {
        var offsets = new int[lists.length + 1];
        for (int i = 0; i < lists.length; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], lists[i].length);
        }
        var flat = new int[offsets[lists.length]];
        for (int i = 0; i < lists.length; i++) {
            System.arraycopy(lists[i], 0, flat, offsets[i], lists[i].length);
        }
        return new PlyListColumn(offsets, PlyScalarColumn.ofInts(itemType, flat));
    }

    /** A list column of float or double items from one array per record (copied). */
    public static PlyListColumn ofDoubles(PlyType itemType, double[][] lists) {
        var offsets = new int[lists.length + 1];
        for (int i = 0; i < lists.length; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], lists[i].length);
        }
        var flat = PlyScalarColumn.allocate(itemType, offsets[lists.length]);
        for (int i = 0; i < lists.length; i++) {
            for (int j = 0; j < lists[i].length; j++) {
                flat.setDouble(offsets[i] + j, lists[i][j]);
            }
        }
        return new PlyListColumn(offsets, flat);
    }

    @Override
    public int size() {
        return offsets.length - 1;
    }

    @Override
    public PlyType type() {
        return items.type();
    }

    /** Length of the list of record {@code i}. */
    public int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Start of record {@code i} in {@link #items()}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** All items of all records, flat. */
    public PlyScalarColumn items() {
        return items;
    }

    /** The list of record {@code i} as ints (uint items as bit patterns; float items truncated). */
    public int[] getInts(int i) {
        if (items.type().isInteger()) {
            return Arrays.copyOfRange(items.intArray(), offsets[i], offsets[i + 1]);
        }
        var out = new int[length(i)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (int) items.getDouble(offsets[i] + j);
        }
        return out;
    }

    /** The list of record {@code i} as doubles (exact for every item type). */
    public double[] getDoubles(int i) {
        var out = new double[length(i)];
        for (int j = 0; j < out.length; j++) {
            out[j] = items.getDouble(offsets[i] + j);
        }
        return out;
    }
}
