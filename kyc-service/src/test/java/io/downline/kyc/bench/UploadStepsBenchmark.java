package io.downline.kyc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;

import org.junit.jupiter.api.Test;

import io.downline.kyc.domain.EnvelopeCrypto;
import io.downline.kyc.service.DocumentInspector;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.bench.BenchFigures;

/**
 * CPU time of each step an upload's worker spends on the document itself, outside HTTP and the database: the
 * content check per format, SHA-256 and AES-GCM, on documents of about 1 MiB. Per-thread CPU time after a
 * warm-up, so the figures do not depend on what else the machine runs. Writes
 * {@code target/bench/kyc-upload-steps.json}; HTTP, the Idempotency-Key spool and the insert are in
 * {@link KycBenchmark}'s CPU split.
 */
class UploadStepsBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.steps.rounds", 100);
    static final int WARM_UP = Integer.getInteger("bench.steps.warm-up", 300);
    static final int SEGMENT = 1024 * 1024;

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @Test
    void cpuPerStepOfAOneMebibyteUpload() throws Exception {
        Path png = BenchDocuments.noisePng(592, "steps-png");
        Path jpeg = BenchDocuments.noiseJpeg(1000, "steps-jpeg");
        Path pdf = BenchDocuments.scannedPdf(jpeg, "steps-pdf");
        DocumentInspector inspector = new DocumentInspector(10L * SEGMENT, 100_000_000L);
        byte[] buffer = new byte[SEGMENT];
        byte[] key = EnvelopeCrypto.newDataKey(new SecureRandom());
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(new SecureRandom());
        UUID id = UUID.randomUUID();
        int pngLength;
        try (InputStream in = Files.newInputStream(png)) {
            pngLength = in.readNBytes(buffer, 0, SEGMENT);
        }

        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("read the 1 MiB PNG from the page cache", cpuMs(() -> {
            try (InputStream in = Files.newInputStream(png)) {
                in.readNBytes(buffer, 0, SEGMENT);
            }
        }));
        ms.put("check PNG (" + Files.size(png) + " bytes)", cpuMs(() -> inspector.inspect(png, "image/png")));
        ms.put("check JPEG (" + Files.size(jpeg) + " bytes)", cpuMs(() -> inspector.inspect(jpeg, "image/jpeg")));
        ms.put("check PDF (" + Files.size(pdf) + " bytes)", cpuMs(() -> inspector.inspect(pdf, "application/pdf")));
        ms.put("SHA-256 of 1 MiB", cpuMs(() -> MessageDigest.getInstance("SHA-256").update(buffer, 0, pngLength)));
        ms.put("AES-GCM seal of a 1 MiB segment", cpuMs(() -> EnvelopeCrypto.sealSegment(key, prefix, id, 0, true,
                buffer, pngLength)));

        BenchReport report = new BenchReport("kyc-upload-steps");
        report.put("host", BenchFigures.host());
        report.put("rounds", ROUNDS);
        report.put("warmUpRounds", WARM_UP);
        report.put("aesGcmProvider", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
        report.put("cpuMsPerRun", ms);
        report.write();
        for (Path file : List.of(png, jpeg, pdf)) {
            Files.delete(file);
        }
        assertThat(ms.values()).allSatisfy(value -> assertThat((Double) value).isPositive());
    }

    private static double cpuMs(Step step) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            step.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ROUNDS; i++) {
            step.run();
        }
        return BenchFigures.round((threads.getCurrentThreadCpuTime() - start) / 1e6 / ROUNDS, 3);
    }
}
