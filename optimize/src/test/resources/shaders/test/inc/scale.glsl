uint scaled(uint v) {
    return v * SCALE;
}
