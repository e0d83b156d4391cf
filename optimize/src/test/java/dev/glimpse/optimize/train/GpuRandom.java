package dev.glimpse.optimize.train;

/** Java mirror of shaders/train/random.glsl (uint arithmetic on int bits), for checking GPU draws. */
final class GpuRandom {
    private GpuRandom() {}

    static int pcgHash(int v) {
        int state = v * 747796405 + (int) 2891336453L;
        int word = ((state >>> ((state >>> 28) + 4)) ^ state) * 277803737;
        return (word >>> 22) ^ word;
    }

    static int randomKey(long seed, int iteration, int id, int stream) {
        int seedLo = (int) seed;
        int seedHi = (int) (seed >>> 32);
        return pcgHash(stream ^ pcgHash(id ^ pcgHash(iteration ^ pcgHash(seedHi ^ pcgHash(seedLo)))));
    }

    static double uniform01(int key) {
        return ((key >>> 8) + 1) / 16777216.0;
    }

    /** The three standard normals of split child {@code child} of Gaussian {@code id}. */
    static double[] splitNormals(long seed, int iteration, int id, int child) {
        int base = 4 * child;
        double[] a = pair(randomKey(seed, iteration, id, base), randomKey(seed, iteration, id, base + 1));
        double[] b = pair(randomKey(seed, iteration, id, base + 2), randomKey(seed, iteration, id, base + 3));
        return new double[] {a[0], a[1], b[0]};
    }

    private static double[] pair(int keyA, int keyB) {
        double r = Math.sqrt(-2 * Math.log(uniform01(keyA)));
        double theta = 2 * Math.PI * uniform01(keyB);
        return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
    }
}
