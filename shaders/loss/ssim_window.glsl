// The SSIM window: normalised 1-D Gaussian weights (11 taps, sigma 1.5), injected from Java
// (ImageMetrics.ssimKernel()) as SSIM_RADIUS and SSIM_WEIGHTS so the CPU metric and the GPU loss share them.
// Blurs use zero padding: taps outside the image contribute nothing ("same" convolution).

const float ssimWeights[2 * SSIM_RADIUS + 1] = SSIM_WEIGHTS;
