package dev.glimpse.datasets.scene;

import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.image.Mask;
import dev.glimpse.datasets.image.RgbaImage;
import dev.glimpse.datasets.image.Source;
import java.util.Optional;

/**
 * One posed photograph of a scene, with whatever extra per-view data the dataset has.
 *
 * @param name    identifier from the dataset (file stem or COLMAP image name)
 * @param split   the split the dataset file put it in: "train", "val", "test", or "all" for formats without one
 * @param camera  intrinsics at the loaded resolution, and the world-to-camera pose
 * @param image   the colour image, loaded lazily at the camera's resolution
 * @param depth   metric planar depth in world units, when the dataset provides it (null when absent)
 * @param mask    foreground mask, when the dataset provides it (null when absent)
 * @param nearFar near/far bounds, when the format gives them (null when absent)
 */
public record View(String name, String split, Camera camera, Source<RgbaImage> image, Source<DepthMap> depth,
        Source<Mask> mask, DepthRange nearFar) {
    public View {
        if (name == null || split == null || camera == null || image == null) {
            throw new IllegalArgumentException("view needs a name, split, camera and image");
        }
    }

    public Optional<Source<DepthMap>> depthSource() {
        return Optional.ofNullable(depth);
    }

    public Optional<Source<Mask>> maskSource() {
        return Optional.ofNullable(mask);
    }

    public Optional<DepthRange> depthRange() {
        return Optional.ofNullable(nearFar);
    }
}
