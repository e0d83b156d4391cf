package dev.glimpse.render.view;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.splat.SplatBuffers;
import dev.glimpse.optimize.train.GaussianModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything one viewer session knows, handed to the panels and live training: the GL context, the loaded
 * content, the camera, the settings and which Gaussians are shown (the loaded ones, or the model being trained).
 */
public final class ViewerState {
    private final GlContext ctx;
    private final ViewerOptions options;
    private final ViewerSettings settings = new ViewerSettings();
    private final ViewCamera camera = new ViewCamera();
    private ViewerContent content;
    private GaussianModel trained;       // the live-training model, shown instead of the content's Gaussians
    private int trainedShDegree;
    private long gaussiansRevision;
    private String message = "";
    private boolean modeStandsIn; // the mode was switched to points because there were no Gaussians
    private int screenshots;
    private final java.util.List<Path> pendingOpen = new java.util.ArrayList<>();
    /** The current framebuffer viewport {x, y, w, h}. */
    public int[] viewport = {0, 0, 1, 1};
    /** The GLFW window (for the panels' input hooks). */
    public long windowHandle;
    /** The 3D view's renderer, set once the loop starts. */
    public SceneRenderer renderer;

    ViewerState(GlContext ctx, ViewerOptions options) {
        this.ctx = ctx;
        this.options = options;
        settings.mode = options.mode;
        settings.showFrusta = options.frusta;
        settings.showPanels = options.panels;
        settings.colourMap = options.colourMap;
        settings.renderScale = options.renderScale;
    }

    public GlContext context() {
        return ctx;
    }

    public ViewerOptions options() {
        return options;
    }

    public ViewerSettings settings() {
        return settings;
    }

    public ViewCamera camera() {
        return camera;
    }

    public ViewerContent content() {
        return content;
    }

    /** Replaces the content (closing the old one) and frames it. */
    void setContent(ViewerContent next, boolean frame) throws java.io.IOException {
        if (content != null && content != next) {
            content.close();
        }
        content = next;
        trained = null;
        gaussiansRevision++;
        camera.setUp(next.up());
        if (options.background != null) {
            settings.background = options.background.clone();
        }
        settings.depthRange = options.depthRange != null ? options.depthRange.clone() : defaultDepthRange(next);
        settings.fitDepthRange = options.depthRange == null;
        settings.selectedCamera = -1;
        if (frame && options.orbit != null) {
            camera.orbitAt(next.centre(), next.radius(), Math.toRadians(options.orbit[0]),
                    Math.toRadians(options.orbit[1]), options.orbit[2]);
        } else if (frame) {
            camera.frame(next.centre(), next.radius());
        }
        if (options.camera >= 0 && options.camera < next.cameras().size()) {
            snapTo(options.camera);
        } else if (options.camera >= 0) {
            throw new java.io.IOException("--camera " + options.camera + " does not exist: " + next.name() + " has "
                    + next.cameras().size() + " cameras");
        }
        settings.mode = options.mode;
        modeStandsIn = false;
        if (settings.mode.usesSplatImage() && next.gaussians() == null && next.points() != null) {
            // Nothing to splat yet: show the points until Gaussians arrive (live training), then the asked mode.
            settings.mode = next.mesh() != null ? RenderMode.MESH : RenderMode.POINTS;
            modeStandsIn = true;
        }
    }

    void closeContent() {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** Depth range around the scene: its centre's distance from the cameras (or the eye) -/+ its radius. */
    static float[] defaultDepthRange(ViewerContent c) {
        double d = c.cameras().isEmpty() ? c.radius() * 2.5 : 0;
        for (ViewerContent.DatasetCamera dc : c.cameras()) {
            float[] e = dc.camera().centre();
            d += ViewMath.distance(new double[] {e[0], e[1], e[2]}, c.centre()) / c.cameras().size();
        }
        return new float[] {(float) Math.max(0, d - c.radius()), (float) (d + c.radius())};
    }

    /** Shows dataset camera {@code i} of the content's list exactly and selects it. */
    public void snapTo(int i) {
        camera.snap(i, content.cameras().get(i).camera());
        settings.selectedCamera = i;
    }

    /** The Gaussians shown: those being trained, else the content's, else null. */
    public SplatBuffers gaussians() {
        if (trained != null) {
            return trained.params();
        }
        return content.gaussians() == null ? null : content.gaussians().params();
    }

    public int activeShDegree() {
        if (trained != null) {
            return trainedShDegree;
        }
        return content.gaussians() == null ? 0 : content.gaussians().shDegree();
    }

    /** Shows {@code model} (live training) with SH up to {@code shDegree}; call after every change to it. */
    public void showTrained(GaussianModel model, int shDegree) {
        trained = model;
        trainedShDegree = shDegree;
        if (modeStandsIn) {
            settings.mode = options.mode;
            modeStandsIn = false;
        }
        gaussiansRevision++;
    }

    public long gaussiansRevision() {
        return gaussiansRevision;
    }

    /** Opens {@code path} at the start of the next frame, as if it had been dropped on the window. */
    public void openLater(Path path) {
        pendingOpen.add(path);
    }

    java.util.List<Path> takePendingOpen() {
        java.util.List<Path> out = java.util.List.copyOf(pendingOpen);
        pendingOpen.clear();
        return out;
    }

    /** A message for the status bar (errors of dropped files, saves). */
    public String message() {
        return message;
    }

    public void setMessage(String m) {
        message = m;
    }

    /** glimpse-screenshot-N.png in the working folder, the first N not taken. */
    Path nextScreenshotPath() {
        Path p;
        do {
            p = Path.of(String.format("glimpse-screenshot-%03d.png", ++screenshots));
        } while (Files.exists(p));
        setMessage("screenshot " + p);
        return p;
    }
}
