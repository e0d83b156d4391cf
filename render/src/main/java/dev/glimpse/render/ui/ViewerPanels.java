package dev.glimpse.render.ui;

import dev.glimpse.optimize.train.TrainConfig;
import dev.glimpse.render.live.LiveTraining;
import dev.glimpse.render.view.Viewer;
import dev.glimpse.render.view.ViewerContent;
import dev.glimpse.render.view.ViewerOptions;
import dev.glimpse.render.view.ViewerState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The viewer's panels (View, Training, Selected view, status bar) and the live training they control. Training
 * iterations run in {@link #beforeDraw} on the GL thread, for a share of each frame; closing the viewer stops the
 * optimiser and keeps a checkpoint.
 */
public final class ViewerPanels implements Viewer.Extension {
    /** Seconds of each interactive frame given to training (the rest draws the view and panels). */
    private static final double TRAINING_SHARE = 0.12;

    private TrainConfig config;
    private final Path out;
    private final PrintWriter log;
    private final ImGuiLayer imgui;
    private final ViewPanel viewPanel = new ViewPanel();
    private final TrainingPanel trainingPanel = new TrainingPanel();
    private final SelectedViewPanel selectedPanel;
    private final StatusBar statusBar = new StatusBar();
    private LiveTraining live;
    private int shownIteration = -1;
    private int startIteration;       // where this session's training began (scripted --train-steps counts from it)
    private String status = "";
    private long lastFrame = System.nanoTime();
    private double frameSeconds = 0.016;

    public ViewerPanels(ViewerState state, TrainConfig config, Path out, PrintWriter log) {
        this.config = config;
        this.out = out;
        this.log = log;
        imgui = new ImGuiLayer(state.windowHandle);
        selectedPanel = new SelectedViewPanel(state.context());
    }

    @Override
    public void contentChanged(ViewerState state) {
        closeTraining();
        ViewerOptions o = state.options();
        if (o.train && state.content().scene() != null) {
            createTraining(state);
            if (live != null) {
                live.start();
            }
        }
    }

    @Override
    public void beforeDraw(ViewerState state) {
        long now = System.nanoTime();
        frameSeconds = (now - lastFrame) * 1e-9;
        lastFrame = now;
        if (live == null) {
            return;
        }
        ViewerOptions o = state.options();
        try {
            if (o.screenshot != null && o.trainSteps > 0) {
                int perFrame = (o.trainSteps + o.frames - 1) / o.frames;
                live.iterate(Math.min(perFrame, Math.max(0, o.trainSteps - trainedHere())));
            } else {
                live.advance(TRAINING_SHARE);
            }
        } catch (RuntimeException e) {
            status = "training failed: " + e.getMessage();
            log.println("glimpse: " + status);
            live.pause();
        }
        if (live.iteration() != shownIteration) {
            state.showTrained(live.model(), live.activeShDegree());
            shownIteration = live.iteration();
        }
    }

    private int trainedHere() {
        return live.iteration() - startIteration;
    }

    @Override
    public void afterDraw(ViewerState state) {
        imgui.begin();
        viewPanel.draw(state);
        boolean canTrain = state.content().scene() != null;
        TrainingPanel.Request r = trainingPanel.draw(state, live, canTrain, status);
        selectedPanel.draw(state);
        statusBar.draw(state, frameSeconds);
        imgui.end();
        handle(state, r);
    }

    private void handle(ViewerState state, TrainingPanel.Request r) {
        try {
            switch (r) {
                case CREATE -> {
                    createTraining(state);
                    if (live != null) {
                        live.start();
                    }
                }
                case LOAD_CONFIG -> {
                    TrainConfig loaded = TrainConfig.read(java.nio.file.Path.of(trainingPanel.configPath()));
                    var problems = loaded.problems();
                    if (!problems.isEmpty()) {
                        throw new IOException("invalid settings: " + String.join("; ", problems));
                    }
                    // Data settings (split, downscale) were fixed when the scene opened; keep them.
                    loaded.data = config.data;
                    config = loaded;
                    status = "settings from " + trainingPanel.configPath();
                }
                case START -> live.start();
                case PAUSE -> live.pause();
                case STEP -> {
                    live.pause();
                    live.iterate(1);
                }
                case STOP -> {
                    live.stop();
                    status = "stopped; saved " + live.out().resolve("point_cloud.ply") + " and checkpoint";
                }
                case SAVE_PLY -> status = "saved " + live.savePly(live.out().resolve("point_cloud.ply"));
                case SAVE_CHECKPOINT -> status = "saved " + live.saveCheckpoint();
                case NONE -> { }
            }
        } catch (IOException | RuntimeException e) {
            status = "failed: " + e.getMessage();
        }
        state.setMessage(status);
    }

    private void createTraining(ViewerState state) {
        ViewerContent c = state.content();
        try {
            status = "preparing training...";
            live = LiveTraining.create(state.context(), c.scene(), c.split(), config, out, line -> {
                log.println("glimpse: " + line);
                log.flush();
                status = line;
            });
            startIteration = live.iteration();
            state.showTrained(live.model(), live.activeShDegree());
            shownIteration = live.iteration();
        } catch (IOException | RuntimeException e) {
            status = "cannot train: " + e.getMessage();
            log.println("glimpse: " + status);
            live = null;
        }
    }

    private void closeTraining() {
        if (live != null) {
            int it = live.iteration();
            live.close();
            log.printf("glimpse: training stopped at iteration %d; checkpoint in %s%n", it,
                    live.out().resolve("checkpoint"));
            log.flush();
            live = null;
        }
    }

    @Override
    public boolean wantsMouse() {
        return imgui.wantsMouse();
    }

    @Override
    public boolean wantsKeyboard() {
        return imgui.wantsKeyboard();
    }

    @Override
    public void close() {
        try {
            closeTraining();
        } finally {
            selectedPanel.close();
            imgui.close();
        }
    }
}
