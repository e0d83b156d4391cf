package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.ply.PointCloud;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    private Path threeGaussians() throws Exception {
        GaussianPlyData d = GaussianPlyData.allocate(3, 3);
        for (int i = 0; i < 3; i++) {
            d.means()[3 * i] = i;
            d.quats()[4 * i] = 1;
            for (int k = 0; k < 16; k++) {
                for (int c = 0; c < 3; c++) {
                    d.sh()[(i * 16 + k) * 3 + c] = k + 0.1f * c;
                }
            }
        }
        d.logitOpacity()[0] = -5; // opacity 0.0067
        d.logitOpacity()[1] = 0;  // 0.5
        d.logitOpacity()[2] = 3;  // 0.95
        Path f = dir.resolve("in.ply");
        GaussianPly.write(f, d);
        return f;
    }

    @Test
    void splatsArePrunedByOpacityAndTruncatedInShDegree() throws Exception {
        Path out = dir.resolve("small.ply");
        Cli.Result r = glimpse("export", threeGaussians().toString(), "-o", out.toString(), "--min-opacity", "0.01",
                "--sh-degree", "1");
        assertThat(r.status()).as(r.err()).isZero();
        GaussianPlyData d = GaussianPly.read(out);
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.shDegree()).isEqualTo(1);
        assertThat(d.means()[0]).isEqualTo(1f); // the first (transparent) one is gone
        // Coefficient k of channel c survives at the same place of the shorter layout.
        assertThat(d.sh()[(1 * 4 + 3) * 3 + 2]).isCloseTo(3.2f, within(1e-6f));
    }

    @Test
    void pointsCarryTheDcColourAndOpacity() throws Exception {
        Path out = dir.resolve("points.ply");
        assertThat(glimpse("export", threeGaussians().toString(), "-o", out.toString(), "--as", "points",
                "--encoding", "ascii").status()).isZero();
        PointCloud p = PointCloud.read(out);
        assertThat(p.count()).isEqualTo(3);
        // DC of channel 1 is 0.1: colour 0.5 + C0 * 0.1 -> 135/255.
        assertThat(p.colors()[1] & 0xff).isEqualTo((int) Math.round(255 * (0.5 + 0.28209479177387814 * 0.1)));
        assertThat(p.extras().get("opacity")[2]).isCloseTo(0.9526f, within(1e-4f));
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Path in = threeGaussians();
        for (String[] extra : new String[][] {{"--as", "mesh"}, {"--sh-degree", "4"}, {"--encoding", "xml"},
            {"--min-opacity", "1.5"}}) {
            String[] args = new String[4 + extra.length];
            args[0] = "export";
            args[1] = in.toString();
            args[2] = "-o";
            args[3] = dir.resolve("x.ply").toString();
            System.arraycopy(extra, 0, args, 4, extra.length);
            Cli.Result r = glimpse(args);
            assertThat(r.status()).as(String.join(" ", extra)).isEqualTo(Main.EXIT_FAILURE);
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(glimpse("export", dir.resolve("none.ply").toString(), "-o", "x.ply").err()).contains("none.ply");
    }
}
