package dev.glimpse.optimize.fit;

import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.datasets.split.SplitPreset;
import dev.glimpse.datasets.split.ViewSplit;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scene of a fit and the views it trains and evaluates on, chosen from the config's split settings. Images are
 * decoded once here (composited over the training background), since every iteration uses one of them.
 *
 * @param scene the loaded scene
 * @param split indices into scene.views() of the train and test views
 * @param train the training views, decoded
 */
public record FitViews(Scene scene, Split split, List<FitView> train) {

    /** One decoded view: its index in the scene, name, camera and target colour [height][width][3]. */
    public record FitView(int index, String name, SplatCamera camera, float[] rgb) {}

    public static FitViews load(Path data, TrainConfig config) throws IOException {
        Scene scene = loadScene(data, config);
        Split split = select(scene, config.data);
        List<FitView> train = new ArrayList<>();
        for (int i : split.train()) {
            train.add(decode(scene, i, config.data.background));
        }
        return new FitViews(scene, split, train);
    }

    /** Decodes one view of the scene over the background (also used for test views at evaluation). */
    public static FitView decode(Scene scene, int index, float[] background) throws IOException {
        View v = scene.views().get(index);
        RgbaImage img = v.image().load().over(background);
        float[] rgb = new float[img.width() * img.height() * 3];
        float[] rgba = img.data();
        for (int p = 0, n = img.width() * img.height(); p < n; p++) {
            rgb[3 * p] = rgba[4 * p];
            rgb[3 * p + 1] = rgba[4 * p + 1];
            rgb[3 * p + 2] = rgba[4 * p + 2];
        }
        return new FitView(index, v.name(), SplatCamera.of(v.camera()), rgb);
    }

    /** The scene as the config's data settings load it (format, downscale). */
    public static Scene loadScene(Path data, TrainConfig config) throws IOException {
        return SceneFormats.load(data, config.data.format, new LoadOptions(config.data.downscale));
    }

    /** The train/test split the config's data settings choose. */
    public static Split select(Scene scene, TrainConfig.Data data) throws IOException {
        ViewSplit request = ViewSplit.of(SplitPreset.named(data.split));
        if (!data.trainIds.isEmpty()) {
            request = request.withTrainIds(data.trainIds.stream().mapToInt(Integer::intValue).toArray());
        } else if (data.views > 0) {
            request = request.withViews(data.views);
        }
        if (!data.testIds.isEmpty()) {
            request = request.withTestIds(data.testIds.stream().mapToInt(Integer::intValue).toArray());
        }
        return request.apply(scene);
    }
}
