package dev.glimpse.optimize.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-Java densification rules (test only): which outputs a densify step produces, in the GPU's order (by
 * source index; per source its surviving outputs in slot order).
 */
final class DensifyReference {
    enum Kind { KEPT, CLONE_COPY, SPLIT_CHILD_0, SPLIT_CHILD_1 }

    record Output(int source, Kind kind) {
        boolean fresh() {
            return kind != Kind.KEPT;
        }
    }

    private DensifyReference() {}

    static List<Output> plan(float[] logScales, float[] logitOpacity, float[] accum, float[] denom,
                             float[] maxRadius, DensifyThresholds t) {
        int n = logitOpacity.length;
        List<Output> out = new ArrayList<>();
        int grown = 0;
        for (int i = 0; i < n; i++) {
            float grad = denom[i] > 0 ? accum[i] / denom[i] : 0;
            float s = Math.max(logScales[3 * i], Math.max(logScales[3 * i + 1], logScales[3 * i + 2]));
            float o = logitOpacity[i];
            boolean grows = grad >= t.gradThreshold() && grown++ < t.growthBudget();
            if (grows && s > t.cloneMaxLogScale()) {
                if (!pruned(t, o, 0, s - DensifyThresholds.SPLIT_LOG_SHRINK)) {
                    out.add(new Output(i, Kind.SPLIT_CHILD_0));
                    out.add(new Output(i, Kind.SPLIT_CHILD_1));
                }
                continue;
            }
            if (!pruned(t, o, maxRadius[i], s)) {
                out.add(new Output(i, Kind.KEPT));
            }
            if (grows && !pruned(t, o, 0, s)) {
                out.add(new Output(i, Kind.CLONE_COPY));
            }
        }
        return out;
    }

    private static boolean pruned(DensifyThresholds t, float logit, float radius, float logScale) {
        return logit < t.pruneLogitOpacity()
                || (t.sizePrune() && (radius > t.maxScreenRadius() || logScale > t.maxWorldLogScale()));
    }
}
