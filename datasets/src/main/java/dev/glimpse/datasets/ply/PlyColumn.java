package dev.glimpse.datasets.ply;

/** The values of one property across all records of an element. */
public sealed interface PlyColumn permits PlyScalarColumn, PlyListColumn {

    /** Number of records. */
    int size();

    /** Type of a scalar value, or of a list item. */
    PlyType type();
}
