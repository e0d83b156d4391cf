package dev.glimpse.render.view;

import java.nio.file.Path;

/** How {@code glimpse view} runs: window size, start state, and the scripted screenshot/benchmark modes. */
public final class ViewerOptions {
    public int width = 1280;
    public int height = 720;
    public RenderMode mode = RenderMode.RGB;
    /** Dataset camera (position in the viewer's list: training cameras first, then test) to start at, or -1. */
    public int camera = -1;
    /** Written after {@link #frames} frames, then the viewer exits (null: interactive). */
    public Path screenshot;
    public int frames = 1;
    public boolean panels = true;
    public boolean frusta = true;
    public boolean vsync = true;
    /** Print frame-time statistics at the end (benchmarking). */
    public boolean timing;
    /** With {@link #timing}: re-render the splats every frame (false: time the idle frame, image kept). */
    public boolean rerender = true;
    /** Start orbit {yaw degrees, pitch degrees, distance factor}; null frames the scene from the default side. */
    public double[] orbit;
    /** Splat image size as a fraction of the viewport. */
    public float renderScale = 1;
    /** Depth-mode range; null picks one from the scene. */
    public float[] depthRange;
    public SplatDisplay.ColourMap colourMap = SplatDisplay.ColourMap.RAMP;
    public float[] background;
    /** Start live training at once (needs a dataset). */
    public boolean train;
    /** Training iterations to run before the screenshot in scripted mode (0: as many as the frames allow). */
    public int trainSteps;
    /** Polled once per frame: true closes the viewer as the window's close button does (Ctrl-C in the terminal). */
    public java.util.function.BooleanSupplier stop = () -> false;
}
