package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.optimize.fit.Evaluation;

/** The JSON form of an evaluation, shared by metrics.json (fit) and eval.json (eval). */
final class EvalJson {
    private EvalJson() {}

    static String of(Evaluation.Result r, String device) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("device", device);
        put(root, r);
        return root.toPrettyString() + "\n";
    }

    /** Adds the means and the per-view array to a JSON object. */
    static void put(ObjectNode root, Evaluation.Result eval) {
        root.put("psnr", eval.meanPsnr());
        root.put("ssim", eval.meanSsim());
        double absRel = eval.meanDepthAbsRel();
        if (!Double.isNaN(absRel)) {
            root.put("depthAbsRel", absRel);
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
}
