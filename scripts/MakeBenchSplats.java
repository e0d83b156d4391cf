import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.optimize.fit.BenchScene;
import java.nio.file.Path;

/**
 * Writes the synthetic benchmark Gaussians of `glimpse bench` (a unit cube filled with N random Gaussians sized to
 * tile it, SH degree 3) as a 3DGS PLY, for timing the viewer at a given Gaussian count.
 * Run with: java -cp app/target/glimpse.jar scripts/MakeBenchSplats.java OUT.ply N
 */
public class MakeBenchSplats {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        GaussianPly.write(Path.of(args[0]), BenchScene.gaussians(n, 3, 1));
        System.out.println("wrote " + n + " Gaussians to " + args[0]);
    }
}
