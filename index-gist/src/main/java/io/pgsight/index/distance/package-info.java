/**
 * Distance functions: {@link io.pgsight.index.distance.VectorDistances} computes the values SQL
 * shows (pgvector's float32 summation order, scalar), {@link io.pgsight.index.distance.DistanceKernels}
 * the ranking distances indexes use (Vector API when the JVM has
 * {@code --add-modules jdk.incubator.vector}, else the same scalar loops), and
 * {@link io.pgsight.index.distance.IndexDistance} maps a {@link io.pgsight.index.Metric} to both.
 */
package io.pgsight.index.distance;
