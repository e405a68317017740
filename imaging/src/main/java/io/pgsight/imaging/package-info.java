/**
 * imgsmlr's image-similarity math, bit-exact with the C extension built against libgd 2.3.3
 * (or older libgd generations, see {@link io.pgsight.imaging.resample.Resampler}).
 *
 * <p>Entry points: {@link io.pgsight.imaging.ImgsmlrFunctions} (jpeg/png/gif/image to
 * {@link io.pgsight.imaging.Pattern}, pattern to {@link io.pgsight.imaging.Signature}, shuffle),
 * {@link io.pgsight.imaging.Distances} (the two {@code <->} operators),
 * {@link io.pgsight.imaging.PatternText} / {@link io.pgsight.imaging.SignatureText} (text I/O with
 * PostgreSQL's error messages) and {@link io.pgsight.imaging.ImgsmlrBinary} (datum layout).
 * Sub-packages: {@code decode} (libgd's loaders on pinned ImageIO readers, plus a libgd GIF
 * decoder), {@code resample} (gdImageCopyResampled), {@code wavelet} (intensity, Haar, shuffle,
 * signature), {@code text} (C's %f and strtof). Nothing here imports other pgsight modules.
 */
package io.pgsight.imaging;
