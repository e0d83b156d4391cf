import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * PSNR in dB between two 8-bit RGB images of the same size, on [0, 1] values over all pixels and channels (as
 * SPLATTING.md defines it), plus the largest per-channel difference. Used to check that the viewer shows what
 * `glimpse render` writes. Run with: java scripts/ImagePsnr.java A.png B.png
 */
public class ImagePsnr {
    public static void main(String[] args) throws Exception {
        BufferedImage a = ImageIO.read(new File(args[0]));
        BufferedImage b = ImageIO.read(new File(args[1]));
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        double se = 0;
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    max = Math.max(max, d);
                    se += (d / 255.0) * (d / 255.0);
                }
            }
        }
        double mse = se / (3.0 * a.getWidth() * a.getHeight());
        System.out.printf("PSNR %s dB, max difference %d/255%n",
                mse == 0 ? "inf" : String.format("%.2f", -10 * Math.log10(mse)), max);
    }
}
