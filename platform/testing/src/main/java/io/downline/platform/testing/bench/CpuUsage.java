package io.downline.platform.testing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * Where the machine's CPU went during a benchmark (Linux /proc; the benchmark shares a 2-core machine with
 * whatever else runs): this test JVM (service, clients, in-JVM broker), the PostgreSQL backends serving
 * this database, all other PostgreSQL processes, and everything else. In cores: CPU-seconds per wall second.
 */
public final class CpuUsage {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final DataSource dataSource;
    private final long wallStart;
    private final long[] machineStart;
    private final long jvmStart;
    private final Map<Long, Long> postgresStart;
    private final Map<Long, Long> ourBackendsStart;
    private final double[] loadStart;
    private final Map<Long, Long> threadsStart;
    private final Map<String, Long> jvmThreadsStart;
    private final Map<String, Long> brokerRequestsStart;

    private CpuUsage(DataSource dataSource) {
        this.dataSource = dataSource;
        this.wallStart = System.nanoTime();
        this.machineStart = machine();
        this.jvmStart = jvmNanos();
        this.postgresStart = postgresTicks();
        this.ourBackendsStart = ticksOf(ourBackends(dataSource));
        this.loadStart = loadAverage();
        this.threadsStart = threadNanos();
        this.jvmThreadsStart = jvmThreadTicks();
        this.brokerRequestsStart = brokerRequests();
    }

    public static CpuUsage start(DataSource dataSource) {
        return new CpuUsage(dataSource);
    }

