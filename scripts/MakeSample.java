import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import javax.imageio.ImageIO;

/**
 * Makes the bundled sample scene: one of the shared benchmark scenes shrunk by an integer factor, so the README's
 * first command runs in a minute on a CPU. Run with: java scripts/MakeSample.java SRC_SCENE DEST FACTOR PLY_STRIDE
 * Images: box filter with alpha-weighted colour; depth: mean of the valid depths per block; COLMAP model:
 * intrinsics and 2-D observations scaled; surface points: every PLY_STRIDE-th point.
 */
public class MakeSample {
    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path dst = Path.of(args[1]);
        int f = Integer.parseInt(args[2]);
        int stride = Integer.parseInt(args[3]);
        for (String sub : List.of("images", "depth", "sparse/0")) {
            Files.createDirectories(dst.resolve(sub));
        }
        try (var files = Files.list(src.resolve("images"))) {
            for (Path p : files.sorted().toList()) {
                shrinkRgba(p, dst.resolve("images").resolve(p.getFileName()), f);
            }
        }
        try (var files = Files.list(src.resolve("depth"))) {
            for (Path p : files.sorted().toList()) {
                shrinkDepth(p, dst.resolve("depth").resolve(p.getFileName()), f);
            }
        }
        for (String split : List.of("train", "test")) {
            String json = Files.readString(src.resolve("transforms_" + split + ".json"));
            json = json.replaceAll("\"w\": *(\\d+)", "\"w\": " + 256 / f).replaceAll("\"h\": *(\\d+)", "\"h\": " + 256 / f);
            Files.writeString(dst.resolve("transforms_" + split + ".json"), json);
        }
        scaleColmap(src.resolve("sparse/0"), dst.resolve("sparse/0"), f);
        subsamplePly(src.resolve("points.ply"), dst.resolve("points.ply"), stride);
    }

    static void shrinkRgba(Path in, Path out, int f) throws IOException {
        BufferedImage img = ImageIO.read(in.toFile());
        int w = img.getWidth() / f, h = img.getHeight() / f;
        BufferedImage o = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
        var r = img.getRaster();
        WritableRaster wr = o.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] acc = new double[4];
                for (int dy = 0; dy < f; dy++) {
                    for (int dx = 0; dx < f; dx++) {
                        int[] px = r.getPixel(x * f + dx, y * f + dy, new int[4]);
                        double a = px[3] / 255.0;
                        for (int c = 0; c < 3; c++) {
                            acc[c] += px[c] * a;
                        }
                        acc[3] += a;
                    }
                }
                int[] px = new int[4];
                for (int c = 0; c < 3; c++) {
                    px[c] = acc[3] > 0 ? (int) Math.round(acc[c] / acc[3]) : 0;
                }
                px[3] = (int) Math.round(255 * acc[3] / (f * f));
                wr.setPixel(x, y, px);
            }
        }
        ImageIO.write(o, "png", out.toFile());
    }

    static void shrinkDepth(Path in, Path out, int f) throws IOException {
        BufferedImage img = ImageIO.read(in.toFile());
        int w = img.getWidth() / f, h = img.getHeight() / f;
        BufferedImage o = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        var r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long sum = 0;
                int n = 0;
                for (int dy = 0; dy < f; dy++) {
                    for (int dx = 0; dx < f; dx++) {
                        int d = r.getSample(x * f + dx, y * f + dy, 0);
                        if (d > 0) {
                            sum += d;
                            n++;
                        }
                    }
                }
                o.getRaster().setSample(x, y, 0, n == 0 ? 0 : (int) Math.round((double) sum / n));
            }
        }
        ImageIO.write(o, "png", out.toFile());
    }

    static void scaleColmap(Path in, Path out, int f) throws IOException {
        List<String> cams = new ArrayList<>();
        for (String line : Files.readAllLines(in.resolve("cameras.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                cams.add(line);
                continue;
            }
            String[] t = line.trim().split("\\s+");
            StringBuilder sb = new StringBuilder(t[0] + " " + t[1] + " " + Integer.parseInt(t[2]) / f + " " + Integer.parseInt(t[3]) / f);
            for (int i = 4; i < t.length; i++) {
                sb.append(' ').append(Double.parseDouble(t[i]) / f);
            }
            cams.add(sb.toString());
        }
        Files.write(out.resolve("cameras.txt"), cams);
        List<String> imgs = new ArrayList<>();
        boolean pointsLine = false;
        for (String line : Files.readAllLines(in.resolve("images.txt"))) {
            if (line.startsWith("#")) {
                imgs.add(line);
                continue;
            }
            if (pointsLine) {
                String[] t = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i + 2 < t.length; i += 3) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(Double.parseDouble(t[i]) / f).append(' ').append(Double.parseDouble(t[i + 1]) / f).append(' ').append(t[i + 2]);
                }
                imgs.add(sb.toString());
            } else {
                imgs.add(line);
            }
            pointsLine = !pointsLine;
        }
        Files.write(out.resolve("images.txt"), imgs);
        Files.copy(in.resolve("points3D.txt"), out.resolve("points3D.txt"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void subsamplePly(Path in, Path out, int stride) throws IOException {
        byte[] all = Files.readAllBytes(in);
        String head = new String(all, 0, Math.min(all.length, 2000), "ISO-8859-1");
        int end = head.indexOf("end_header\n") + "end_header\n".length();
        List<String> lines = new ArrayList<>(List.of(head.substring(0, end).split("\n")));
        int count = 0;
        int props = 0;
        for (String l : lines) {
            if (l.startsWith("element vertex")) {
                count = Integer.parseInt(l.split(" ")[2]);
            }
            if (l.startsWith("property float")) {
                props++;
            } else if (l.startsWith("property")) {
                throw new IOException("only float vertex properties supported: " + l);
            }
        }
        int kept = (count + stride - 1) / stride;
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (String l : lines) {
            bos.write(((l.startsWith("element vertex") ? "element vertex " + kept : l) + "\n").getBytes("ISO-8859-1"));
        }
        int rec = 4 * props;
        for (int i = 0; i < count; i += stride) {
            bos.write(all, end + i * rec, rec);
        }
        Files.write(out, bos.toByteArray());
    }
}
