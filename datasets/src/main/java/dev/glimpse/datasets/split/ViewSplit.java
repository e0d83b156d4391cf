package dev.glimpse.datasets.split;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A train/test split request: a {@link SplitPreset}, optionally a number of training views ({@code --views N})
 * or explicit ids, turned into a {@link Split} of a scene by {@link #apply}.
 *
 * <p>Every preset has a train pool and a test pool (see {@link SplitPreset}); ids and N always count positions in
 * those pools: for the default preset the dataset's train and test splits (or, without splits, the views kept and
 * held out by the every-8th rule), for {@code blender} the train and test splits, for {@code llff} the kept and
 * held-out views, for {@code dtu} all views sorted by name (DTU ids are view numbers). {@code --views N} picks N
 * evenly spaced positions of the train pool, round(linspace(0, M - 1, N)) (RegNeRF); for {@code dtu} it takes the
 * first N of the protocol's ordered training ids.
 */
public final class ViewSplit {
    private final SplitPreset preset;
    /** Requested training view count; 0 = the preset's own choice. */
    private final int views;
    /** Explicit positions in the pools, or null for the preset's own choice. */
    private final int[] trainIds;
    private final int[] testIds;

    private ViewSplit(SplitPreset preset, int views, int[] trainIds, int[] testIds) {
        if (views > 0 && trainIds != null) {
            throw new IllegalArgumentException("give either a number of views or explicit train ids, not both");
        }
        this.preset = preset;
        this.views = views;
        this.trainIds = trainIds;
        this.testIds = testIds;
    }

    /** The preset's own split. */
    public static ViewSplit of(SplitPreset preset) {
        return new ViewSplit(preset, 0, null, null);
    }

    /** The dataset's own splits (or the LLFF rule when it has none). */
    public static ViewSplit defaults() {
        return of(SplitPreset.DEFAULT);
    }

    public SplitPreset preset() {
        return preset;
    }

