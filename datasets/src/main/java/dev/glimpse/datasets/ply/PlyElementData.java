package dev.glimpse.datasets.ply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The records of one element, held as one column per property in declaration order. */
public final class PlyElementData {
    private final PlyElement element;
    private final List<PlyColumn> columns;

    /** Pairs a declaration with its columns; sizes, kinds and types must match the declaration. */
    public PlyElementData(PlyElement element, List<PlyColumn> columns) {
        this.element = Objects.requireNonNull(element, "element");
        this.columns = List.copyOf(columns);
        if (this.columns.size() != element.properties().size()) {
            throw new IllegalArgumentException("element '" + element.name() + "' declares "
                    + element.properties().size() + " properties but has " + this.columns.size() + " columns");
        }
        for (int i = 0; i < this.columns.size(); i++) {
            PlyProperty property = element.properties().get(i);
            PlyColumn column = this.columns.get(i);
            if (column.size() != element.count()) {
                throw new IllegalArgumentException("column '" + property.name() + "' of element '" + element.name()
                        + "' has " + column.size() + " values, expected " + element.count());
            }
            if (property.isList() != (column instanceof PlyListColumn) || property.type() != column.type()) {
                throw new IllegalArgumentException("column '" + property.name() + "' of element '" + element.name()
                        + "' does not match its declaration '" + property.declaration() + "'");
            }
        }
    }

    /** Starts an element of {@code count} records whose properties are added in order. */
    public static Builder builder(String name, int count) {
        return new Builder(name, count);
    }

    /** The declaration. */
    public PlyElement element() {
        return element;
    }

    /** Element name. */
    public String name() {
        return element.name();
    }

    /** Number of records. */
    public int count() {
        return element.count();
    }

    /** Columns in property order. */
    public List<PlyColumn> columns() {
        return columns;
    }

    /** The column of the named property, if declared. */
    public Optional<PlyColumn> column(String propertyName) {
        for (int i = 0; i < columns.size(); i++) {
            if (element.properties().get(i).name().equals(propertyName)) {
                return Optional.of(columns.get(i));
            }
        }
        return Optional.empty();
    }

    /** The named scalar column, if declared as a scalar. */
    public Optional<PlyScalarColumn> scalar(String propertyName) {
        return column(propertyName).filter(PlyScalarColumn.class::isInstance).map(PlyScalarColumn.class::cast);
    }

    /** The named list column, if declared as a list. */
    public Optional<PlyListColumn> list(String propertyName) {
        return column(propertyName).filter(PlyListColumn.class::isInstance).map(PlyListColumn.class::cast);
    }

    /** Collects properties of one element in order; the declaration is derived from the columns. */
    public static final class Builder {
        private final String name;
        private final int count;
        private final List<PlyProperty> properties = new ArrayList<>();
        private final List<PlyColumn> columns = new ArrayList<>();

        private Builder(String name, int count) {
            this.name = name;
            this.count = count;
        }

        /** Adds a scalar property whose type is the column's. */
        public Builder scalar(String propertyName, PlyScalarColumn column) {
            properties.add(PlyProperty.scalar(propertyName, column.type()));
            columns.add(column);
            return this;
        }

        /** Adds a float property backed by {@code values} (not copied). */
        public Builder floats(String propertyName, float[] values) {
            return scalar(propertyName, PlyScalarColumn.ofFloats(values));
        }

        /** Adds a list property whose item type is the column's and whose lengths are {@code countType}. */
        public Builder list(String propertyName, PlyType countType, PlyListColumn column) {
            properties.add(PlyProperty.list(propertyName, countType, column.type()));
            columns.add(column);
            return this;
        }

        /** Validates and builds. */
        public PlyElementData build() {
            return new PlyElementData(new PlyElement(name, count, properties), columns);
        }
    }
}
