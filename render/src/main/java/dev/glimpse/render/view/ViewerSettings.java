package dev.glimpse.render.view;

/** The viewer's adjustable state, shared by the renderer, the input handling and the panels. */
public final class ViewerSettings {
    public RenderMode mode = RenderMode.RGB;
    public SplatDisplay.ColourMap colourMap = SplatDisplay.ColourMap.RAMP;
    /** Depths mapped to the ends of the colour map; set from the scene when it loads. */
    public float[] depthRange = {0, 1};
    /** Fit {@link #depthRange} to the next splat image drawn (once; set when content loads without --depth-range). */
    public boolean fitDepthRange;
    public boolean showFrusta = true;
    public float pointSize = 3;
    /** Splat image size as a fraction of the viewport (below 1 renders faster on slow devices). */
    public float renderScale = 1;
    /** Render at a lower resolution while the camera moves (see {@link AdaptiveResolution}). */
    public boolean adaptiveResolution = true;
    /** The scale the current frame renders at (set by the loop from the two above). */
    public float frameScale = 1;
    public float[] background = {1, 1, 1};
    public boolean showPanels = true;
    /** Fly (WASD + mouse look) instead of orbiting about the pivot. */
    public boolean fly;
    /** Dataset camera whose ground truth and error are shown (index into the content's cameras), or -1. */
    public int selectedCamera = -1;
    /** Dataset camera under the mouse, or -1. */
    public int hoveredCamera = -1;
    /** Set to write a screenshot at the end of this frame. */
    public boolean screenshotRequested;
}
