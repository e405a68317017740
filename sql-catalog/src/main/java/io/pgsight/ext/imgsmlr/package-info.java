/**
 * The imgsmlr extension on the pgsight SPI: {@link io.pgsight.ext.imgsmlr.ImgsmlrExtension}
 * (imgsmlr 1.0's types, functions, operators and gist_signature_ops) and
 * {@link io.pgsight.ext.imgsmlr.ImgsmlrExtraExtension} (pgsight's image2pattern). The math lives
 * in the imaging module, the index in index-gist.
 */
package io.pgsight.ext.imgsmlr;
