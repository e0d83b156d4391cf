package dev.glimpse.optimize.gpu;

/**
 * Implementation limits of a context that kernels size their dispatches and buffers against.
 *
 * @param maxStorageBlockBytes      largest range bindable as one shader storage block
 * @param maxWorkgroupCountX        most workgroups in one dispatch along x (y and z have their own limits)
 * @param maxWorkgroupCountY        most workgroups along y
 * @param maxWorkgroupCountZ        most workgroups along z
 * @param maxWorkgroupInvocations   most invocations in one workgroup
 * @param maxSharedMemoryBytes      shared memory per workgroup
 * @param storageOffsetAlignment    required alignment of a ranged SSBO binding offset
 */
public record GpuLimits(long maxStorageBlockBytes, int maxWorkgroupCountX, int maxWorkgroupCountY,
                        int maxWorkgroupCountZ, int maxWorkgroupInvocations, int maxSharedMemoryBytes,
                        int storageOffsetAlignment) {
}
