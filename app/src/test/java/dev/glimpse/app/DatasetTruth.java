package dev.glimpse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code glimpse info} must report for a dataset, known independently of Glimpse (the test wrote the files,
 * or read the benchmark scene's files itself), and the checks of both the JSON and the text output against it.
 *
 * @param intrinsics         fx, fy, cx, cy when all views share them, else null
 * @param initialCloudPoints vertex count of a nerfstudio {@code ply_file_path} cloud, or null when there is none
 * @param surfacePoints      vertex count of the ground-truth {@code points.ply}, or null when there is none
 * @param cameraCentres      the views' camera centres [views][3], or null to skip the centre and extent checks
 * @param centreTolerance    how closely the reported centre and extent must match: 1e-9 where the test wrote
 *                           exact doubles, the files' own precision where they store float32 matrices
 */
record DatasetTruth(String format, Map<String, Integer> splits, String resolution, String cameraModel,
        double[] intrinsics, int depth, int masks, int nearFar, int sparsePoints, double meanTrackLength,
        Integer initialCloudPoints, Integer surfacePoints, String boxSource, double[][] cameraCentres,
        double centreTolerance) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Integer> splits(Object... nameCountPairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameCountPairs.length; i += 2) {
            m.put((String) nameCountPairs[i], (Integer) nameCountPairs[i + 1]);
        }
        return m;
    }

    int views() {
        return splits.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Runs {@code glimpse info DIR --json [extra]} and checks every reported field. */
    JsonNode assertJson(String dir, String... extra) throws IOException {
        Cli.Result r = Cli.glimpse(args(dir, true, extra));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("format").asText()).isEqualTo(format);
        assertThat(o.get("views").asInt()).isEqualTo(views());
        Map<String, Integer> reportedSplits = new LinkedHashMap<>();
        o.get("splits").properties().forEach(e -> reportedSplits.put(e.getKey(), e.getValue().asInt()));
        assertThat(reportedSplits).containsExactlyEntriesOf(splits);
        assertThat(o.get("resolutions").toString()).isEqualTo("[\"" + resolution + "\"]");
        assertThat(o.get("cameraModels").toString()).isEqualTo("[\"" + cameraModel + "\"]");
        if (intrinsics == null) {
            assertThat(o.get("intrinsics").isNull()).isTrue();
        } else {
            JsonNode k = o.get("intrinsics");
            assertThat(new double[] {k.get("fx").asDouble(), k.get("fy").asDouble(), k.get("cx").asDouble(),
                k.get("cy").asDouble()}).containsExactly(intrinsics, within(1e-9));
        }
        assertThat(o.get("viewsWithDepth").asInt()).isEqualTo(depth);
        assertThat(o.get("viewsWithMask").asInt()).isEqualTo(masks);
        assertThat(o.get("viewsWithNearFar").asInt()).isEqualTo(nearFar);
        assertThat(o.get("sparsePoints").asInt()).isEqualTo(sparsePoints);
        assertThat(o.get("meanTrackLength").asDouble()).isCloseTo(meanTrackLength, within(1e-9));
        assertCloud(o.get("initialPointCloud"), initialCloudPoints);
        assertCloud(o.get("surfacePoints"), surfacePoints);
        JsonNode b = o.get("bounds");
        assertThat(b.get("boxSource").asText()).isEqualTo(boxSource);
        for (int a = 0; a < 3; a++) {
            assertThat(b.get("boxMin").get(a).asDouble()).isLessThan(b.get("boxMax").get(a).asDouble());
        }
        if (cameraCentres != null) {
            assertCameraBounds(b);
        }
        assertThat(o.get("loadSeconds").asDouble()).isPositive();
        boolean check = java.util.Arrays.asList(extra).contains("--check");
        assertThat(o.has("check")).isEqualTo(check);
        if (check) {
            JsonNode c = o.get("check");
            assertThat(c.get("images").asInt()).isEqualTo(views());
            assertThat(c.get("depthMaps").asInt()).isEqualTo(depth);
            assertThat(c.get("masks").asInt()).isEqualTo(masks);
            assertThat(c.get("decodeSeconds").asDouble()).isPositive();
        }
        return o;
    }

    /** The mean camera centre, and the extent as 1.1 x the largest distance of a centre from it. */
    private void assertCameraBounds(JsonNode b) {
        double[] mean = new double[3];
        for (double[] c : cameraCentres) {
            for (int a = 0; a < 3; a++) {
                mean[a] += c[a] / cameraCentres.length;
            }
        }
        double far = 0;
        for (double[] c : cameraCentres) {
            far = Math.max(far, Math.hypot(Math.hypot(c[0] - mean[0], c[1] - mean[1]), c[2] - mean[2]));
        }
        for (int a = 0; a < 3; a++) {
            assertThat(b.get("cameraCentre").get(a).asDouble()).isCloseTo(mean[a], within(centreTolerance));
        }
        assertThat(b.get("extent").asDouble()).isCloseTo(1.1 * far, within(centreTolerance));
    }

    private static void assertCloud(JsonNode node, Integer points) {
        if (points == null) {
            assertThat(node.isNull()).as("no point cloud expected").isTrue();
        } else {
            assertThat(node.get("points").asInt()).isEqualTo(points);
        }
    }

    /** Runs {@code glimpse info DIR [extra]} and checks the text lines against the same truth. */
    String assertText(String dir, String... extra) {
        Cli.Result r = Cli.glimpse(args(dir, false, extra));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        String splitList = splits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String camera = intrinsics == null ? " (intrinsics differ per view)" : String.format(Locale.ROOT,
                " (fx %.2f, fy %.2f, cx %.2f, cy %.2f)", intrinsics[0], intrinsics[1], intrinsics[2], intrinsics[3]);
        assertThat(r.out().lines()).contains(
                "format      " + format,
                "views       " + views() + " (" + splitList + ")",
                "resolution  " + resolution,
                "camera      " + cameraModel + camera,
                "depth       " + share(depth),
                "masks       " + share(masks),
                "near/far    " + share(nearFar),
                "points      " + (sparsePoints == 0 ? "none" : String.format(Locale.ROOT,
                        "%d sparse points, mean track length %.2f views", sparsePoints, meanTrackLength)),
                "surface GT  " + (surfacePoints == null ? "none" : "points.ply (" + surfacePoints + " points)"));
        if (initialCloudPoints == null) {
            assertThat(r.out()).doesNotContain("init cloud");
        } else {
            assertThat(r.out()).containsPattern("(?m)^init cloud  \\S+\\.ply \\(" + initialCloudPoints + " points\\)$");
        }
        assertThat(r.out()).containsPattern("(?m)^content     box .* \\(from " + boxSource + "\\)$");
        boolean check = java.util.Arrays.asList(extra).contains("--check");
        if (check) {
            assertThat(r.out()).containsPattern("(?m)^check       " + views() + " images, " + depth + " depth maps, "
                    + masks + " masks decoded in \\d+\\.\\d{3} s$");
        } else {
            assertThat(r.out()).doesNotContain("decoded");
        }
        return r.out();
    }

    private String share(int count) {
        int n = views();
        return count == 0 ? "none" : count == n ? "all " + n + " views" : count + " of " + n + " views";
    }

    private static String[] args(String dir, boolean json, String... extra) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("info", dir));
        a.addAll(java.util.List.of(extra));
        if (json) {
            a.add("--json");
        }
        return a.toArray(String[]::new);
    }
}
