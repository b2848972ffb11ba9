package io.downline.platform.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

import io.downline.platform.testing.BenchReport;

/** Latency summaries, targets with pass/fail, and the write-then-assert order every benchmark follows. */
public final class BenchFigures {

    private static final Logger LOG = Logger.getLogger(BenchFigures.class);

    private BenchFigures() {
    }

    /** A histogram of microseconds, up to one minute, three significant digits. */
    public static Histogram micros() {
        return new Histogram(60_000_000L, 3);
    }

    public static void record(Histogram histogram, long startNanos) {
        histogram.recordValue(Math.max(1, Math.min(60_000_000L, (System.nanoTime() - startNanos) / 1_000)));
    }

    /** p50, p90, p99, max and mean in milliseconds of a histogram of microseconds. */
    public static Map<String, Object> summary(Histogram micros) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", micros.getTotalCount());
        summary.put("p50_ms", ms(micros.getValueAtPercentile(50)));
        summary.put("p90_ms", ms(micros.getValueAtPercentile(90)));
        summary.put("p99_ms", ms(micros.getValueAtPercentile(99)));
        summary.put("max_ms", ms(micros.getMaxValue()));
        summary.put("mean_ms", Math.round(micros.getMean()) / 1000.0);
        return summary;
    }

    public static double p99ms(Histogram micros) {
        return ms(micros.getValueAtPercentile(99));
    }

    public static double ms(long micros) {
        return micros / 1000.0;
    }

    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The machine as the report should describe it, beyond what BenchReport records. */
    public static Map<String, Object> host() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        host.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        return host;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Targets of one benchmark: each is written with its figure and verdict, asserted ones fail the test. */
    public static final class Targets {

        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final List<String> misses = new ArrayList<>();

        public Targets atMost(String name, double actual, double limit, String unit, boolean asserted) {
            return add(name, actual, "<=", limit, unit, asserted, actual <= limit);
        }

        public Targets atLeast(String name, double actual, double limit, String unit, boolean asserted) {
            return add(name, actual, ">=", limit, unit, asserted, actual >= limit);
        }

        private Targets add(String name, double actual, String op, double limit, String unit, boolean asserted,
                boolean pass) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", name);
            row.put("actual", round(actual, 3));
            row.put("required", op + " " + limit);
            row.put("unit", unit);
            row.put("pass", pass);
            row.put("asserted", asserted);
            rows.add(row);
            if (!pass && asserted) {
                misses.add(name + ": " + round(actual, 3) + " " + unit + ", required " + op + " " + limit + " " + unit);
            }
            return this;
        }

        /** Writes the report (targets included), then fails if an asserted target was missed. */
        public void writeAndAssert(BenchReport report) {
            report.put("targets", rows);
            report.put("pass", misses.isEmpty());
            Path file = report.write();
            LOG.infof("Benchmark figures written to %s", file.toAbsolutePath());
            if (!misses.isEmpty()) {
                throw new AssertionError("Missed target(s) (figures in " + file + "): " + String.join("; ", misses));
            }
        }
    }
}
