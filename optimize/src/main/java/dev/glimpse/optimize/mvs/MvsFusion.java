package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.optimize.metrics.GeometryMetrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses filtered depth maps into one coloured point cloud: every kept pixel is lifted to world coordinates with
 * its view's colour and confidence. Several views see the same surface, so when the cloud exceeds the point
 * budget it is thinned on a voxel grid, keeping the most confident point per voxel; the voxel starts at the
 * median pixel footprint (depth / focal length) and grows until the budget holds.
 */
public final class MvsFusion {
    /** Each round of thinning grows the voxel by this factor. */
    static final double VOXEL_GROWTH = 1.25;

    /** The fused cloud: positions [n][3], colours [n][3] in [0, 1], confidences [n]. */
    public record Cloud(float[] xyz, float[] rgb, float[] confidence) {
        public int count() {
            return confidence.length;
        }
    }

    private MvsFusion() {}

    public static Cloud fuse(List<MvsDepthMap> maps, int maxPoints) {
        int total = maps.stream().mapToInt(MvsDepthMap::keptCount).sum();
        float[] xyz = new float[3 * total];
        float[] rgb = new float[3 * total];
        float[] conf = new float[total];
        double[] footprint = new double[total];
        int n = 0;
        for (MvsDepthMap m : maps) {
            Camera cam = m.view().camera();
            double[] c2w = cam.pose().cameraToWorldMatrix();
            var k = cam.intrinsics();
            for (int y = 0; y < cam.height(); y++) {
                for (int x = 0; x < cam.width(); x++) {
                    int p = y * cam.width() + x;
                    float d = m.depth()[p];
                    if (!(d > 0)) {
                        continue;
                    }
                    double cx = (x + 0.5 - k.cx()) / k.fx() * d;
                    double cy = (y + 0.5 - k.cy()) / k.fy() * d;
                    for (int a = 0; a < 3; a++) {
                        xyz[3 * n + a] = (float) (c2w[4 * a] * cx + c2w[4 * a + 1] * cy + c2w[4 * a + 2] * d
                                + c2w[4 * a + 3]);
                        rgb[3 * n + a] = m.view().rgb()[3 * p + a];
                    }
                    conf[n] = m.confidence()[p];
                    footprint[n] = d / k.fx();
                    n++;
                }
            }
        }
        Cloud all = new Cloud(xyz, rgb, conf);
        if (n <= maxPoints) {
            return all;
        }
        double[] sorted = footprint.clone();
        Arrays.sort(sorted);
        double voxel = sorted[n / 2];
        Cloud thinned = thin(all, voxel);
        while (thinned.count() > maxPoints) {
            voxel *= VOXEL_GROWTH;
            thinned = thin(all, voxel);
        }
        return thinned;
    }

    /**
     * The cloud thinned to at most {@code maxPoints} by the voxel thinning of {@link #thin}, the voxel growing from
     * a thousandth of the cloud's bounding-box diagonal until the count fits.
     */
    public static Cloud atMost(Cloud cloud, int maxPoints) {
        if (cloud.count() <= maxPoints) {
            return cloud;
        }
        double voxel = 1e-3 * Math.max(1e-9, GeometryMetrics.boundingBoxDiagonal(cloud.xyz()));
        Cloud thinned = thin(cloud, voxel);
        while (thinned.count() > maxPoints) {
            voxel *= VOXEL_GROWTH;
            thinned = thin(cloud, voxel);
        }
        return thinned;
    }

    /** The most confident point of each occupied voxel (ties to the earlier point), in first-seen order. */
    static Cloud thin(Cloud in, double voxel) {
        Map<Long, Integer> best = new HashMap<>();
        int[] order = new int[in.count()];
        int kept = 0;
        for (int i = 0; i < in.count(); i++) {
            long key = key(in.xyz(), i, voxel);
            Integer j = best.get(key);
            if (j == null) {
                best.put(key, i);
                order[kept++] = i;
            } else if (in.confidence()[i] > in.confidence()[j]) {
                best.put(key, i);
            }
        }
        float[] xyz = new float[3 * best.size()];
        float[] rgb = new float[3 * best.size()];
        float[] conf = new float[best.size()];
        int n = 0;
        for (int o = 0; o < kept; o++) {
            int first = order[o];
            int i = best.get(key(in.xyz(), first, voxel));
            System.arraycopy(in.xyz(), 3 * i, xyz, 3 * n, 3);
            System.arraycopy(in.rgb(), 3 * i, rgb, 3 * n, 3);
            conf[n++] = in.confidence()[i];
        }
        return new Cloud(xyz, rgb, conf);
    }

    private static long key(float[] xyz, int i, double voxel) {
        long x = (long) Math.floor(xyz[3 * i] / voxel) & 0x1FFFFF;
        long y = (long) Math.floor(xyz[3 * i + 1] / voxel) & 0x1FFFFF;
        long z = (long) Math.floor(xyz[3 * i + 2] / voxel) & 0x1FFFFF;
        return x << 42 | y << 21 | z;
    }
}
