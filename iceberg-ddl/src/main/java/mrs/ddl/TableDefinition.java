package mrs.ddl;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * A table as the whole DDL set declares it: every {@code ADD COLUMN} applied, in column order (the
 * order writers must build rows in), with the field ids Iceberg gives a table this applier creates
 * (1..n in column order), its partition spec and the properties a new table is created with.
 */
public record TableDefinition(String name, Schema schema, PartitionSpec spec, Map<String, String> properties) {

    public TableDefinition {
        properties = Map.copyOf(properties);
    }

    /** Equal when name, properties, spec and schema (field ids, names, types, docs) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TableDefinition other
                && name.equals(other.name)
                && properties.equals(other.properties)
                && spec.equals(other.spec)
                && schema.sameSchema(other.schema);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, schema.asStruct(), spec, properties);
    }

    /** Column names in schema order. */
    public List<String> columnNames() {
        return schema.columns().stream().map(Types.NestedField::name).toList();
    }
}
