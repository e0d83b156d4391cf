package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.DepthRange;
import dev.glimpse.optimize.gpu.Binding;
import dev.glimpse.optimize.gpu.ComputeProgram;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The plane sweep of one reference view on the GPU, in three stages: matching cost per pixel and hypothesis
 * ({@code shaders/mvs/sweep_cost.comp}), adaptive-support aggregation ({@code aggregate_cost.comp}) and
 * winner-take-all depth with refinement and confidence ({@code select_depth.comp}). The window shape, number of
 * sources averaged and confidence radius are compiled in from the {@link MvsConfig}.
 */
final class PlaneSweep implements AutoCloseable {
    static final int TILE = 8;
    /** Cost of a pixel that cannot be matched (masked out or textureless); above any real cost (<= 2). */
    static final float INVALID_COST = 3f;
    /** std430 size of the shader's SourceView struct: a mat4 and an ivec4. */
    static final int SOURCE_BYTES = 80;

    static final Binding GREY = Binding.storage("GREY_BINDING", 0);
    static final Binding MASK = Binding.storage("MASK_BINDING", 1);
    static final Binding SOURCES = Binding.storage("SOURCES_BINDING", 2);
    static final Binding COST = Binding.storage("COST_BINDING", 3);
    static final Binding NORMALS = Binding.storage("NORMALS_BINDING", 7);
    /** Largest number of candidate planes per depth. */
    static final int MAX_NORMALS = 8;
    static final Binding AGGREGATED = Binding.storage("AGGREGATED_BINDING", 4);
    static final Binding DEPTH = Binding.storage("DEPTH_BINDING", 5);
    static final Binding CONFIDENCE = Binding.storage("CONFIDENCE_BINDING", 6);

    private final MvsConfig config;
    private final ComputeProgram sweep;
    private final ComputeProgram aggregate;
    private final ComputeProgram select;
    private final GpuBuffer sources;     // [numSources] SourceView
    private final GpuBuffer normals;     // [numNormals] vec4, reference camera coordinates
    private final GpuBuffer cost;        // [D][H][W] float
    private final GpuBuffer aggregated;  // [D][H][W] float

    /** A source view to match against: the warp from the reference and where its planes start. */
    record Source(double[] pixelToPixel, int width, int height, int offset) {}

    PlaneSweep(GlContext ctx, MvsConfig config) {
        this.config = config;
        sweep = build(ctx, "mvs/sweep_cost.comp", GREY, MASK, SOURCES, NORMALS, COST);
        aggregate = build(ctx, "mvs/aggregate_cost.comp", GREY, COST, AGGREGATED);
        select = build(ctx, "mvs/select_depth.comp", AGGREGATED, DEPTH, CONFIDENCE);
        sources = GpuBuffer.create(ctx, SOURCE_BYTES * MvsConfig.MAX_SOURCES, "mvs sources");
        normals = GpuBuffer.create(ctx, 16 * MAX_NORMALS, "mvs plane normals");
        cost = GpuBuffer.create(ctx, 4, "mvs cost volume");
        aggregated = GpuBuffer.create(ctx, 4, "mvs aggregated cost volume");
    }

    private ComputeProgram build(GlContext ctx, String path, Binding... bindings) {
        return ComputeProgram.builder(ctx, path).localSize(TILE, TILE, 1).bindings(bindings)
                .define("WINDOW_RADIUS", config.windowRadius).define("WINDOW_STEP", config.windowStep)
                .define("BEST_SOURCES", config.bestSources).define("AGGREGATION_RADIUS", config.aggregationRadius)
                .define("CONFIDENCE_RADIUS", config.confidenceRadius).define("INVALID_COST", INVALID_COST + "")
                .build();
    }

