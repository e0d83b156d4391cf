package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.image.Mask;
import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;

/**
 * One view as the stereo sees it: its pinhole camera, colour [H][W][3] (over the background), grey [H][W] and a
 * validity mask [H][W] (1 where the view shows the scene: the dataset's mask, else alpha >= 0.5 for RGBA images,
 * else everywhere), plus the format's near/far when it has them (null otherwise).
 *
 * @param index index of the view in its scene
 */
public record MvsView(int index, String name, Camera camera, float[] rgb, float[] grey, float[] mask,
        DepthRange nearFar) {

    /** Decodes view {@code index} of a scene, compositing over {@code background}. */
    public static MvsView of(Scene scene, int index, float[] background) throws IOException {
        View v = scene.views().get(index);
        RgbaImage raw = v.image().load();
        RgbaImage img = raw.over(background);
        int n = img.width() * img.height();
        float[] rgb = new float[3 * n];
        float[] grey = new float[n];
        float[] mask = new float[n];
        Mask given = v.mask() != null ? v.mask().load() : null;
        for (int p = 0; p < n; p++) {
            float r = img.data()[4 * p];
            float g = img.data()[4 * p + 1];
            float b = img.data()[4 * p + 2];
            rgb[3 * p] = r;
            rgb[3 * p + 1] = g;
            rgb[3 * p + 2] = b;
            grey[p] = 0.299f * r + 0.587f * g + 0.114f * b;
            boolean inside = given != null ? given.inside()[p] : !raw.hasAlpha() || raw.data()[4 * p + 3] >= 0.5f;
            mask[p] = inside ? 1 : 0;
        }
        return new MvsView(index, v.name(), v.camera(), rgb, grey, mask, v.nearFar());
    }

    public int width() {
        return camera.width();
    }

    public int height() {
        return camera.height();
    }
}