    /** Trains on N views of the train pool, evenly spaced. */
    public ViewSplit withViews(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of training views must be at least 1, got " + n);
        }
        return new ViewSplit(preset, n, trainIds, testIds);
    }

    /** Trains on these positions of the train pool, in this order. */
    public ViewSplit withTrainIds(int... ids) {
        return new ViewSplit(preset, views, checkIds("train", ids), testIds);
    }

    /** Evaluates on these positions of the test pool. */
    public ViewSplit withTestIds(int... ids) {
        return new ViewSplit(preset, views, trainIds, checkIds("test", ids));
    }

    private static int[] checkIds(String which, int[] ids) {
        if (ids.length == 0 && which.equals("train")) {
            throw new IllegalArgumentException("the train id list is empty");
        }
        if (Arrays.stream(ids).anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException(which + " ids must not be negative: " + Arrays.toString(ids));
        }
        if (Arrays.stream(ids).distinct().count() != ids.length) {
            throw new IllegalArgumentException(which + " ids repeat a view: " + Arrays.toString(ids));
        }
        return ids.clone();
    }

    /**
     * The split of the scene's views. A request the scene cannot satisfy (ids beyond its pools, more views than
     * it has) is reported naming the scene folder.
     */
    public Split apply(Scene scene) throws DatasetException {
        List<View> all = scene.views();
        Pool train = trainPool(all);
        Pool test = testPool(all);
        if (train.indices.length == 0) {
            throw problem(scene, "has no views in " + train.description);
        }
        int[] trainPick;
        if (trainIds != null) {
            trainPick = trainIds;
        } else if (preset == SplitPreset.DTU) {
            int n = views > 0 ? views : SplitPreset.DTU_DEFAULT_VIEWS;
            if (n > SplitPreset.DTU_TRAIN_IDS.length) {
                throw problem(scene, "the dtu protocol defines at most " + SplitPreset.DTU_TRAIN_IDS.length
                        + " training views, " + n + " were asked for");
            }
            trainPick = Arrays.copyOf(SplitPreset.DTU_TRAIN_IDS, n);
        } else if (views > 0) {
            if (views > train.indices.length) {
                throw problem(scene, "cannot pick " + views + " training views from " + train.indices.length
                        + " in " + train.description);
            }
            trainPick = evenlySpaced(train.indices.length, views);
        } else if (preset == SplitPreset.BLENDER) {
            trainPick = SplitPreset.DIETNERF_TRAIN_IDS;
        } else {
            trainPick = IntStream.range(0, train.indices.length).toArray();
        }
        int[] testPick;
        if (testIds != null) {
            testPick = testIds;
        } else if (preset == SplitPreset.BLENDER) {
            testPick = IntStream.range(0, test.indices.length).filter(i -> i % SplitPreset.LLFF_HOLDOUT == 0).toArray();
        } else if (preset == SplitPreset.DTU) {
            testPick = SplitPreset.DTU_TEST_IDS;
        } else {
            testPick = IntStream.range(0, test.indices.length).toArray();
        }
        return new Split(select(scene, "train", train, trainPick), select(scene, "test", test, testPick),
                preset == SplitPreset.DTU);
    }

    /** Views of the scene in a pool, by index into the scene's view list, and how to describe the pool. */
    private record Pool(int[] indices, String description) {}

    private Pool trainPool(List<View> all) {
        return switch (preset) {
            case DEFAULT -> hasSplits(all) ? splitPool(all, "train") : kept(all);
            case BLENDER -> splitPool(all, "train");
            case LLFF -> kept(all);
            case DTU -> byName(all);
        };
    }

    private Pool testPool(List<View> all) {
        return switch (preset) {
            case DEFAULT -> hasSplits(all) ? splitPool(all, "test") : heldOut(all);
            case BLENDER -> splitPool(all, "test");
            case LLFF -> heldOut(all);
            case DTU -> byName(all);
        };
    }

    private static boolean hasSplits(List<View> all) {
        return all.stream().anyMatch(v -> !v.split().equals("all"));
    }

    private static Pool splitPool(List<View> all, String split) {
        int[] idx = IntStream.range(0, all.size()).filter(i -> all.get(i).split().equals(split)).toArray();
        return new Pool(idx, "the '" + split + "' split");
    }

    private static Pool kept(List<View> all) {
        return new Pool(IntStream.range(0, all.size()).filter(i -> i % SplitPreset.LLFF_HOLDOUT != 0).toArray(),
                "the views not held out (every " + SplitPreset.LLFF_HOLDOUT + "th view is)");
    }

    private static Pool heldOut(List<View> all) {
        return new Pool(IntStream.range(0, all.size()).filter(i -> i % SplitPreset.LLFF_HOLDOUT == 0).toArray(),
                "the held-out views (every " + SplitPreset.LLFF_HOLDOUT + "th)");
    }

    private static Pool byName(List<View> all) {
        Comparator<Integer> byName = (a, b) -> compareNames(all.get(a).name(), all.get(b).name());
        int[] idx = IntStream.range(0, all.size()).boxed().sorted(byName).mapToInt(Integer::intValue).toArray();
        return new Pool(idx, "all views sorted by name");
    }

    /** Names made only of digits compare as numbers ("2" before "10"); others as strings. */
    static int compareNames(String a, String b) {
        boolean digitsA = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean digitsB = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (digitsA && digitsB) {
            String ta = a.replaceFirst("^0+(?=.)", "");
            String tb = b.replaceFirst("^0+(?=.)", "");
            return ta.length() != tb.length() ? Integer.compare(ta.length(), tb.length()) : ta.compareTo(tb);
        }
        return a.compareTo(b);
    }

    private int[] select(Scene scene, String which, Pool pool, int[] positions) throws DatasetException {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            if (p >= pool.indices.length) {
                String hint = which.equals("train") && views == 0 && trainIds == null && preset != SplitPreset.DTU
                        ? "; use --views N to train on N evenly spaced views" : "";
                throw problem(scene, "split '" + preset.id() + "' uses " + which + " ids "
                        + Arrays.stream(positions).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                        + " but " + pool.description + " has only " + pool.indices.length + " views (ids 0.."
                        + (pool.indices.length - 1) + ")" + hint);
            }
            out[k] = pool.indices[p];
        }
        return out;
    }

    private static DatasetException problem(Scene scene, String text) {
        return new DatasetException(scene.root(), text);
    }

    /**
     * N positions evenly spaced over 0..count-1: round(linspace(0, count - 1, n)) with numpy's linspace
     * (i * step, the last value exactly count - 1) and Python's round, which rounds halves to even (RegNeRF's
     * few-view selection, reproduced exactly).
     */
    public static int[] evenlySpaced(int count, int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("cannot pick " + n + " evenly spaced of " + count);
        }
        int[] out = new int[n];
        if (n == 1) {
            return out;
        }
        double step = (count - 1) / (double) (n - 1);
        for (int i = 0; i < n - 1; i++) {
            out[i] = (int) Math.rint(i * step);
        }
        out[n - 1] = count - 1;
        return out;
    }
}
