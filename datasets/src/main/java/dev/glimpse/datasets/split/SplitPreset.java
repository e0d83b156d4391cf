package dev.glimpse.datasets.split;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The published train/test protocols a {@link ViewSplit} can follow. Each preset defines a train pool and a test
 * pool (lists of views) and which positions of those pools it picks by default; {@code --views N} and explicit
 * ids replace the picks, always as positions in the same pools.
 */
public enum SplitPreset {
    /**
     * The dataset's own splits: views marked "train" train and "test" evaluate ("val" is unused). Without splits
     * in the dataset, the {@link #LLFF} hold-out rule.
     */
    DEFAULT("default"),
    /**
     * DietNeRF's few-view NeRF-synthetic protocol: train ids 26, 86, 2, 55, 75, 93, 16, 73 of the train split,
     * every 8th view of the test split for evaluation (25 of 200).
     */
    BLENDER("blender"),
    /**
     * The LLFF / RegNeRF protocol: every 8th view of all views (index % 8 == 0) is held out; the rest train, or N
     * of them evenly spaced (RegNeRF).
     */
    LLFF("llff"),
    /**
     * The PixelNeRF / RegNeRF DTU protocol on the views sorted by name: train ids 25, 22, 28 (then 40, 44, 48, 0,
     * 8, 13 for 6 or 9 views), 25 fixed test ids, evaluation inside the object masks.
     */
    DTU("dtu");

    /** LLFF holds out every 8th view. */
    public static final int LLFF_HOLDOUT = 8;

    /** Positions in the train split of DietNeRF's 8 NeRF-synthetic training views. */
    static final int[] DIETNERF_TRAIN_IDS = {26, 86, 2, 55, 75, 93, 16, 73};

    /** DTU training ids in RegNeRF's order: the first 3, 6 or 9 are the 3-, 6- and 9-view settings. */
    static final int[] DTU_TRAIN_IDS = {25, 22, 28, 40, 44, 48, 0, 8, 13};

    /** The 3-view DTU setting is the standard one. */
    static final int DTU_DEFAULT_VIEWS = 3;

    /** DTU evaluation ids: all 49 except the 9 training and 15 excluded (near-duplicate) views. */
    static final int[] DTU_TEST_IDS = {1, 2, 9, 10, 11, 12, 14, 15, 23, 24, 26, 27, 29, 30, 31, 32, 33, 34, 35, 41,
        42, 43, 45, 46, 47};

    private final String id;

    SplitPreset(String id) {
        this.id = id;
    }

    /** The name the command line accepts. */
    public String id() {
        return id;
    }

    /** The preset with the given name (case-insensitive). */
    public static SplitPreset named(String name) {
        for (SplitPreset p : values()) {
            if (p.id.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown split preset '" + name + "' (known: "
                + Arrays.stream(values()).map(SplitPreset::id).collect(Collectors.joining(", ")) + ")");
    }
}
