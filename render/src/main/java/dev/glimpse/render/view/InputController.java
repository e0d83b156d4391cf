package dev.glimpse.render.view;

import static org.lwjgl.glfw.GLFW.*;

import java.util.List;

/**
 * Mouse and keyboard to camera moves. Left drag orbits (looks around in fly mode), right or middle drag pans,
 * the wheel zooms, W A S D Q E fly, F frames the scene, Tab toggles fly, 1..6 pick the render mode, the arrow keys
 * step through the dataset cameras, P takes a screenshot, H hides the panels. A click on a camera frustum snaps to
 * it. Input the panels want (ImGui's capture flags) is left to them.
 */
public final class InputController {
    private final long window;
    private double lastX = Double.NaN;
    private double lastY;
    private double pressX;
    private double pressY;
    private boolean leftWasDown;
    private double scroll;
    /**
     * Presses of the keys that act once per press, from GLFW's key events: a quick tap can go down and up between two
     * frames, which polling the key state would miss. Consumed by {@link #pressed}.
     */
    private final boolean[] pressedSinceLastFrame = new boolean[GLFW_KEY_LAST + 1];

    /** Installs the scroll and key callbacks; call before ImGui installs its own (it chains to these). */
    public InputController(long window) {
        this.window = window;
        glfwSetScrollCallback(window, (w, dx, dy) -> scroll += dy);
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action == GLFW_PRESS && key >= 0 && key <= GLFW_KEY_LAST) {
                pressedSinceLastFrame[key] = true;
            }
        });
    }

    /**
     * Applies this frame's input.
     *
     * @param mouseFree    false when the panels have the mouse
     * @param keyboardFree false when a panel's text field has the keyboard
     * @param snap         called with a camera list position to snap to
     */
    public void update(ViewCamera camera, ViewerSettings s, ViewerContent content, double dt, int[] viewport,
            boolean mouseFree, boolean keyboardFree, java.util.function.IntConsumer snap) {
        double[] x = new double[1];
        double[] y = new double[1];
        glfwGetCursorPos(window, x, y);
        double dx = Double.isNaN(lastX) ? 0 : x[0] - lastX;
        double dy = Double.isNaN(lastX) ? 0 : y[0] - lastY;
        lastX = x[0];
        lastY = y[0];
        boolean left = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        boolean pan = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS
                || glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
        s.hoveredCamera = mouseFree ? hovered(camera, content.cameras(), viewport, x[0], y[0]) : -1;
        if (mouseFree) {
            if (left && !leftWasDown) {
                pressX = x[0];
                pressY = y[0];
            }
            double turn = 0.005;
            if (left && (dx != 0 || dy != 0)) {
                if (s.fly) {
                    camera.look(-dx * turn, -dy * turn);
                } else {
                    camera.orbit(-dx * turn, dy * turn);
                }
            } else if (pan && (dx != 0 || dy != 0)) {
                double perPixel = camera.distance() * 2 * Math.tan(camera.fovY() / 2) / Math.max(1, viewport[3]);
                camera.move(-dx * perPixel, -dy * perPixel, 0);
            }
            if (!left && leftWasDown && Math.hypot(x[0] - pressX, y[0] - pressY) < 3 && s.hoveredCamera >= 0) {
                snap.accept(s.hoveredCamera);
            }
            if (scroll != 0) {
                camera.zoom(Math.pow(0.88, scroll));
            }
        }
        scroll = 0;
        leftWasDown = left;
        if (keyboardFree) {
            keys(camera, s, content, dt, snap);
        }
        java.util.Arrays.fill(pressedSinceLastFrame, false); // presses a panel's text field took are dropped too
    }

    private void keys(ViewCamera camera, ViewerSettings s, ViewerContent content, double dt,
            java.util.function.IntConsumer snap) {
        double speed = Math.max(content.radius(), 1e-3);
        double step = speed * dt * (down(GLFW_KEY_LEFT_SHIFT) ? 3 : 1);
        double right = (down(GLFW_KEY_D) ? 1 : 0) - (down(GLFW_KEY_A) ? 1 : 0);
        double ahead = (down(GLFW_KEY_W) ? 1 : 0) - (down(GLFW_KEY_S) ? 1 : 0);
        double lift = (down(GLFW_KEY_Q) ? 1 : 0) - (down(GLFW_KEY_E) ? 1 : 0);
        if (right != 0 || ahead != 0 || lift != 0) {
            camera.move(right * step, lift * step, ahead * step);
        }
        if (pressed(GLFW_KEY_F)) {
            camera.frame(content.centre(), content.radius());
        }
        if (pressed(GLFW_KEY_TAB)) {
            s.fly = !s.fly;
        }
        if (pressed(GLFW_KEY_H)) {
            s.showPanels = !s.showPanels;
        }
        if (pressed(GLFW_KEY_P) || pressed(GLFW_KEY_F12)) {
            s.screenshotRequested = true;
        }
        RenderMode[] modes = RenderMode.values();
        for (int i = 0; i < modes.length; i++) {
            if (pressed(GLFW_KEY_1 + i)) {
                s.mode = modes[i];
            }
        }
        int n = content.cameras().size();
        if (n > 0 && (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_LEFT))) {
            int from = Math.max(camera.snappedIndex(), s.selectedCamera);
            int next = pressed(GLFW_KEY_RIGHT) ? (from + 1) % n : (from - 1 + n) % n;
            snap.accept(next);
        }
    }

    private boolean down(int key) {
        return glfwGetKey(window, key) == GLFW_PRESS;
    }

    /** True on the frame after a key went down. */
    private boolean pressed(int key) {
        return pressedSinceLastFrame[key];
    }

    /** The camera whose centre is drawn within 12 pixels of the mouse (nearest), or -1. */
    static int hovered(ViewCamera camera, List<ViewerContent.DatasetCamera> cameras, int[] viewport, double mx,
            double my) {
        var view = camera.splatCamera(viewport[2], viewport[3]);
        int best = -1;
        double bestDist = 12;
        for (int i = 0; i < cameras.size(); i++) {
            if (i == camera.snappedIndex()) {
                continue;
            }
            float[] c = cameras.get(i).camera().centre();
            double[] p = ViewMath.project(view, new double[] {c[0], c[1], c[2]});
            if (p != null) {
                double d = Math.hypot(p[0] - mx, p[1] - my);
                if (d < bestDist) {
                    bestDist = d;
                    best = i;
                }
            }
        }
        return best;
    }
}