    /**
     * Sweeps the reference view whose planes start at {@code refOffset} of {@code grey} / {@code mask} over
     * {@code range}, writing depth [H][W] (0 where unmatched) and confidence [H][W] float. {@code planeNormals}
     * [numNormals][3] are the candidate plane orientations in the reference camera's coordinates.
     */
    void run(GpuBuffer grey, GpuBuffer mask, int refOffset, Camera ref, Source[] matched, float[] planeNormals,
            DepthRange range, GpuBuffer depth, GpuBuffer confidence) {
        int width = ref.width();
        int height = ref.height();
        int numNormals = planeNormals.length / 3;
        if (numNormals < 1 || numNormals > MAX_NORMALS) {
            throw new IllegalArgumentException(numNormals + " plane normals, expected 1.." + MAX_NORMALS);
        }
        float[] padded = new float[4 * numNormals];
        for (int i = 0; i < numNormals; i++) {
            System.arraycopy(planeNormals, 3 * i, padded, 4 * i, 3);
        }
        normals.upload(0, padded);
        if (matched.length > MvsConfig.MAX_SOURCES) {
            throw new IllegalArgumentException(matched.length + " sources exceed " + MvsConfig.MAX_SOURCES);
        }
        long volume = 4L * config.hypotheses * width * height;
        cost.ensureCapacity(volume);
        aggregated.ensureCapacity(volume);
        uploadSources(matched);
        float invFar = (float) (1 / range.far());
        float invNear = (float) (1 / range.near());
        int gx = ComputeProgram.groupsFor(width, TILE);
        int gy = ComputeProgram.groupsFor(height, TILE);

        sweep.bind(GREY, grey).bind(MASK, mask).bind(SOURCES, sources).bind(NORMALS, normals).bind(COST, cost);
        sweep.setUint("numNormals", numNormals);
        sweep.setFloat("bilateralSigma", (float) config.bilateralSigma);
        var k = ref.intrinsics();
        sweep.setVec4("refIntrinsics", (float) k.fx(), (float) k.fy(), (float) k.cx(), (float) k.cy());
        setCommon(sweep, refOffset, width, height);
        sweep.setUint("numSources", matched.length);
        sweep.setFloat("invDepthFar", invFar);
        sweep.setFloat("invDepthNear", invNear);
        sweep.setFloat("minStd", (float) config.minStd);
        sweep.dispatch(gx, gy, 1);

        GpuBuffer volumeOut = cost;
        if (config.aggregationRadius > 0) {
            aggregate.bind(GREY, grey).bind(COST, cost).bind(AGGREGATED, aggregated);
            setCommon(aggregate, refOffset, width, height);
            aggregate.setFloat("colourSigma", (float) config.colourSigma);
            aggregate.dispatch(gx, gy, config.hypotheses);
            volumeOut = aggregated;
        }

        select.bind(AGGREGATED, volumeOut).bind(DEPTH, depth).bind(CONFIDENCE, confidence);
        select.setUint("width", width);
        select.setUint("height", height);
        select.setUint("numHypotheses", config.hypotheses);
        select.setFloat("invDepthFar", invFar);
        select.setFloat("invDepthNear", invNear);
        select.setFloat("temperature", (float) config.temperature);
        select.dispatch(gx, gy, 1);
    }

    /** [D][H][W] float matching costs of the last run, before aggregation (tests compare them). */
    GpuBuffer costVolume() {
        return cost;
    }

    private void setCommon(ComputeProgram p, int refOffset, int width, int height) {
        p.setUint("refOffset", refOffset);
        p.setUint("width", width);
        p.setUint("height", height);
        p.setUint("numHypotheses", config.hypotheses);
    }

    private void uploadSources(Source[] matched) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(SOURCE_BYTES * Math.max(1, matched.length))
                .order(ByteOrder.nativeOrder());
        for (Source s : matched) {
            for (float v : StereoGeometry.columnMajor(s.pixelToPixel())) {
                bytes.putFloat(v);
            }
            bytes.putInt(s.width()).putInt(s.height()).putInt(s.offset()).putInt(0);
        }
        bytes.flip();
        sources.upload(0, bytes);
    }

    @Override
    public void close() {
        sweep.close();
        aggregate.close();
        select.close();
        sources.close();
        normals.close();
        cost.close();
        aggregated.close();
    }
}
