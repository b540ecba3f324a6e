package mrs.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the versioned DDL files (see {@link DdlParser} for the dialect) and brings an Iceberg
 * catalog up to them.
 *
 * <p>The files are validated as a whole when the applier is built: every {@code ALTER TABLE}
 * must follow the {@code CREATE TABLE} of its table, columns are unique, partition transforms fit
 * their columns. {@link #apply} is idempotent and state-based (no migration history is kept): it
 * creates the namespace and each missing table directly in its final shape (all {@code ADD COLUMN}s
 * included, so field ids are the same as if each migration had run in turn), adds to existing
 * tables only the {@code ADD COLUMN} columns they lack and sets only the {@code SET TBLPROPERTIES}
 * values that differ. A run against an up-to-date catalog commits nothing.
 *
 * <p>The classpath set lives in {@code mrs/ddl/}, listed in order by {@code mrs/ddl/index.txt} so
 * that it is found inside a jar too.
 */
public final class DdlApplier {

    private static final Logger LOG = LoggerFactory.getLogger(DdlApplier.class);

    /** Classpath directory of the MRS DDL set. */
    public static final String DEFAULT_RESOURCE_DIR = "mrs/ddl";

    /** The file in a DDL directory that lists its DDL files in order, one per line. */
    public static final String INDEX_FILE = "index.txt";

    /** Properties every table is created with unless its DDL says otherwise. */
    public static final Map<String, String> DEFAULT_TABLE_PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.PARQUET_COMPRESSION, "zstd");

    private final List<DdlFile> files;
    private final Map<String, TablePlan> plans;

    private DdlApplier(List<DdlFile> files) {
        this.files = List.copyOf(files);
        this.plans = Collections.unmodifiableMap(plan(this.files));
    }

    // ------------------------------------------------------------------------------- loading

    /** Parses and validates the given files, which must be in ascending version order. */
    public static DdlApplier of(List<DdlFile> files) {
        return new DdlApplier(files);
    }

    /** The MRS DDL set: {@value #DEFAULT_RESOURCE_DIR} on this module's classpath. */
    public static DdlApplier fromClasspath() {
        return fromClasspath(DEFAULT_RESOURCE_DIR);
    }

    /** The DDL set listed by {@code <directory>/index.txt} on the classpath (works inside jars). */
    public static DdlApplier fromClasspath(String directory) {
        return fromClasspath(directory, DdlApplier.class.getClassLoader());
    }

    public static DdlApplier fromClasspath(String directory, ClassLoader loader) {
        String dir = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        String indexName = dir + "/" + INDEX_FILE;
        String index = readResource(loader, indexName);
        if (index == null) {
            throw new DdlException("no DDL index on the classpath at " + indexName);
        }
        List<DdlFile> files = new ArrayList<>();
        for (String fileName : indexEntries(index, "classpath:" + indexName)) {
            String text = readResource(loader, dir + "/" + fileName);
            if (text == null) {
                throw new DdlException("classpath:" + indexName + " lists " + fileName
                        + " but classpath:" + dir + "/" + fileName + " does not exist");
            }
            files.add(new DdlFile(fileName, text));
        }
        return new DdlApplier(files);
    }

    /**
     * The DDL set in a directory: the files its {@code index.txt} lists or, without an index, every
     * {@code V*.sql} file in version order.
     */
    public static DdlApplier fromDirectory(Path directory) {
        try {
            Path index = directory.resolve(INDEX_FILE);
            List<String> names;
            if (Files.isRegularFile(index)) {
                names = indexEntries(Files.readString(index, StandardCharsets.UTF_8), index.toString());
            } else {
                try (Stream<Path> listing = Files.list(directory)) {
                    names = listing.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("V") && n.endsWith(".sql"))
                            .map(n -> new DdlFile(n, ""))
                            .sorted(Comparator.comparingInt(DdlFile::version))
                            .map(DdlFile::name)
                            .toList();
                }
            }
            List<DdlFile> files = new ArrayList<>();
            for (String name : names) {
                Path file = directory.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new DdlException(index + " lists " + name + " but " + file + " does not exist");
                }
                files.add(new DdlFile(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return new DdlApplier(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DDL directory " + directory, e);
        }
    }

    /** This DDL set without the files whose version is above {@code version}. */
    public DdlApplier upTo(int version) {
        return new DdlApplier(files.stream().filter(f -> f.version() <= version).toList());
    }

    static List<String> indexEntries(String index, String where) {
        List<String> names = new ArrayList<>();
        String[] lines = index.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (names.contains(line)) {
                throw new DdlException(where + ":" + (i + 1) + ": " + line + " is listed twice");
            }
            names.add(line);
        }
        if (names.isEmpty()) {
            throw new DdlException(where + " lists no DDL file");
        }
        return names;
    }

    static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + name, e);
        }
    }

    // ------------------------------------------------------------------------------- the model

    /** The files of this set, in the order they apply. */
    public List<DdlFile> files() {
        return files;
    }

    /** The highest file version, 0 for an empty set. */
    public int latestVersion() {
        return files.isEmpty() ? 0 : files.get(files.size() - 1).version();
    }

    /** Table names in the order their {@code CREATE TABLE} statements appear. */
    public List<String> tableNames() {
        return List.copyOf(plans.keySet());
    }

    /** The final shape of one table. */
    public TableDefinition table(String name) {
        TablePlan plan = plans.get(name);
        if (plan == null) {
            throw new IllegalArgumentException("no table '" + name + "' in the DDL set; known: " + plans.keySet());
        }
        return plan.definition;
    }

    /** Every table, in creation order. */
    public List<TableDefinition> tables() {
        return plans.values().stream().map(p -> p.definition).toList();
    }

    private static Map<String, TablePlan> plan(List<DdlFile> files) {
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        DdlFile previous = null;
        for (DdlFile file : files) {
            if (previous != null && file.version() <= previous.version()) {
                throw new DdlException("DDL file " + file.name() + " comes after " + previous.name()
                        + " but its version is not higher: versions must ascend in the index");
            }
            previous = file;
            for (DdlStatement statement : DdlParser.parse(file.name(), file.text())) {
                TablePlan plan = plans.get(statement.table());
                if (statement instanceof DdlStatement.CreateTable create) {
                    if (plan != null) {
                        throw DdlException.at(create.position(), "table '" + create.table()
                                + "' is already created at " + plan.createdAt
                                + "; change it with ALTER TABLE");
                    }
                    plans.put(create.table(), new TablePlan(create));
                } else if (plan == null) {
                    throw DdlException.at(statement.position(), "ALTER TABLE of unknown table '"
                            + statement.table() + "': no CREATE TABLE comes before it in this DDL set");
                } else if (statement instanceof DdlStatement.AddColumns add) {
                    plan.add(add);
                } else {
                    plan.set((DdlStatement.SetProperties) statement);
                }
            }
        }
        plans.values().forEach(TablePlan::finish);
        return plans;
    }

    /** Everything the DDL set says about one table, and where it says it. */
    private static final class TablePlan {
        final String name;
        final SourcePosition createdAt;
        final List<DdlStatement.Column> columns = new ArrayList<>();
        final Set<String> createColumns = new LinkedHashSet<>();
        final Map<String, SourcePosition> declaredAt = new LinkedHashMap<>();
        final List<DdlStatement.PartitionField> partitioning;
        final Map<String, String> createProperties = new LinkedHashMap<>();
        final Map<String, String> alterProperties = new LinkedHashMap<>();
        TableDefinition definition;

        TablePlan(DdlStatement.CreateTable create) {
            this.name = create.table();
            this.createdAt = create.position();
            for (DdlStatement.Column column : create.columns()) {
                addColumn(column);
                createColumns.add(column.name());
            }
            this.partitioning = create.partitioning();
            Set<String> partitioned = new java.util.HashSet<>();
            for (DdlStatement.PartitionField field : partitioning) {
                if (!createColumns.contains(field.column())) {
                    throw DdlException.at(field.position(), "partition " + field.describe()
                            + " names no column of table '" + name + "'");
                }
                if (!partitioned.add(field.transform() + ":" + field.column())) {
                    throw DdlException.at(field.position(), "partition " + field.describe() + " is given twice");
                }
            }
            createProperties.putAll(DEFAULT_TABLE_PROPERTIES);
            if (create.comment() != null) {
                createProperties.put("comment", create.comment());
            }
            createProperties.putAll(create.properties());
            // validate the partition transforms against the column types now, with positions
            buildSpec(schema(), partitioning, name);
        }

        void add(DdlStatement.AddColumns add) {
            for (DdlStatement.Column column : add.columns()) {
                SourcePosition earlier = declaredAt.get(column.name());
                if (earlier == null) {
                    addColumn(column);
                    continue;
                }
                if (!add.ifNotExists()) {
                    throw DdlException.at(column.position(), "column '" + column.name() + "' of table '"
                            + name + "' already exists (declared at " + earlier + ")");
                }
                DdlStatement.Column existing = columns.stream()
                        .filter(c -> c.name().equals(column.name())).findFirst().orElseThrow();
                if (!existing.type().equals(column.type())) {
                    throw DdlException.at(column.position(), "column '" + column.name() + "' of table '"
                            + name + "' is " + existing.type() + " (declared at " + earlier
                            + "), not " + column.type());
                }
            }
        }

        void set(DdlStatement.SetProperties set) {
            alterProperties.putAll(set.properties());
        }

        private void addColumn(DdlStatement.Column column) {
            SourcePosition earlier = declaredAt.putIfAbsent(column.name(), column.position());
            if (earlier != null) {
                throw DdlException.at(column.position(), "column '" + column.name() + "' of table '"
                        + name + "' is declared twice (first at " + earlier + ")");
            }
            columns.add(column);
        }

        Schema schema() {
            List<Types.NestedField> fields = new ArrayList<>();
            int id = 1;
            for (DdlStatement.Column c : columns) {
                fields.add(c.required()
                        ? Types.NestedField.required(id++, c.name(), c.type(), c.comment())
                        : Types.NestedField.optional(id++, c.name(), c.type(), c.comment()));
            }
            return new Schema(fields);
        }

        void finish() {
            Schema schema = schema();
            Map<String, String> props = new LinkedHashMap<>(createProperties);
            props.putAll(alterProperties);
            definition = new TableDefinition(name, schema, buildSpec(schema, partitioning, name), props);
        }
    }

    private static PartitionSpec buildSpec(Schema schema, List<DdlStatement.PartitionField> fields, String table) {
        // each field alone first: the builder checks transform/type fit only in build(), and a
        // field-by-field check lets the error point at the offending field
        for (DdlStatement.PartitionField f : fields) {
            try {
                addField(PartitionSpec.builderFor(schema), f).build();
            } catch (RuntimeException e) {
                throw DdlException.at(f.position(), "partition " + f.describe() + " of table '" + table
                        + "' is invalid: " + e.getMessage(), e);
            }
        }
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        fields.forEach(f -> addField(builder, f));
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new DdlException("partition spec of table '" + table + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static PartitionSpec.Builder addField(PartitionSpec.Builder builder, DdlStatement.PartitionField f) {
        return switch (f.transform()) {
            case "identity" -> builder.identity(f.column());
            case "years" -> builder.year(f.column());
            case "months" -> builder.month(f.column());
            case "days" -> builder.day(f.column());
            case "hours" -> builder.hour(f.column());
            case "bucket" -> builder.bucket(f.column(), f.argument());
            case "truncate" -> builder.truncate(f.column(), f.argument());
            default -> throw new IllegalStateException("unknown transform " + f.transform());
        };
    }

    // ------------------------------------------------------------------------------- applying

    /** What {@link #apply} did: table names by outcome. */
    public record Result(String namespace, List<String> created, List<String> migrated, List<String> upToDate) {
        public Result {
            created = List.copyOf(created);
            migrated = List.copyOf(migrated);
            upToDate = List.copyOf(upToDate);
        }

        /** True when anything was committed to the catalog. */
        public boolean changed() {
            return !created.isEmpty() || !migrated.isEmpty();
        }

        /** e.g. {@code namespace mrs: created 4, migrated 0, up to date 0}. */
        public String summary() {
            return "namespace " + namespace + ": created " + created.size() + ", migrated " + migrated.size()
                    + ", up to date " + upToDate.size();
        }

        @Override
        public String toString() {
            return summary() + " (created " + created + ", migrated " + migrated + ", up to date " + upToDate + ")";
        }
    }

    /**
     * Brings {@code namespace} in {@code catalog} up to this DDL set: creates the namespace and the
     * missing tables, adds missing columns, sets differing {@code SET TBLPROPERTIES} values.
     *
     * @throws DdlException when an existing table contradicts the DDL (a column of another type, or
     *     a {@code CREATE TABLE} column it lacks — released files must not be edited)
     */
    public Result apply(Catalog catalog, Namespace namespace) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(namespace, "namespace");
        ensureNamespace(catalog, namespace);
        List<String> created = new ArrayList<>();
        List<String> migrated = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        for (TablePlan plan : plans.values()) {
            TableIdentifier id = TableIdentifier.of(namespace, plan.name);
            if (!catalog.tableExists(id) && create(catalog, id, plan.definition)) {
                created.add(plan.name);
            } else if (migrate(catalog.loadTable(id), plan)) {
                migrated.add(plan.name);
            } else {
                upToDate.add(plan.name);
            }
        }
        Result result = new Result(namespace.toString(), created, migrated, upToDate);
        LOG.info("DDL v{} applied to catalog {}: {}", latestVersion(), catalog.name(), result);
        return result;
    }

    private static void ensureNamespace(Catalog catalog, Namespace namespace) {
        if (namespace.isEmpty() || !(catalog instanceof SupportsNamespaces namespaces)) {
            return;
        }
        if (!namespaces.namespaceExists(namespace)) {
            try {
                namespaces.createNamespace(namespace);
                LOG.info("Created namespace {}", namespace);
            } catch (RuntimeException e) {
                // another applier won the race: JdbcCatalog reports it as a failed INSERT, not
                // as AlreadyExistsException
                if (!namespaces.namespaceExists(namespace)) {
                    throw e;
                }
                LOG.debug("Namespace {} was created concurrently", namespace);
            }
        }
    }

    /** Creates the table in its final shape; false when another process created it first. */
    private static boolean create(Catalog catalog, TableIdentifier id, TableDefinition definition) {
        try {
            catalog.buildTable(id, definition.schema())
                    .withPartitionSpec(definition.spec())
                    .withProperties(definition.properties())
                    .create();
            LOG.info("Created table {} with {} columns, partitioned by {}", id, definition.schema().columns().size(),
                    definition.spec().fields());
            return true;
        } catch (RuntimeException e) {
            // AlreadyExistsException, or a failed INSERT from some catalogs, when another applier won
            if (!(e instanceof AlreadyExistsException) && !catalog.tableExists(id)) {
                throw e;
            }
            LOG.debug("Table {} was created concurrently", id);
            return false;
        }
    }

    /** Adds missing columns and differing properties; true when it committed anything. */
    private static boolean migrate(Table table, TablePlan plan) {
        Schema current = table.schema();
        List<DdlStatement.Column> missing = new ArrayList<>();
        for (DdlStatement.Column column : plan.columns) {
            Types.NestedField field = current.findField(column.name());
            if (field == null) {
                if (plan.createColumns.contains(column.name())) {
                    throw new DdlException("table " + table.name() + " exists but lacks column '" + column.name()
                            + "' of its CREATE TABLE (" + column.position() + "): a released DDL file was "
                            + "edited; add the column with ALTER TABLE ... ADD COLUMN in a new file instead");
                }
                missing.add(column);
            } else if (!field.type().equals(column.type())) {
                throw new DdlException("table " + table.name() + " column '" + column.name() + "' is "
                        + field.type() + " in the catalog but " + column.type() + " in the DDL ("
                        + column.position() + ")");
            } else if (column.required() && field.isOptional()) {
                LOG.warn("Table {} column '{}' is nullable in the catalog but NOT NULL in the DDL ({})",
                        table.name(), column.name(), column.position());
            }
        }
        Map<String, String> changedProps = new LinkedHashMap<>();
        plan.alterProperties.forEach((key, value) -> {
            String now = TableProperties.FORMAT_VERSION.equals(key)
                    ? formatVersion(table)
                    : table.properties().get(key);
            if (!value.equals(now)) {
                changedProps.put(key, value);
            }
        });
        warnOnSpecDrift(table, plan);

        if (!missing.isEmpty()) {
            UpdateSchema update = table.updateSchema();
            missing.forEach(c -> update.addColumn(c.name(), c.type(), c.comment()));
            update.commit();
            LOG.info("Table {}: added columns {}", table.name(),
                    missing.stream().map(DdlStatement.Column::name).toList());
        }
        if (!changedProps.isEmpty()) {
            UpdateProperties update = table.updateProperties();
            changedProps.forEach(update::set);
            update.commit();
            LOG.info("Table {}: set properties {}", table.name(), changedProps);
        }
        return !missing.isEmpty() || !changedProps.isEmpty();
    }

    private static String formatVersion(Table table) {
        return table instanceof HasTableOperations ops
                ? String.valueOf(ops.operations().current().formatVersion())
                : table.properties().get(TableProperties.FORMAT_VERSION);
    }

    /** Partition specs are never changed by the applier: a table whose spec differs is reported. */
    private static void warnOnSpecDrift(Table table, TablePlan plan) {
        PartitionSpec expected;
        try {
            expected = buildSpec(table.schema(), plan.partitioning, plan.name);
        } catch (DdlException e) {
            LOG.warn("Table {}: cannot compare its partition spec with the DDL: {}", table.name(), e.getMessage());
            return;
        }
        if (!expected.compatibleWith(table.spec())) {
            LOG.warn("Table {} is partitioned by {} but the DDL ({}) declares {}", table.name(),
                    table.spec().fields(), plan.createdAt, expected.fields());
        }
    }

    // ------------------------------------------------------------------------------- command line

    private static final String USAGE = String.join("\n",
            "Usage: mrs.ddl.DdlApplier [options]",
            "Creates or migrates the MRS Iceberg tables to the DDL set bundled in this jar.",
            "",
            "  --data-dir DIR               embedded catalog: SQLite JdbcCatalog in DIR/catalog.db,",
            "                               warehouse DIR/warehouse",
            "  --catalog-property KEY=VALUE Iceberg catalog property (repeat), e.g. type=rest,",
            "                               uri=http://catalog:8181, warehouse=s3://bucket/wh;",
            "                               with --data-dir they override the embedded ones",
            "  --catalog-name NAME          catalog name (default " + CatalogSettings.DEFAULT_NAME + ")",
            "  --namespace NS               namespace of the tables (default " + CatalogSettings.DEFAULT_NAMESPACE + ")",
            "  --ddl-dir DIR                apply the DDL files in DIR instead of the bundled ones",
            "  --help                       print this help",
            "",
            "Exit status: 0 done, 1 failed, 2 bad usage.");

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #main} without {@code System.exit}: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataDir = null;
        Path ddlDir = null;
        String name = CatalogSettings.DEFAULT_NAME;
        String namespace = CatalogSettings.DEFAULT_NAMESPACE;
        Map<String, String> props = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                    case "--ddl-dir" -> ddlDir = Path.of(value(args, ++i, arg));
                    case "--catalog-name" -> name = value(args, ++i, arg);
                    case "--namespace" -> namespace = value(args, ++i, arg);
                    case "--catalog-property" -> {
                        String kv = value(args, ++i, arg);
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--catalog-property needs KEY=VALUE, got '" + kv + "'");
                        }
                        props.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (dataDir == null && props.isEmpty()) {
                throw new IllegalArgumentException("give --data-dir or --catalog-property");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            CatalogSettings settings = dataDir != null
                    ? CatalogSettings.embedded(dataDir).withName(name).withNamespace(namespace).withProperties(props)
                    : CatalogSettings.fromProperties(name, namespace, props);
            DdlApplier applier = ddlDir != null ? fromDirectory(ddlDir) : fromClasspath();
            Catalog catalog = settings.load();
            try {
                Result result = applier.apply(catalog, settings.icebergNamespace());
                out.println("DDL v" + applier.latestVersion() + " on catalog " + settings.name() + ", "
                        + result.summary());
                result.created().forEach(t -> out.println("  created    " + t));
                result.migrated().forEach(t -> out.println("  migrated   " + t));
                result.upToDate().forEach(t -> out.println("  up to date " + t));
            } finally {
                if (catalog instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            return 0;
        } catch (IllegalArgumentException | DdlException e) {
            err.println("error: " + e.getMessage()); // the message says it all
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            LOG.error("DDL apply failed", e);
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
