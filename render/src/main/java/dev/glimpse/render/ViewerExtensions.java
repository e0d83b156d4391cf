package dev.glimpse.render;

import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.ui.ViewerPanels;
import dev.glimpse.render.view.Viewer;
import dev.glimpse.render.view.ViewerState;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The panels and live training that {@code glimpse view} adds to the bare 3D view. */
public final class ViewerExtensions {
    private ViewerExtensions() {}

    /**
     * @param config settings for live training (as {@code glimpse fit} resolves them)
     * @param out    where live training saves its PLY and checkpoints
     */
    public static Viewer.Extension standard(ViewerState state, TrainConfig config, Path out, PrintWriter log) {
        return new ViewerPanels(state, config, out, log);
    }
}