    public Map<String, Object> stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long[] machineEnd = machine();
        double busy = (machineEnd[0] - machineStart[0] - (machineEnd[1] - machineStart[1])) / TICKS;
        double jvm = (jvmNanos() - jvmStart) / 1e9;
        Map<Long, Long> postgresEnd = postgresTicks();
        List<Long> ours = ourBackends(dataSource);
        double ourPostgres = 0;
        double allPostgres = 0;
        for (Map.Entry<Long, Long> process : postgresEnd.entrySet()) {
            double seconds = (process.getValue() - postgresStart.getOrDefault(process.getKey(), 0L)) / TICKS;
            allPostgres += seconds;
            if (ours.contains(process.getKey()) || ourBackendsStart.containsKey(process.getKey())) {
                ourPostgres += seconds;
            }
        }
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("wallSeconds", BenchFigures.round(wall, 2));
        usage.put("machineBusyCores", BenchFigures.round(busy / wall, 2));
        usage.put("thisTestJvmCores", BenchFigures.round(jvm / wall, 2));
        usage.put("postgresBackendsOfThisDatabaseCores", BenchFigures.round(ourPostgres / wall, 2));
        usage.put("otherPostgresCores", BenchFigures.round((allPostgres - ourPostgres) / wall, 2));
        usage.put("everythingElseCores", BenchFigures.round(Math.max(0, busy - jvm - allPostgres) / wall, 2));
        usage.put("loadAverage1mAtStartAndEnd", List.of(loadStart[0], loadAverage()[0]));
        Map<String, Double> groups = new LinkedHashMap<>();
        double threadsTotal = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (Map.Entry<Long, Long> thread : threadNanos().entrySet()) {
            var info = threads.getThreadInfo(thread.getKey());
            if (info == null) {
                continue;
            }
            double seconds = (thread.getValue() - threadsStart.getOrDefault(thread.getKey(), 0L)) / 1e9;
            threadsTotal += seconds;
            groups.merge(group(info.getThreadName()), seconds, Double::sum);
        }
        Map<String, Long> jvmThreadsEnd = jvmThreadTicks();
        double jit = (jvmThreadsEnd.get(JIT) - jvmThreadsStart.get(JIT)) / TICKS;
        double gc = (jvmThreadsEnd.get(GC) - jvmThreadsStart.get(GC)) / TICKS;
        groups.put(JIT, jit);
        groups.put(GC, gc);
        groups.put("JVM: other (exited threads, rounding)", Math.max(0, jvm - threadsTotal - jit - gc));
        Map<String, Object> jvmCores = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> jvmCores.put(e.getKey(), BenchFigures.round(e.getValue() / wall, 3)));
        usage.put("thisTestJvmCoresByThreadGroup", jvmCores);
        Map<String, Object> requests = new LinkedHashMap<>();
        brokerRequests().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - brokerRequestsStart.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> requests.put(e.getKey(), BenchFigures.round(e.getValue() / wall, 1)));
        usage.put("inJvmBrokerRequestsPerSecond", requests);
        return usage;
    }

    /** CPU-seconds of the named thread groups (see {@link #group}) during the measurement. */
    public static double seconds(Map<String, Object> usage, String... groups) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cores = (Map<String, Object>) usage.get("thisTestJvmCoresByThreadGroup");
        double wall = ((Number) usage.get("wallSeconds")).doubleValue();
        double sum = 0;
        for (String group : groups) {
            sum += ((Number) cores.getOrDefault(group, 0.0)).doubleValue() * wall;
        }
        return sum;
    }

    public static final String SERVICE_WORKERS = "service: REST worker threads (executor-thread-*)";
    public static final String SERVICE_IO = "service: HTTP event loops, OIDC (vert.x-eventloop-*)";
    public static final String SERVICE_RELAY = "service: outbox relay and its producer";
    public static final String SERVICE_OTHER = "service: other (consumers, scheduler, pool)";
    public static final String KAFKA_BROKER = "test harness: in-JVM Kafka broker";
    public static final String HARNESS = "test harness: benchmark threads, HTTP client, event reader";
    public static final String JIT = "JVM: JIT compiler threads";
    public static final String GC = "JVM: GC and VM threads";

    /** CPU-seconds the JIT compiler threads of this JVM have used so far. */
    public static double jitCompilerSeconds() {
        return jvmThreadTicks().get(JIT) / TICKS;
    }

    /** Ticks of the JVM's own threads, which Java cannot see, by their Linux names (/proc/self/task/n/comm). */
    private static Map<String, Long> jvmThreadTicks() {
        Map<String, Long> ticks = new HashMap<>(Map.of(JIT, 0L, GC, 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? GC
                            : null;
                    if (group != null) {
                        ticks.merge(group, ticksOf(task), Long::sum);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // thread gone meanwhile
                }
            });
        } catch (IOException ignored) {
            // no /proc: figures stay at zero
        }
        return ticks;
    }

    public static String group(String name) {
        if (name.startsWith("executor-thread")) {
            return SERVICE_WORKERS;
        }
        if (name.startsWith("vert.x-eventloop") || name.startsWith("vert.x-acceptor")) {
            return SERVICE_IO;
        }
        if (name.startsWith("outbox-relay") || name.contains("-outbox")) {
            return SERVICE_RELAY;
        }
        if (name.contains(" | ")) { // Kafka client threads are named "<role> | <client or group id>"
            return name.contains("| test-") ? HARNESS : SERVICE_OTHER;
        }
        if (name.startsWith("data-plane-kafka") || name.startsWith("kafka-") || name.startsWith("broker-")
                || name.startsWith("controller-") || name.startsWith("quorum-") || name.startsWith("group-coordinator")
                || name.startsWith("ExpirationReaper") || name.startsWith("executor-") || name.startsWith("raft-")
                || name.startsWith("share-") || name.contains("Reaper") || name.startsWith("LogDirFailureHandler")) {
            return KAFKA_BROKER;
        }
        if (name.startsWith("main") || name.startsWith("pool-") || name.startsWith("HttpClient")
                || name.startsWith("ForkJoinPool") || name.startsWith("surefire")) {
            return HARNESS;
        }
        return SERVICE_OTHER;
    }

    private static final ObjectName REQUEST_METERS = requestMeters();

    private static ObjectName requestMeters() {
        try {
            return new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests the in-JVM broker has served so far, by type (its {@code RequestsPerSec} meters, one per request type
     * and version); empty when the broker runs elsewhere.
     */
    private static Map<String, Long> brokerRequests() {
        Map<String, Long> counts = new HashMap<>();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName meter : server.queryNames(REQUEST_METERS, null)) {
            try {
                counts.merge(meter.getKeyProperty("request"),
                        ((Number) server.getAttribute(meter, "Count")).longValue(), Long::sum);
            } catch (JMException e) {
                // a meter gone meanwhile: the figures leave it out
            }
        }
        return counts;
    }

    private static Map<Long, Long> threadNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        if (!threads.isThreadCpuTimeSupported()) {
            return nanos;
        }
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                nanos.put(id, cpu);
            }
        }
        return nanos;
    }

    /** [total, idle + iowait] jiffies of the whole machine. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user..steal, not guest (already in user)
                total += Long.parseLong(f[i]);
            }
            return new long[] { total, Long.parseLong(f[4]) + Long.parseLong(f[5]) };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }

    private static long jvmNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static Map<Long, Long> postgresTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (Files.readString(p.resolve("comm")).trim().equals("postgres")) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        ticks.put(pid, ticksOf(pid));
                    }
                } catch (IOException | RuntimeException ignored) {
                    // gone meanwhile
                }
            });
        } catch (IOException ignored) {
            // no /proc: figures stay at zero
        }
        return ticks;
    }

    private static Map<Long, Long> ticksOf(List<Long> pids) {
        Map<Long, Long> ticks = new HashMap<>();
        pids.forEach(pid -> ticks.put(pid, ticksOf(pid)));
        return ticks;
    }

    private static long ticksOf(long pid) {
        return ticksOf(Path.of("/proc", Long.toString(pid)));
    }

    private static long ticksOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<Long> ourBackends(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            List<Long> pids = new java.util.ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
            return pids;
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] { Double.parseDouble(f[0]) };
        } catch (IOException | RuntimeException e) {
            return new double[] { -1 };
        }
    }
}
