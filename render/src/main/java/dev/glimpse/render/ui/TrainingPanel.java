package dev.glimpse.render.ui;

import dev.glimpse.optimize.regularize.RegularizeConfig;
import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.live.LiveTraining;
import dev.glimpse.render.live.TrainingHistory;
import dev.glimpse.render.view.ViewerState;
import imgui.ImGui;
import imgui.extension.implot.ImPlot;
import imgui.extension.implot.flag.ImPlotAxisFlags;
import imgui.flag.ImGuiCond;
import imgui.type.ImDouble;
import java.util.Locale;

/**
 * The "Training" panel: start, pause, step and stop the optimiser, save a PLY or checkpoint, edit learning rates
 * and regulariser weights while it runs (the trainer reads the config object each iteration), and plots of loss,
 * PSNR and Gaussian count.
 */
final class TrainingPanel {
    /** What the buttons ask of the controller this frame. */
    enum Request { NONE, LOAD_CONFIG, CREATE, START, PAUSE, STEP, STOP, SAVE_PLY, SAVE_CHECKPOINT }

    private final ImDouble edit = new ImDouble();
    private final imgui.type.ImString configPath = new imgui.type.ImString(512);

    /** The config file typed into the panel. */
    String configPath() {
        return configPath.get().strip();
    }

    Request draw(ViewerState state, LiveTraining live, boolean canTrain, String status) {
        Request request = Request.NONE;
        int[] vp = state.viewport;
        ImGui.setNextWindowPos(vp[2] - 368, 8, ImGuiCond.FirstUseEver);
        if (live != null) {
            ImGui.setNextWindowSize(360, Math.min(600, vp[3] - 50), ImGuiCond.Appearing);
        }
        // Before training starts the panel is a few controls, fitted to them; with training it is another window
        // (same title, other id), so it gets its own, larger size when it appears.
        if (!ImGui.begin(live == null ? "Training###training-idle" : "Training###training-live",
                live == null ? imgui.flag.ImGuiWindowFlags.AlwaysAutoResize : 0)) {
            ImGui.end();
            return request;
        }
        if (live == null) {
            if (!canTrain) {
                ImGui.textWrapped("Live training needs a dataset: open a dataset folder, or a PLY / fit with"
                        + " --dataset.");
            } else {
                // Same settings as glimpse fit: the command line's, or a config file (e.g. a fit's config.json).
                ImGui.inputText("##config", configPath);
                ImGui.sameLine();
                if (ImGui.button("Load config")) {
                    request = Request.LOAD_CONFIG;
                }
                if (ImGui.button("Start training")) {
                    request = Request.CREATE;
                }
            }
            ImGui.textWrapped(status);
            ImGui.end();
            return request;
        }
        TrainConfig c = live.config();
        ImGui.text(String.format(Locale.ROOT, "%s  iteration %,d / %,d  |  %,d Gaussians", live.state(),
                live.iteration(), c.iterations, live.model().count()));
        ImGui.progressBar(live.iteration() / (float) Math.max(1, c.iterations));
        if (live.state() == LiveTraining.State.RUNNING) {
            if (ImGui.button("Pause")) {
                request = Request.PAUSE;
            }
        } else if (live.state() == LiveTraining.State.PAUSED && ImGui.button("Run")) {
            request = Request.START;
        }
        ImGui.sameLine();
        if (ImGui.button("Step")) {
            request = Request.STEP;
        }
        ImGui.sameLine();
        if (ImGui.button("Stop")) {
            request = Request.STOP;
        }
        if (ImGui.button("Save PLY")) {
            request = Request.SAVE_PLY;
        }
        ImGui.sameLine();
        if (ImGui.button("Save checkpoint")) {
            request = Request.SAVE_CHECKPOINT;
        }
        ImGui.textDisabled("to " + live.out());
        ImGui.textWrapped(status);
        plots(live.history());
        if (ImGui.collapsingHeader("Learning rates")) {
            TrainConfig.LearningRates lr = c.learningRates;
            lr.positionInit = number("position (start)", lr.positionInit);
            lr.positionFinal = number("position (end)", lr.positionFinal);
            lr.shDc = number("SH DC", lr.shDc);
            lr.shRest = number("SH rest", lr.shRest);
            lr.opacity = number("opacity", lr.opacity);
            lr.scale = number("scale", lr.scale);
            lr.rotation = number("rotation", lr.rotation);
            c.loss.lambdaDssim = number("lambda D-SSIM", c.loss.lambdaDssim);
        }
        if (ImGui.collapsingHeader("Regulariser weights")) {
            RegularizeConfig r = c.regularize;
            ImGui.textDisabled("terms that were 0 at start need their priors: set them in --config");
            r.sparseDepth = number("sparse depth", r.sparseDepth);
            r.mvsDepth = number("MVS depth", r.mvsDepth);
            r.depthPriorGlobal = number("depth Pearson (global)", r.depthPriorGlobal);
            r.depthPriorLocal = number("depth Pearson (local)", r.depthPriorLocal);
            r.pseudoViews = number("pseudo-view smoothness", r.pseudoViews);
            r.opacityEntropy = number("opacity entropy", r.opacityEntropy);
            r.anisotropy = number("anisotropy", r.anisotropy);
            r.size = number("size", r.size);
        }
        ImGui.end();
        return request;
    }

    private double number(String label, double value) {
        edit.set(value);
        if (ImGui.inputDouble(label, edit, 0, 0, "%.3g") && Double.isFinite(edit.get()) && edit.get() >= 0) {
            return edit.get();
        }
        return value;
    }

    private static void plots(TrainingHistory h) {
        int n = h.size();
        if (n == 0) {
            ImGui.textDisabled("plots appear after the first progress report");
            return;
        }
        int autoFit = ImPlotAxisFlags.AutoFit;
        if (ImPlot.beginPlot("Loss", -1, 120)) {
            ImPlot.setupAxes("iteration", "", autoFit, autoFit);
            ImPlot.plotLine("loss", h.iterations(), h.loss(), n);
            ImPlot.endPlot();
        }
        if (ImPlot.beginPlot("Training PSNR (dB)", -1, 120)) {
            ImPlot.setupAxes("iteration", "", autoFit, autoFit);
            ImPlot.plotLine("PSNR", h.iterations(), h.psnr(), n);
            ImPlot.endPlot();
        }
        if (ImPlot.beginPlot("Gaussians", -1, 120)) {
            ImPlot.setupAxes("iteration", "", autoFit, autoFit);
            ImPlot.plotLine("count", h.iterations(), h.gaussians(), n);
            ImPlot.endPlot();
        }
    }
}
