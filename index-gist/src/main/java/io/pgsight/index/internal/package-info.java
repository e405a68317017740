/** Primitive collections and helpers shared by the index implementations; not an API. */
package io.pgsight.index.internal;
