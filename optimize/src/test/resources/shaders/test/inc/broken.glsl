// Deliberately broken helper for the error-mapping test.

void broken() {
    float f = noSuchFunction(1.0);
}
