package dev.glimpse.app;

import dev.glimpse.datasets.io.NpyBytes;
import dev.glimpse.datasets.load.TestImages;
import dev.glimpse.datasets.load.blender.TestPngs;
import dev.glimpse.datasets.ply.PointCloud;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipOutputStream;

/**
 * Writes a tiny dataset in each of the five formats and returns what {@code glimpse info} must say about it. All
 * cameras share one construction: an OpenCV world-to-camera rotation about world y by a few degrees with
 * t = (0, 0, 4), so every camera sits 4 units from the origin and looks at it; each format's file then stores that
 * pose in its own convention, spelled out here from the format's documentation.
 */
final class TinyDatasets {
    private static final double[] T = {0, 0, 4};
    /** The files hold the poses as full doubles, so the reported camera centres must match to rounding. */
    private static final double EXACT = 1e-9;

    private TinyDatasets() {}

    /** R_y(deg) row-major [3][3]: the rotation COLMAP's quaternion (cos h, 0, sin h, 0), h = deg / 2, stands for. */
    static double[][] rotation(double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
    }

    /** Camera centre -R^T t [3]. */
    static double[] centre(double[][] r) {
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            c[a] = -(r[0][a] * T[0] + r[1][a] * T[1] + r[2][a] * T[2]);
        }
        return c;
    }

    static double[][] centres(double... degrees) {
        return Arrays.stream(degrees).mapToObj(d -> centre(rotation(d))).toArray(double[][]::new);
    }

    /** OpenGL camera-to-world 4x4 as JSON: columns right (R row 0), up (-R row 1), backwards (-R row 2), centre. */
    static String glMatrix(double deg) {
        double[][] r = rotation(deg);
        double[] c = centre(r);
        StringBuilder sb = new StringBuilder("[");
        for (int row = 0; row < 3; row++) {
            sb.append(String.format(Locale.ROOT, "[%s,%s,%s,%s],", r[0][row], -r[1][row], -r[2][row], c[row]));
        }
        return sb.append("[0,0,0,1]]").toString();
    }

    /** Blender: 3 train + 2 test RGBA views with 16-bit depth, w/h given, and a 5-point ground-truth cloud. */
    static DatasetTruth blender(Path dir) throws IOException {
        double[] train = {-30, 0, 30};
        double[] test = {-15, 15};
        writeBlenderSplit(dir, "train", train);
        writeBlenderSplit(dir, "test", test);
        PointCloud.of(new float[15]).write(dir.resolve("points.ply"));
        double[][] centres = centres(-30, 0, 30, -15, 15);
        // camera_angle_x = 2 atan(1/2) makes fx = (16 / 2) / (1/2) = 16.
        return new DatasetTruth("blender", DatasetTruth.splits("train", 3, "test", 2), "16x12", "PINHOLE",
                new double[] {16, 16, 8, 6}, 5, 0, 0, 0, 0, null, 5, "cameras", centres, EXACT);
    }

    private static void writeBlenderSplit(Path dir, String split, double[] degrees) throws IOException {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < degrees.length; i++) {
            String name = split + "_" + i + ".png";
            TestPngs.rgba(dir.resolve("images").resolve(name), 16, 12);
            TestPngs.grey16(dir.resolve("depth").resolve(name), 16, 12, 2000);
            frames.append(i == 0 ? "" : ",").append("{\"file_path\": \"images/").append(name)
                    .append("\", \"depth_path\": \"depth/").append(name).append("\", \"transform_matrix\": ")
                    .append(glMatrix(degrees[i])).append('}');
        }
        Files.writeString(dir.resolve("transforms_" + split + ".json"), "{\"camera_angle_x\": "
                + 2 * Math.atan(0.5) + ", \"w\": 16, \"h\": 12, \"depth_scale\": 1000, \"frames\": [" + frames + "]}");
    }

    /**
     * nerfstudio: OPENCV camera with distortion, frame 1 overriding fl_x (so intrinsics differ per view), depth on
     * frames 0 and 1, a mask on frame 0, and a 7-point initial cloud named by ply_file_path.
     */
    static DatasetTruth nerfstudio(Path dir) throws IOException {
        double[] degrees = {-20, 0, 20};
        String[] extra = {", \"depth_file_path\": \"depth/f0.png\", \"mask_path\": \"masks/f0.png\"",
            ", \"depth_file_path\": \"depth/f1.png\", \"fl_x\": 40", ""};
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            TestPngs.rgba(dir.resolve("images/f" + i + ".png"), 32, 24);
            frames.append(i == 0 ? "" : ",").append("{\"file_path\": \"images/f").append(i)
                    .append(".png\", \"transform_matrix\": ").append(glMatrix(degrees[i])).append(extra[i]).append('}');
        }
        TestPngs.grey16(dir.resolve("depth/f0.png"), 32, 24, 3000);
        TestPngs.grey16(dir.resolve("depth/f1.png"), 32, 24, 3000);
        TestPngs.mask(dir.resolve("masks/f0.png"), 32, 24);
        PointCloud.of(new float[21]).write(dir.resolve("sparse_pc.ply"));
        Files.writeString(dir.resolve("transforms.json"), "{\"camera_model\": \"OPENCV\", \"fl_x\": 30, \"fl_y\": 32,"
                + " \"cx\": 15.5, \"cy\": 12.25, \"w\": 32, \"h\": 24, \"k1\": 0.01, \"k2\": -0.002, \"p1\": 0.001,"
                + " \"p2\": -0.001, \"ply_file_path\": \"sparse_pc.ply\", \"frames\": [" + frames + "]}");
        return new DatasetTruth("nerfstudio", DatasetTruth.splits("all", 3), "32x24", "OPENCV", null, 2, 1, 0, 0, 0,
                7, null, "cameras", centres(degrees), EXACT);
    }

    /**
     * DTU (IDR layout): cameras.npz with world_mat_i = K [R | t] and identity scale_mat_i, image/ and mask/. K puts
     * pixel centres on integers (cx 9.5, cy 7.5), which Glimpse reports shifted by half a pixel.
     */
    static DatasetTruth dtu(Path dir) throws IOException {
        double[] degrees = {-25, 0, 25};
        double[][] k = {{20, 0, 9.5}, {0, 22, 7.5}, {0, 0, 1}};
        try (OutputStream out = Files.newOutputStream(dir.resolve("cameras.npz"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < degrees.length; i++) {
                double[][] r = rotation(degrees[i]);
                double[] world = new double[16];
                for (int row = 0; row < 3; row++) {
                    for (int col = 0; col < 4; col++) {
                        double sum = 0;
                        for (int j = 0; j < 3; j++) {
                            sum += k[row][j] * (col < 3 ? r[j][col] : T[j]);
                        }
                        world[4 * row + col] = sum;
                    }
                }
                world[15] = 1;
                double[] identity = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
                NpyBytes.putMember(zip, "world_mat_" + i + ".npy",
                        NpyBytes.file("<f8", "(4, 4)", NpyBytes.float64(world)), false);
                NpyBytes.putMember(zip, "scale_mat_" + i + ".npy",
                        NpyBytes.file("<f8", "(4, 4)", NpyBytes.float64(identity)), true);
                TestImages.png(dir.resolve("image").resolve(String.format("%06d.png", i)), 20, 16);
                TestPngs.mask(dir.resolve("mask").resolve(String.format("%03d.png", i)), 20, 16);
            }
        }
        return new DatasetTruth("dtu", DatasetTruth.splits("all", 3), "20x16", "PINHOLE",
                new double[] {20, 22, 10, 8}, 0, 3, 0, 0, 0, null, null, "cameras", centres(degrees), EXACT);
    }

    /**
     * LLFF: poses_bounds.npy written byte by byte (N x 17 float64: a 3x5 [down, right, backwards, centre, hwf]
     * camera-to-world matrix, then near and far) and images/.
     */
    static DatasetTruth llff(Path dir) throws IOException {
        double[] degrees = {-10, 0, 10};
        double[] hwf = {12, 16, 20};
        double[] values = new double[17 * degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            double[][] r = rotation(degrees[i]);
            double[] c = centre(r);
            for (int row = 0; row < 3; row++) {
                double[] m = {r[1][row], r[0][row], -r[2][row], c[row], hwf[row]};
                System.arraycopy(m, 0, values, 17 * i + 5 * row, 5);
            }
            values[17 * i + 15] = 1.5;
            values[17 * i + 16] = 9;
            TestImages.png(dir.resolve("images/img" + i + ".png"), 16, 12);
        }
        Files.write(dir.resolve("poses_bounds.npy"), NpyBytes.file("<f8", "(3, 17)", NpyBytes.float64(values)));
        return new DatasetTruth("llff", DatasetTruth.splits("all", 3), "16x12", "PINHOLE",
                new double[] {20, 20, 8, 6}, 0, 0, 3, 0, 0, null, null, "cameras", centres(degrees), EXACT);
    }

    /**
     * COLMAP binary model written byte by byte from COLMAP's documented layout: one SIMPLE_RADIAL camera, images
     * b.png (id 1), a.png (id 2), c.png (id 3), and 10 points, the even ones seen by images 1 and 2, the odd ones
     * also by image 3 (mean track length 2.5). Views come in name order: a, b, c.
     */
    static DatasetTruth colmapBinary(Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("sparse/0"));
        ByteBuffer cameras = le(256).putLong(1).putInt(1).putInt(2).putLong(24).putLong(18)
                .putDouble(25).putDouble(12).putDouble(9).putDouble(0.01);
        String[] names = {"b.png", "a.png", "c.png"};
        double[] degrees = {0, -20, 20};
        ByteBuffer images = le(4096).putLong(3);
        for (int id = 1; id <= 3; id++) {
            double h = Math.toRadians(degrees[id - 1]) / 2;
            images.putInt(id).putDouble(Math.cos(h)).putDouble(0).putDouble(Math.sin(h)).putDouble(0)
                    .putDouble(T[0]).putDouble(T[1]).putDouble(T[2]).putInt(1)
                    .put((names[id - 1] + "\0").getBytes(StandardCharsets.UTF_8)).putLong(10);
            for (int p = 0; p < 10; p++) {
                images.putDouble(p).putDouble(p + 0.5).putLong(id < 3 || p % 2 == 1 ? p + 1 : -1);
            }
            TestImages.png(dir.resolve("images").resolve(names[id - 1]), 24, 18);
        }
        ByteBuffer points = le(4096).putLong(10);
        for (int p = 0; p < 10; p++) {
            int track = p % 2 == 0 ? 2 : 3;
            points.putLong(p + 1).putDouble(p * 0.1).putDouble(-p * 0.05).putDouble(0.2 * (p % 3))
                    .put((byte) 200).put((byte) 100).put((byte) p).putDouble(0.5).putLong(track);
            for (int id = 1; id <= track; id++) {
                points.putInt(id).putInt(p);
            }
        }
        Files.write(model.resolve("cameras.bin"), bytes(cameras));
        Files.write(model.resolve("images.bin"), bytes(images));
        Files.write(model.resolve("points3D.bin"), bytes(points));
        return new DatasetTruth("colmap", DatasetTruth.splits("all", 3), "24x18", "SIMPLE_RADIAL",
                new double[] {25, 25, 12, 9}, 0, 0, 0, 10, 2.5, null, null, "points", centres(-20, 0, 20), EXACT);
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }
}
