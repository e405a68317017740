package io.pgsight.imaging.bench;

import io.pgsight.imaging.ImagingOptions;
import io.pgsight.imaging.ImgsmlrFunctions;
import io.pgsight.imaging.Signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Throughput of jpeg2pattern + pattern2signature on the sample JPEGs (not a unit test). Usage:
 * {@code PatternThroughputBench [threads=2] [seconds=10] [file-name prefix]}; reads {@code -Dpgsight.shared}.
 * Wall-clock rates depend on what else runs on the machine, so it also reports images per CPU-second.
 */
public final class PatternThroughputBench {
    private static double perCpuSecond;
    private static double perProcessCpuSecond;

    private PatternThroughputBench() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String prefix = args.length > 2 ? args[2] : "";
        Path shared = Path.of(System.getProperty("pgsight.shared", "../shared"));
        List<byte[]> images = new ArrayList<>();
        for (Path dir : List.of(shared.resolve("testdata/images"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jpg") && p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                    images.add(Files.readAllBytes(f));
                }
            }
        }
        ImagingOptions options = ImagingOptions.defaults();
        for (byte[] img : images) {
            ImgsmlrFunctions.patternToSignature(ImgsmlrFunctions.jpegToPattern(img, options));
        }
        System.out.printf("images: %d JPEGs from %s, threads: %d, measuring %d s after %d s warm-up%n",
                images.size(), shared.resolve("testdata/images"), threads, seconds, 3);
        run(images, options, threads, 3, false);
        double rate = run(images, options, threads, seconds, true);
        System.out.printf("jpeg2pattern+pattern2signature: %.0f images/s wall clock (%.0f per thread)%n", rate, rate / threads);
        System.out.printf("per CPU-second of the worker threads: %.0f images (=> %.0f images/s on %d dedicated cores)%n",
                perCpuSecond, perCpuSecond * threads, threads);
        System.out.printf("per CPU-second of the whole process (GC, JIT included): %.0f images%n", perProcessCpuSecond);
        System.out.printf("load average during the run: %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double run(List<byte[]> images, ImagingOptions options, int threads, int seconds, boolean report)
            throws Exception {
        LongAdder done = new LongAdder();
        LongAdder workerCpu = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread w = new Thread(() -> {
                int i = offset;
                float sink = 0;
                try {
                    while (!stop.get()) {
                        Signature s = ImgsmlrFunctions.patternToSignature(
                                ImgsmlrFunctions.jpegToPattern(images.get(i++ % images.size()), options));
                        sink += s.get(15);
                        done.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    workerCpu.add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    if (sink == 12345.678f) {
                        System.out.print("");
                    }
                    finished.countDown();
                }
            });
            workers.add(w);
        }
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        perCpuSecond = done.sum() / (workerCpu.sum() / 1e9);
        perProcessCpuSecond = done.sum() / ((processCpuNanos() - cpu0) / 1e9);
        return done.sum() / elapsed;
    }
}
