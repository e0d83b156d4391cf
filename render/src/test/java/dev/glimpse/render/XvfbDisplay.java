package dev.glimpse.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.SharedLibrary;

/**
 * An X display for window tests: the one in DISPLAY if set, else a private {@code Xvfb :N} started once per JVM
 * (stopped at exit). Tests are skipped, with a message saying so, only when there is no display and no Xvfb.
 */
public final class XvfbDisplay {
    private static String display;
    private static Process server;

    private XvfbDisplay() {}

    /** Makes sure GLFW will find a display; skips the calling test when none can be had. */
    public static synchronized void require() {
        if (display != null) {
            return;
        }
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            display = env;
            return;
        }
        Path xvfb = find();
        assumeTrue(xvfb != null, "no DISPLAY and no Xvfb on PATH: window tests skipped (apt-get install xvfb)");
        for (int n = 90; n < 140 && display == null; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1280x1024x24", "-nolisten",
                        "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Path socket = Path.of("/tmp/.X11-unix/X" + n);
                for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                    Thread.sleep(50);
                }
                if (!p.isAlive() || !Files.exists(socket)) {
                    p.destroy();
                    continue;
                }
                server = p;
                display = ":" + n;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.destroy();
                    try {
                        server.waitFor(5, TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }));
            } catch (IOException e) {
                assumeTrue(false, "cannot start Xvfb: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assumeTrue(display != null, "could not start Xvfb on any display :90..:139");
        setNativeEnv("DISPLAY", display);
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path usual = Path.of("/usr/bin/Xvfb");
        return Files.isExecutable(usual) ? usual : null;
    }

    /** setenv(3) in this process, so native code (GLFW's XOpenDisplay) sees the display; Java's view is fixed. */
    private static void setNativeEnv(String name, String value) {
        try (SharedLibrary libc = Library.loadNative(XvfbDisplay.class, "org.lwjgl", "libc.so.6");
                MemoryStack stack = MemoryStack.stackPush()) {
            long setenv = libc.getFunctionAddress("setenv");
            ByteBuffer n = stack.ASCII(name);
            ByteBuffer v = stack.ASCII(value);
            int rc = JNI.invokePPI(org.lwjgl.system.MemoryUtil.memAddress(n), org.lwjgl.system.MemoryUtil.memAddress(v),
                    1, setenv);
            if (rc != 0) {
                throw new IllegalStateException("setenv(DISPLAY) failed");
            }
        }
    }
}
