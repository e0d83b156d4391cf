package dev.glimpse.datasets.image;

import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;

/**
 * Resamples an image taken through a distorting lens into the ideal pinhole image with the same intrinsics, so
 * that everything downstream of loading is pinhole. For each output pixel centre the normalised pinhole
 * coordinates are distorted forward (exact, no inversion needed) and the input is sampled bilinearly there.
 * Output pixels whose source falls outside the input get alpha 0, so they can be excluded from losses.
 */
public record Undistortion(Intrinsics intrinsics, Distortion distortion) {

    public boolean isIdentity() {
        return distortion.isNone();
    }

    public RgbaImage apply(RgbaImage in) {
        if (isIdentity()) {
            return in;
        }
        int w = in.width();
        int h = in.height();
        Intrinsics k = intrinsics.resized(w, h);
        float[] out = new float[w * h * 4];
        double[] d = new double[2];
        boolean anyOutside = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                distortion.distort((x + 0.5 - k.cx()) / k.fx(), (y + 0.5 - k.cy()) / k.fy(), d);
                // Source position in array coordinates (pixel centres at integers).
                double sx = d[0] * k.fx() + k.cx() - 0.5;
                double sy = d[1] * k.fy() + k.cy() - 0.5;
                int o = (y * w + x) * 4;
                if (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5) {
                    anyOutside = true;
                    continue;
                }
                sampleBilinear(in, sx, sy, out, o);
            }
        }
        return new RgbaImage(w, h, out, in.hasAlpha() || anyOutside);
    }

    private static void sampleBilinear(RgbaImage in, double sx, double sy, float[] out, int o) {
        int w = in.width();
        int h = in.height();
        double cx = Math.min(Math.max(sx, 0), w - 1);
        double cy = Math.min(Math.max(sy, 0), h - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        for (int c = 0; c < 4; c++) {
            double top = in.get(x0, y0, c) * (1 - fx) + in.get(x1, y0, c) * fx;
            double bottom = in.get(x0, y1, c) * (1 - fx) + in.get(x1, y1, c) * fx;
            out[o + c] = (float) (top * (1 - fy) + bottom * fy);
        }
    }
}
