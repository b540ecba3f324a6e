package mrs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mrs.config.MrsConfig;

/** A small, strict argument reader shared by the subcommands: named options, then positionals. */
final class Args {
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> overrides = new LinkedHashMap<>();
    final List<String> positional = new ArrayList<>();
    boolean help;

    /** Thrown for a usage error; the message is shown with the command's usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static Args parse(String[] args, int from, List<String> valued, List<String> flags) {
        Args a = new Args();
        for (int i = from; i < args.length; i++) {
            String s = args[i];
            if (s.equals("--help") || s.equals("-h")) {
                a.help = true;
            } else if (s.equals("--set")) {
                String kv = value(args, ++i, s);
                int eq = kv.indexOf('=');
                if (eq < 1) {
                    throw new UsageException("--set expects key=value, got '" + kv + "'");
                }
                a.overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (s.startsWith("--")) {
                String name = s.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    a.put(name.substring(0, eq), name.substring(eq + 1), valued, flags);
                } else if (flags.contains(name)) {
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    a.options.put(name, value(args, ++i, s));
                } else {
                    throw new UsageException("unknown option " + s);
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    private void put(String name, String v, List<String> valued, List<String> flags) {
        if (!valued.contains(name) && !flags.contains(name)) {
            throw new UsageException("unknown option --" + name);
        }
        options.put(name, v);
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw new UsageException(opt + " needs a value");
        }
        return args[i];
    }

    String get(String name) {
        return options.get(name);
    }

    /** The config: defaults, then --config FILE, then --data-dir, then --set overrides. */
    MrsConfig config() {
        Map<String, String> o = new LinkedHashMap<>();
        if (options.containsKey("data-dir")) {
            o.put("mrs.data-dir", options.get("data-dir"));
        }
        o.putAll(overrides);
        String file = options.get("config");
        return MrsConfig.load(file == null ? null : Path.of(file), o);
    }
}
