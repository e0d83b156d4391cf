package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.metrics.GeometryMetrics;

/** The JSON form of an evaluation, shared by metrics.json (fit) and eval.json (eval). */
final class EvalJson {
    private EvalJson() {}

    static String of(Evaluation.Result r, GeometryEvaluation geometry, String protocol, String device) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("device", device);
        root.put("protocol", protocol);
        put(root, r);
        putGeometry(root, geometry);
        return root.toPrettyString() + "\n";
    }

    /** Adds the means and the per-view array to a JSON object. */
    static void put(ObjectNode root, Evaluation.Result eval) {
        root.put("psnr", eval.meanPsnr());
        root.put("ssim", eval.meanSsim());
        double absRel = eval.meanDepthAbsRel();
        if (!Double.isNaN(absRel)) {
            root.put("depthAbsRel", absRel);
            root.put("depthRmse", eval.meanDepthRmse());
            root.put("depthWithin105", eval.meanDepthWithin105());
        }
        ArrayNode per = root.putArray("testViews");
        for (Evaluation.ViewResult v : eval.views()) {
            ObjectNode o = per.addObject();
            o.put("name", v.name());
            o.put("psnr", v.psnr());
            o.put("ssim", v.ssim());
            if (!Double.isNaN(v.depthAbsRel())) {
                o.put("depthAbsRel", v.depthAbsRel());
                o.put("depthRmse", v.depthRmse());
                o.put("depthWithin105", v.depthWithin105());
            }
        }
    }

    /** Adds the geometry block (nothing when the dataset has no ground-truth surface). */
    static void putGeometry(ObjectNode root, GeometryEvaluation g) {
        if (g == null) {
            return;
        }
        ObjectNode o = root.putObject("geometry");
        o.put("tau", g.tau());
        o.put("minOpacity", GeometryEvaluation.MIN_OPACITY);
        putMetrics(o, "centres", g.centres(), g.centreCount());
        putMetrics(o, "mvsPoints", g.stereo(), g.stereoCount());
    }

    private static void putMetrics(ObjectNode parent, String name, GeometryMetrics m, int count) {
        if (m == null) {
            return;
        }
        ObjectNode o = parent.putObject(name);
        o.put("points", count);
        o.put("accuracy", m.accuracy());
        o.put("completeness", m.completeness());
        o.put("chamfer", m.chamfer());
        o.put("precision", m.precision());
        o.put("recall", m.recall());
        o.put("fScore", m.fScore());
    }
}
