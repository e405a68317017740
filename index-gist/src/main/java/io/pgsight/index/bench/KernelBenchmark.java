package io.pgsight.index.bench;

import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.distance.VectorDistances;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * JMH-free micro benchmark of the distance kernels (ns per squared-L2 distance at 80 and 128
 * dimensions, vectors spread over 16 MB so memory traffic is realistic): the scalar 8-lane loop,
 * a plain sequential loop, and whatever {@link DistanceKernels} dispatches to. Not a unit test.
 * <pre>java [--add-modules jdk.incubator.vector] -cp index-gist/target/classes io.pgsight.index.bench.KernelBenchmark</pre>
 */
public final class KernelBenchmark {
    public static void main(String[] args) {
        for (int dim : new int[] {80, 128}) {
            int n = (16 << 20) / dim;
            float[] data = new float[n * dim];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) r.nextDouble();
            }
            float[] q = new float[dim];
            for (int i = 0; i < dim; i++) {
                q[i] = (float) r.nextDouble();
            }
            for (int round = 0; round < 5; round++) {
                long t = System.nanoTime();
                float sink = 0;
                int calls = 0;
                for (int rep = 0; rep < 10; rep++) {
                    for (int i = 0; i < n; i++) {
                        sink += VectorDistances.l2Squared(q, 0, data, i * dim, dim);
                        calls++;
                    }
                }
                double eight = (System.nanoTime() - t) / (double) calls;
                t = System.nanoTime();
                for (int rep = 0; rep < 10; rep++) {
                    for (int i = 0; i < n; i++) {
                        sink += simple(q, data, i * dim, dim);
                    }
                }
                double plain = (System.nanoTime() - t) / (double) calls;
                t = System.nanoTime();
                for (int rep = 0; rep < 10; rep++) {
                    for (int i = 0; i < n; i++) {
                        sink += DistanceKernels.l2Squared(q, 0, data, i * dim, dim);
                    }
                }
                double dispatched = (System.nanoTime() - t) / (double) calls;
                System.out.printf(Locale.ROOT,
                        "dim %d round %d: scalar 8-lane %.1f ns, scalar sequential %.1f ns, DistanceKernels (simd=%s) %.1f ns"
                                + " (%s)%n", dim, round, eight, plain, DistanceKernels.simd(), dispatched,
                        sink > 0 ? "ok" : "?");
            }
        }
    }

    private static float simple(float[] a, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            float d = a[i] - b[bo + i];
            s += d * d;
        }
        return s;
    }
}
