package dev.glimpse.render.view;

import java.util.Locale;

/** What the main view shows. */
public enum RenderMode {
    /** The splats' colour, as the optimiser renders it. */
    RGB("RGB"),
    /** Expected depth over coverage, through a colour map and range. */
    DEPTH("Depth"),
    /** Accumulated opacity 1 - T_final. */
    OPACITY("Opacity"),
    /** Each Gaussian's centre as a point coloured by its base (SH degree 0) colour. */
    CENTRES("Gaussian centres"),
    /** The scene's input points (SfM sparse points, or a point-cloud PLY). */
    POINTS("Input points"),
    /** The triangles of a PLY mesh. */
    MESH("Mesh");

    private final String label;

    RenderMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the modes drawn from the rasteriser's output buffers. */
    public boolean usesSplatImage() {
        return this == RGB || this == DEPTH || this == OPACITY;
    }

    /** Parses a command-line name: rgb, depth, opacity, centres, points, mesh. */
    public static RenderMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown render mode '" + name
                    + "'; use rgb, depth, opacity, centres, points or mesh");
        }
    }

    static String[] labels() {
        RenderMode[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].label;
        }
        return out;
    }
}
