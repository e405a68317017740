/**
 * Row storage behind {@link io.pgsight.sql.storage.TableStorage}: MVCC
 * {@link io.pgsight.sql.storage.RowVersion}s with stable row ids (indexes refer to them), xmin/xmax
 * stamps and update chains. The in-memory implementation is a concurrent sorted map; a durable store
 * can replace it behind the same interface.
 */
package io.pgsight.sql.storage;
