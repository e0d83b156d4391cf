package dev.glimpse.datasets.load.colmap;

import java.util.List;
import java.util.Optional;

/**
 * The camera models COLMAP defines, with the numeric id binary models store and the parameter list in the order
 * cameras.txt and cameras.bin hold it.
 */
public enum ColmapCameraModel {
    SIMPLE_PINHOLE(0, "f", "cx", "cy"),
    PINHOLE(1, "fx", "fy", "cx", "cy"),
    SIMPLE_RADIAL(2, "f", "cx", "cy", "k"),
    RADIAL(3, "f", "cx", "cy", "k1", "k2"),
    OPENCV(4, "fx", "fy", "cx", "cy", "k1", "k2", "p1", "p2"),
    OPENCV_FISHEYE(5, "fx", "fy", "cx", "cy", "k1", "k2", "k3", "k4"),
    FULL_OPENCV(6, "fx", "fy", "cx", "cy", "k1", "k2", "p1", "p2", "k3", "k4", "k5", "k6"),
    FOV(7, "fx", "fy", "cx", "cy", "omega"),
    SIMPLE_RADIAL_FISHEYE(8, "f", "cx", "cy", "k"),
    RADIAL_FISHEYE(9, "f", "cx", "cy", "k1", "k2"),
    THIN_PRISM_FISHEYE(10, "fx", "fy", "cx", "cy", "k1", "k2", "p1", "p2", "k3", "k4", "sx1", "sy1");

    private final int id;
    private final List<String> paramNames;

    ColmapCameraModel(int id, String... paramNames) {
        this.id = id;
        this.paramNames = List.of(paramNames);
    }

    /** The model id of cameras.bin. */
    public int id() {
        return id;
    }

    /** Parameter names in file order. */
    public List<String> paramNames() {
        return paramNames;
    }

    public int paramCount() {
        return paramNames.size();
    }

    public static Optional<ColmapCameraModel> byId(int id) {
        for (ColmapCameraModel m : values()) {
            if (m.id == id) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The model with this name as cameras.txt spells it (upper case, exact). */
    public static Optional<ColmapCameraModel> byName(String name) {
        for (ColmapCameraModel m : values()) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
