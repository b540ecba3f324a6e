package mrs.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import mrs.config.MrsConfig;
import mrs.udfs.hitl.Roster;

/** The analyst roster the config names ({@code mrs.analyst.roster}), or the bundled demo roster. */
public final class Rosters {
    private Rosters() {}

    public static Roster load(MrsConfig cfg) {
        String file = cfg.analystRoster();
        if (file.isBlank()) {
            return Roster.load();
        }
        try {
            return Roster.load(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the analyst roster " + file, e);
        }
    }
}
