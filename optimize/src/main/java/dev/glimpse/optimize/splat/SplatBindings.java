package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;

/**
 * Every storage binding of the splat kernels, one fixed index per name (shared GLSL includes refer to the
 * names). Indices are reused only between names that never meet in one program, which
 * {@link ComputeProgram.Builder#bindings} checks; each program stays within 16 storage blocks.
 */
final class SplatBindings {
    // Parameters (SplatBuffers): project, project_backward.
    static final Binding MEANS = Binding.storage("MEANS_BINDING", 0);                 // [n][3] float
    static final Binding LOG_SCALES = Binding.storage("LOG_SCALES_BINDING", 1);       // [n][3] float
    static final Binding QUATS = Binding.storage("QUATS_BINDING", 2);                 // [n][4] float wxyz
    static final Binding LOGIT_OPACITY = Binding.storage("LOGIT_OPACITY_BINDING", 3); // [n] float
    static final Binding SH = Binding.storage("SH_BINDING", 4);                       // [n][K][3] float

    // Projected Gaussians (ProjectedGaussians).
    static final Binding XYS = Binding.storage("XYS_BINDING", 5);                     // [n][2] float
    static final Binding CONIC_OPACITY = Binding.storage("CONIC_OPACITY_BINDING", 6); // [n][4] float
    static final Binding COLORS = Binding.storage("COLORS_BINDING", 7);               // [n][3] float
    static final Binding DEPTHS = Binding.storage("DEPTHS_BINDING", 8);               // [n] float
    static final Binding RADII = Binding.storage("RADII_BINDING", 9);                 // [n] int
    static final Binding TILES_TOUCHED = Binding.storage("TILES_TOUCHED_BINDING", 10); // [n] uint
    static final Binding TILE_RECTS = Binding.storage("TILE_RECTS_BINDING", 11);      // [n][4] uint

    // Tile/Gaussian intersections (TileIntersections).
    static final Binding OFFSETS = Binding.storage("OFFSETS_BINDING", 12);            // [n] uint
    static final Binding TILE_RANGES = Binding.storage("TILE_RANGES_BINDING", 12);    // [numTiles][2] uint
    static final Binding KEYS_HI = Binding.storage("KEYS_HI_BINDING", 13);            // [intersections] uint
    static final Binding KEYS_LO = Binding.storage("KEYS_LO_BINDING", 14);            // [intersections] uint
    static final Binding GAUSSIAN_IDS = Binding.storage("GAUSSIAN_IDS_BINDING", 15);  // [intersections] uint

    // Images (RasterImages): rasterize writes them, rasterize_backward reads the saved state.
    static final Binding OUT_RGB = Binding.storage("OUT_RGB_BINDING", 0);             // [H][W][3] float
    static final Binding OUT_ALPHA = Binding.storage("OUT_ALPHA_BINDING", 1);         // [H][W] float
    static final Binding OUT_DEPTH = Binding.storage("OUT_DEPTH_BINDING", 2);         // [H][W] float
    static final Binding FINAL_T = Binding.storage("FINAL_T_BINDING", 3);             // [H][W] float
    static final Binding N_CONTRIB = Binding.storage("N_CONTRIB_BINDING", 4);         // [H][W] uint

    // Backward.
    static final Binding V_RGB = Binding.storage("V_RGB_BINDING", 0);                 // [H][W][3] float
    static final Binding V_ALPHA = Binding.storage("V_ALPHA_BINDING", 1);             // [H][W] float
    static final Binding V_DEPTH = Binding.storage("V_DEPTH_BINDING", 2);             // [H][W] float
    static final Binding SCREEN_GRADS = Binding.storage("SCREEN_GRADS_BINDING", 10);  // [n][10] float
    static final Binding V_MEANS = Binding.storage("V_MEANS_BINDING", 5);             // [n][3] float
    static final Binding V_LOG_SCALES = Binding.storage("V_LOG_SCALES_BINDING", 6);   // [n][3] float
    static final Binding V_QUATS = Binding.storage("V_QUATS_BINDING", 7);             // [n][4] float
    static final Binding V_LOGIT_OPACITY = Binding.storage("V_LOGIT_OPACITY_BINDING", 8); // [n] float
    static final Binding V_SH = Binding.storage("V_SH_BINDING", 11);                  // [n][K][3] float
    static final Binding V_UV_OUT = Binding.storage("V_UV_OUT_BINDING", 12);          // [n][2] float

    /** Floats per Gaussian in the screen-space gradient scratch (layout in shaders/splat/screen_grads.glsl). */
    static final int SCREEN_GRAD_STRIDE = 10;

    static final Binding[] PARAMS = {MEANS, LOG_SCALES, QUATS, LOGIT_OPACITY, SH};

    private SplatBindings() {
    }

    /** Binds the parameter buffers and sets the uniforms params.glsl declares. */
    static void bindParams(ComputeProgram program, SplatBuffers params, int activeShDegree) {
        program.bind(MEANS, params.means()).bind(LOG_SCALES, params.logScales()).bind(QUATS, params.quats())
                .bind(LOGIT_OPACITY, params.logitOpacity()).bind(SH, params.sh());
        program.setUint("count", params.count());
        program.setUint("shCoefficients", params.shCoefficients());
        program.setInt("activeShDegree", activeShDegree);
    }

    /** Sets the uniforms camera.glsl declares. */
    static void setCamera(ComputeProgram program, SplatCamera camera) {
        program.setMat4("worldToCamera", camera.worldToCamera());
        float[] c = camera.centre();
        program.setVec3("cameraCentre", c[0], c[1], c[2]);
        program.setVec4("intrinsics", camera.fx(), camera.fy(), camera.cx(), camera.cy());
        program.setVec2("tanHalfFov", camera.width() / (2f * camera.fx()), camera.height() / (2f * camera.fy()));
        program.setFloat("nearPlane", camera.near());
    }
}
