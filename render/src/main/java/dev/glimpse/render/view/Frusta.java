package dev.glimpse.render.view;

import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;

/**
 * Line segments of the dataset cameras' viewing pyramids (apex at the camera centre, base at {@code depth} along
 * its view), for drawing with {@link VertexDrawer#lines}: training cameras blue, test cameras orange, the selected
 * one yellow and the hovered one white.
 */
public final class Frusta {
    /** Vertices per camera: 8 edges (4 from the apex, 4 around the base) plus an "up" tick, 2 each. */
    static final int VERTICES_PER_CAMERA = 18;

    private Frusta() {}

    /** Positions [n][3] and colours [n][3], n = cameras x VERTICES_PER_CAMERA; {@code skip} (snapped) is left out. */
    public static float[][] build(List<ViewerContent.DatasetCamera> cameras, double depth, int selected, int hovered,
            int skip) {
        int count = 0;
        for (int i = 0; i < cameras.size(); i++) {
            if (i != skip) {
                count++;
            }
        }
        float[] pos = new float[count * VERTICES_PER_CAMERA * 3];
        float[] col = new float[pos.length];
        int v = 0;
        for (int i = 0; i < cameras.size(); i++) {
            if (i == skip) {
                continue;
            }
            ViewerContent.DatasetCamera dc = cameras.get(i);
            float[] colour = i == hovered ? new float[] {1, 1, 1} : i == selected ? new float[] {1, 0.9f, 0.1f}
                    : dc.split().equals("train") ? new float[] {0.2f, 0.45f, 1f} : new float[] {1f, 0.5f, 0.1f};
            double[][] corners = corners(dc.camera(), depth);
            double[] apex = {dc.camera().centre()[0], dc.camera().centre()[1], dc.camera().centre()[2]};
            for (int k = 0; k < 4; k++) {
                v = put(pos, col, v, apex, colour);
                v = put(pos, col, v, corners[k], colour);
                v = put(pos, col, v, corners[k], colour);
                v = put(pos, col, v, corners[(k + 1) % 4], colour);
            }
            // A tick above the top edge, so the image's up direction is visible.
            double[] top = mid(corners[0], corners[1]);
            double[] tip = new double[3];
            for (int a = 0; a < 3; a++) {
                tip[a] = top[a] + 0.5 * (top[a] - mid(corners[2], corners[3])[a]) * 0.3;
            }
            v = put(pos, col, v, top, colour);
            v = put(pos, col, v, tip, colour);
        }
        return new float[][] {pos, col};
    }

    /** World positions of the image corners at {@code depth}: top-left, top-right, bottom-right, bottom-left. */
    static double[][] corners(SplatCamera c, double depth) {
        double[][] px = {{0, 0}, {c.width(), 0}, {c.width(), c.height()}, {0, c.height()}};
        float[] m = c.worldToCamera();
        double[][] out = new double[4][];
        for (int k = 0; k < 4; k++) {
            double[] cam = {(px[k][0] - c.cx()) / c.fx() * depth, (px[k][1] - c.cy()) / c.fy() * depth, depth};
            double[] w = new double[3];
            for (int a = 0; a < 3; a++) {
                // world = R^T cam + centre; R row r is (m[r], m[4 + r], m[8 + r]) in column-major storage.
                w[a] = m[4 * a] * cam[0] + m[4 * a + 1] * cam[1] + m[4 * a + 2] * cam[2] + c.centre()[a];
            }
            out[k] = w;
        }
        return out;
    }

    private static double[] mid(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    private static int put(float[] pos, float[] col, int v, double[] p, float[] colour) {
        for (int a = 0; a < 3; a++) {
            pos[3 * v + a] = (float) p[a];
            col[3 * v + a] = colour[a];
        }
        return v + 1;
    }
}
