package mrs.udfs.hitl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The analysts authorised to act on MRS, and their signing keys, read from a properties file (UTF-8).
 * The classpath default {@value #DEFAULT_RESOURCE} holds two <b>demo</b> analysts whose keys are public;
 * production mounts its own file (from a secret) and loads it with {@link #load(Path)}.
 *
 * <h2>File format</h2>
 * <pre>
 * roster.version = 2025-08-01          # optional, default "unversioned"; logged with every verdict
 * roster.demo = false                  # optional, default false; true marks a roster of public demo keys
 * analyst.&lt;id&gt;.key = &lt;hex&gt;            # required: HMAC-SHA256 key, ≥ 64 hex digits (32 bytes), see Signer
 * analyst.&lt;id&gt;.role = lead              # required: role label recorded with the analyst's actions
 * analyst.&lt;id&gt;.name = Alice Analyst     # optional display name
 * analyst.&lt;id&gt;.actions = confirm, …     # optional: the actions the analyst may issue (wire names); default all six
 * </pre>
 * {@code <id>} is the {@code analyst} field of an action, matched exactly (case-sensitive); it is made
 * of letters, digits, {@code _} and {@code -}. Validation is strict and fails with an
 * {@link IllegalArgumentException} naming the key: an unknown key (usually a typo), a missing key or
 * role, a key that is not hex or too short, an unknown action, an empty roster, or two analysts sharing
 * one key (a signature must identify one person). Messages never contain key material, and
 * {@link #toString()} does not either.
 */
public final class Roster implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the demo roster. */
    public static final String DEFAULT_RESOURCE = "/mrs/hitl/roster.properties";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> ATTRIBUTES = Set.of("key", "role", "name", "actions");

    /** One authorised analyst. Its key is never printed. */
    public static final class Analyst implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String role;
        private final String name;
        private final byte[] key;
        private final EnumSet<ActionType> actions;

        Analyst(String id, String role, String name, byte[] key, Set<ActionType> actions) {
            this.id = id;
            this.role = role;
            this.name = name;
            this.key = key.clone();
            this.actions = EnumSet.copyOf(actions);
        }

        /** The analyst id (the {@code analyst} field of their actions). */
        public String id() {
            return id;
        }

        /** The role label, recorded with the analyst's actions. */
        public String role() {
            return role;
        }

        /** Display name; the id when the file gives none. */
        public String name() {
            return name;
        }

        /** A copy of the signing key. */
        public byte[] key() {
            return key.clone();
        }

        /** The actions the analyst may issue. */
        public Set<ActionType> actions() {
            return Collections.unmodifiableSet(actions);
        }

        /** Whether the analyst may issue the action. */
        public boolean may(ActionType action) {
            return actions.contains(action);
        }

        @Override
        public String toString() {
            return "Analyst[" + id + ", role=" + role + ", actions=" + actions + "]";
        }
    }

    private final String version;
    private final boolean demo;
    private final Map<String, Analyst> analysts; // sorted by id

    private Roster(String version, boolean demo, Map<String, Analyst> analysts) {
        this.version = version;
        this.demo = demo;
        this.analysts = Collections.unmodifiableMap(analysts);
    }

    /** Loads and validates the demo roster from the classpath. */
    public static Roster load() {
        try (InputStream in = Roster.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("roster resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Loads and validates a roster file (UTF-8 properties). */
    public static Roster load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Roster load(InputStream in) throws IOException {
        Properties props = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return fromProperties(props);
    }

    /** Parses and validates a roster; throws {@link IllegalArgumentException} naming the bad key. */
    public static Roster fromProperties(Properties props) {
        String version = "unversioned";
        boolean demo = false;
        Map<String, Map<String, String>> byId = new TreeMap<>();
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(name).strip();
            if (name.equals("roster.version")) {
                if (value.isEmpty()) {
                    throw bad(name, "must not be empty");
                }
                version = value;
            } else if (name.equals("roster.demo")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw bad(name, "must be true or false, got '" + value + "'");
                }
                demo = Boolean.parseBoolean(value);
            } else if (name.startsWith("analyst.")) {
                int dot = name.lastIndexOf('.');
                String id = name.substring("analyst.".length(), Math.max(dot, "analyst.".length()));
                String attr = name.substring(dot + 1);
                if (!ID.matcher(id).matches()) {
                    throw bad(name, "expected analyst.<id>.<attribute> with an id of letters, digits, _ or -");
                }
                if (!ATTRIBUTES.contains(attr)) {
                    throw bad(name, "unknown attribute '" + attr + "' (expected one of key, role, name, actions)");
                }
                byId.computeIfAbsent(id, k -> new TreeMap<>()).put(attr, value);
            } else {
                throw bad(name, "unknown key (expected roster.version, roster.demo or analyst.<id>.<attribute>)");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("roster: no analysts (expected analyst.<id>.key and analyst.<id>.role)");
        }
        Map<String, Analyst> analysts = new TreeMap<>();
        Map<String, String> keyOwners = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : byId.entrySet()) {
            String id = e.getKey();
            Map<String, String> a = e.getValue();
            String prefix = "analyst." + id + ".";
            String hexKey = a.get("key");
            if (hexKey == null || hexKey.isEmpty()) {
                throw bad(prefix + "key", "is required");
            }
            byte[] key;
            try {
                key = Signer.decodeKey(hexKey);
            } catch (IllegalArgumentException ex) {
                throw bad(prefix + "key", ex.getMessage());
            }
            String other = keyOwners.putIfAbsent(HexFormat.of().formatHex(key), id);
            if (other != null) {
                throw bad(prefix + "key", "is the same key as analyst " + other
                        + "'s; every analyst needs their own key");
            }
            String role = a.get("role");
            if (role == null || role.isEmpty()) {
                throw bad(prefix + "role", "is required");
            }
            if (!ROLE.matcher(role).matches()) {
                throw bad(prefix + "role", "must be a word of letters, digits, _ or -, got '" + role + "'");
            }
            String display = a.getOrDefault("name", "");
            Set<ActionType> actions = EnumSet.allOf(ActionType.class);
            String list = a.get("actions");
            if (list != null) {
                actions = EnumSet.noneOf(ActionType.class);
                for (String w : list.split(",")) {
                    String wire = w.strip();
                    if (wire.isEmpty()) {
                        continue;
                    }
                    ActionType t = ActionType.fromWire(wire).orElseThrow(() -> bad(prefix + "actions",
                            "unknown action '" + wire + "' (expected " + Arrays.toString(ActionType.values()) + ")"));
                    actions.add(t);
                }
                if (actions.isEmpty()) {
                    throw bad(prefix + "actions", "is empty; remove the analyst instead");
                }
            }
            analysts.put(id, new Analyst(id, role, display.isEmpty() ? id : display, key, actions));
        }
        return new Roster(version, demo, analysts);
    }

    private static IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("roster: " + key + ": " + why);
    }

    /** The file's {@code roster.version}. */
    public String version() {
        return version;
    }

    /** Whether the file declares itself a demo roster (public keys: never for production). */
    public boolean demo() {
        return demo;
    }

    /** The analyst with exactly this id; empty when not in the roster (or null). */
    public Optional<Analyst> lookup(String analystId) {
        return analystId == null ? Optional.empty() : Optional.ofNullable(analysts.get(analystId));
    }

    /** Whether the id is an authorised analyst. */
    public boolean contains(String analystId) {
        return lookup(analystId).isPresent();
    }

    /** Authorised analyst ids, sorted. */
    public List<String> analystIds() {
        return List.copyOf(analysts.keySet());
    }

    /** Authorised analysts, sorted by id. */
    public List<Analyst> analysts() {
        return new ArrayList<>(analysts.values());
    }

    @Override
    public String toString() {
        return "Roster[version=" + version + ", demo=" + demo + ", analysts=" + analysts.keySet() + "]";
    }
}
