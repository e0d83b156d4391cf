package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --preset sparse} on the bundled sample: it starts from the stereo points plus the random fill. */
class FitPresetTest {
    @TempDir
    Path dir;

    @Test
    void sparsePresetStartsFromStereoPointsPlusTheFill() throws Exception {
        Path sample = SharedDatasets.bundledSample("tabletop-128");
        Path out = dir.resolve("sparse");
        Cli.Result r = glimpse("fit", sample.toString(), "-o", out.toString(), "--downscale", "2", "--views", "4",
                "--preset", "sparse", "--iters", "1", "--seed", "1", "--checkpoint-every", "0");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        int fill = config.get("init").get("fillCount").asInt();
        assertThat(fill).isPositive();
        Matcher stereo = Pattern.compile("stereo: ([\\d,]+) fused points").matcher(r.err());
        Matcher start = Pattern.compile("([\\d,]+) initial Gaussians \\(mvs\\+cuboid\\)").matcher(r.err());
        assertThat(stereo.find()).as(r.err()).isTrue();
        assertThat(start.find()).as(r.err()).isTrue();
        int fused = number(stereo.group(1));
        int mvsPoints = config.get("init").get("mvsPoints").asInt();
        assertThat(fused).as("the sample's cloud is below the thinning cap, so all of it is used")
                .isPositive().isLessThanOrEqualTo(mvsPoints);
        assertThat(number(start.group(1))).isEqualTo(fused + fill);
    }

    private static int number(String withCommas) {
        return Integer.parseInt(withCommas.replace(",", "").toLowerCase(Locale.ROOT));
    }
}
