package dev.glimpse.datasets.split;

import java.util.Arrays;

/**
 * Which views of a scene train and which evaluate: indices into {@link dev.glimpse.datasets.scene.Scene#views()}.
 *
 * @param train  training view indices, in the order the protocol lists them [count]
 * @param test   evaluation view indices [count] (may be empty: a scene without held-out views)
 * @param masked whether evaluation is restricted to the views' foreground masks (the DTU protocol)
 */
public record Split(int[] train, int[] test, boolean masked) {
    public Split {
        train = train.clone();
        test = test.clone();
        for (int[] list : new int[][] {train, test}) {
            for (int i : list) {
                if (i < 0) {
                    throw new IllegalArgumentException("view index " + i + " is negative");
                }
            }
        }
    }

    /** An unmasked split. */
    public Split(int[] train, int[] test) {
        this(train, test, false);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && masked == s.masked && Arrays.equals(train, s.train)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(test)) + Boolean.hashCode(masked);
    }

    @Override
    public String toString() {
        return "Split[train=" + Arrays.toString(train) + ", test=" + Arrays.toString(test)
                + (masked ? ", masked" : "") + "]";
    }
}
