// Counter-based random numbers: a PCG hash of (seed, iteration, id, stream), so every draw is reproducible from
// the fit's seed without random state in memory, whatever the dispatch order.
// The test class dev.glimpse.optimize.train.GpuRandom mirrors these functions in Java.

uint pcgHash(uint v) {
    uint state = v * 747796405u + 2891336453u;
    uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
    return (word >> 22u) ^ word;
}

uint randomKey(uint seedLo, uint seedHi, uint iteration, uint id, uint stream) {
    return pcgHash(stream ^ pcgHash(id ^ pcgHash(iteration ^ pcgHash(seedHi ^ pcgHash(seedLo)))));
}

// Uniform in (0, 1]: never 0, so log() in Box-Muller stays finite.
float uniform01(uint key) {
    return float((key >> 8) + 1u) * (1.0 / 16777216.0);
}

// Standard normal pair by Box-Muller from two keys.
vec2 normalPair(uint keyA, uint keyB) {
    float r = sqrt(-2.0 * log(uniform01(keyA)));
    float theta = 6.283185307179586 * uniform01(keyB);
    return r * vec2(cos(theta), sin(theta));
}
