package mrs.load;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import mrs.records.Report;
import mrs.sinks.MrsSinks;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The sink sets the benchmark gives {@code Topology.build}: the real ones with a probe on the detected
 * reports, or ones that discard everything (also probed). Built as dynamic proxies of {@link MrsSinks}
 * so that a log added to the interface later is still wired (to the real sink, or discarded) without
 * touching this class.
 *
 * <p>The probe is a map chained to the episode operator, in front of the report sink: for every report
 * revision it records the wall-clock time the revision left the episode operator and the end of the
 * newest window it includes ({@link Report#writtenAt}). The benchmark reads them from {@link #arrivals}
 * (the MiniCluster runs in this JVM).
 */
public final class ProbedSinks {
    private static final Map<String, ConcurrentLinkedQueue<Arrival>> ARRIVALS = new ConcurrentHashMap<>();

    /** One report revision as it reached the sink. */
    public record Arrival(long wallClock, long windowEnd, String reportId, int revision) {}

    private ProbedSinks() {}

    /** Reports seen so far by the probe of run {@code run}. */
    public static List<Arrival> arrivals(String run) {
        return List.copyOf(ARRIVALS.getOrDefault(run, new ConcurrentLinkedQueue<>()));
    }

    public static void forget(String run) {
        ARRIVALS.remove(run);
    }

    /** {@code delegate} with the probe in front of its {@code detected} sink. */
    public static MrsSinks probing(MrsSinks delegate, String run) {
        ARRIVALS.putIfAbsent(run, new ConcurrentLinkedQueue<>());
        return (MrsSinks) Proxy.newProxyInstance(MrsSinks.class.getClassLoader(), new Class<?>[] {MrsSinks.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(delegate, args);
                    }
                    Object[] a = args == null ? new Object[0] : args.clone();
                    if (method.getName().equals("detected") && a.length == 1) {
                        a[0] = probe(cast(a[0]), run);
                    }
                    try {
                        return method.invoke(delegate, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A sink set that drops every stream after the probe (for {@code --sinks discard}). */
    public static MrsSinks discarding(String run) {
        MrsSinks discard = (MrsSinks) Proxy.newProxyInstance(MrsSinks.class.getClassLoader(),
                new Class<?>[] {MrsSinks.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "discarding MrsSinks";
                        };
                    }
                    for (Object arg : args == null ? new Object[0] : args) {
                        if (arg instanceof DataStream<?> stream) {
                            stream.sinkTo(new DiscardingSink<>()).name(method.getName() + "-discard")
                                    .uid("bench-" + method.getName() + "-discard");
                        }
                    }
                    return null;
                });
        return probing(discard, run);
    }

    @SuppressWarnings("unchecked")
    private static DataStream<Report> cast(Object o) {
        return (DataStream<Report>) o;
    }

    private static DataStream<Report> probe(DataStream<Report> reports, String run) {
        return reports.map(new Probe(run)).returns(TypeInformation.of(Report.class))
                .name("bench-latency-probe").uid("bench-latency-probe");
    }

    /** Records each report's arrival; passes it on unchanged. */
    private static final class Probe implements MapFunction<Report, Report> {
        private final String run;

        Probe(String run) {
            this.run = run;
        }

        @Override
        public Report map(Report r) {
            ARRIVALS.computeIfAbsent(run, k -> new ConcurrentLinkedQueue<>())
                    .add(new Arrival(System.currentTimeMillis(), r.writtenAt, r.reportId, r.revision));
            return r;
        }
    }
}
