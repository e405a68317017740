package io.pgsight.imaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The functions keep no shared mutable state: parallel decodes give the sequential results. */
class ConcurrencyTest {
    @Test
    void parallelDecodesAgree() throws Exception {
        Map<String, Pattern> expected = GoldenImages.patterns();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 2; round++) {
                        for (GoldenImages.Row row : GoldenImages.rows().values()) {
                            byte[] data = SharedCorpus.read(GoldenImages.image(row.file()));
                            Pattern p = GoldenImages.compute(row.decoder(), data, io.pgsight.imaging.resample.Resampler.GD_2_3_3);
                            assertEquals(expected.get(row.file()), p, row.file());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
