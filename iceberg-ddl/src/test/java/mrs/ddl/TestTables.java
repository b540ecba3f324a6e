package mrs.ddl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/** Writes and reads Iceberg rows with the generic (non-Flink) data API. */
final class TestTables {
    private static final AtomicInteger TASK_IDS = new AtomicInteger();

    private TestTables() {}

    /** A record of the table's current schema, filled by column name; other columns stay NULL. */
    static Record record(Table table, Map<String, Object> values) {
        return record(table.schema(), values);
    }

    static Record record(org.apache.iceberg.Schema schema, Map<String, Object> values) {
        GenericRecord record = GenericRecord.create(schema);
        values.forEach(record::setField);
        return record;
    }

    /** Writes the records as Parquet data files (one per partition) and commits one append. */
    static void append(Table table, List<Record> records) {
        OutputFileFactory files = OutputFileFactory.builderFor(table, 1, TASK_IDS.incrementAndGet())
                .format(FileFormat.PARQUET)
                .build();
        GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
                .dataFileFormat(FileFormat.PARQUET)
                .dataSchema(table.schema())
                .build();
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
        for (Record r : records) {
            PartitionKey key = new PartitionKey(table.spec(), table.schema());
            key.partition(wrapper.wrap(r));
            byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        AppendFiles append = table.newAppend();
        byPartition.forEach((key, rows) -> {
            DataWriter<Record> writer = writers.newDataWriter(files.newOutputFile(table.spec(), key), table.spec(), key);
            try (writer) {
                rows.forEach(writer::write);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            append.appendFile(writer.toDataFile());
        });
        append.commit();
    }

    /** Every row of the table's current snapshot, read with the table's current schema. */
    static List<Record> readAll(Table table) {
        List<Record> out = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            rows.forEach(r -> out.add(r.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
