package io.downline.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.downline.platform.events.EventJson;

/**
 * Figures of one benchmark, written to {@code target/bench/<name>.json} with the machine they ran on.
 * Benchmarks run only with {@code -Pbench}.
 */
public final class BenchReport {

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
    }

    public BenchReport put(String figure, Object value) {
        figures.put(figure, value);
        return this;
    }

    public Path write() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", name);
        report.put("at", Instant.now().toString());
        report.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version"),
                "jvm", ManagementFactory.getRuntimeMXBean().getVmName()));
        report.put("figures", figures);
        Path dir = Path.of(System.getProperty("bench.output.dir", "target/bench"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
