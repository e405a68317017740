package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.persist.IndexSnapshotFiles;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.PgType;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Index images at checkpoints: which indexes get one (those whose instance can write a snapshot),
 * writing them, and at start-up swapping an index built empty by DDL replay for its restored image.
 * The image stands for the index as of its checkpoint; rows the log tail changes afterwards are
 * applied on top by the normal replay (see {@link EngineRecovery}).
 */
final class IndexImages {
    /** An index chosen at a checkpoint, with the names it had then. */
    private record Chosen(IndexSnapshotFiles.Key key, Table table, IndexInstance instance) {
    }

    private final IndexSnapshotFiles files;
    private final PrintStream messages;

    IndexImages(Path dataDir, PrintStream messages) {
        this.files = new IndexSnapshotFiles(dataDir);
        this.messages = messages;
    }

    static IndexSnapshotFiles.Key key(String database, Table t, IndexEntry idx) {
        return new IndexSnapshotFiles.Key(database, t.schema(), t.name(), idx.name(), idx.accessMethod());
    }

    /** Picks the indexes of checkpoint {@code id} (writers held off) and returns the work that writes them. */
    Runnable prepare(long id, Iterable<Database> databases) {
        List<Chosen> chosen = new ArrayList<>();
        for (Database db : databases) {
            for (Table t : db.catalog().relations()) {
                if (t.kind() != Table.Kind.TABLE || t.storage().nextRowId() < 0) {
                    continue;
                }
                for (IndexEntry idx : t.indexes()) {
                    if (idx.instance() != null && idx.instance().canSnapshot()) {
                        chosen.add(new Chosen(key(db.name(), t, idx), t, idx.instance()));
                    }
                }
            }
        }
        return () -> write(id, chosen);
    }

    private void write(long id, List<Chosen> chosen) {
        long started = System.nanoTime();
        long bytes = 0;
        int written = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Chosen c = chosen.get(i);
            try {
                bytes += files.write(id, i, c.key(), c.instance()::writeSnapshot, c.table().storage()::nextRowId);
                written++;
            } catch (IOException | RuntimeException e) {
                // the next start rebuilds this index from the rows
                messages.println("pgsight: checkpoint: could not write the image of index \"" + c.key().index()
                        + "\": " + e);
            }
        }
        files.removeAllBut(id);
        if (written > 0) {
            messages.printf("pgsight: checkpoint: wrote %d index images (%d MB) in %d ms%n", written, bytes >> 20,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The images available for checkpoint {@code id}. */
    Map<IndexSnapshotFiles.Key, Path> available(long id) {
        return files.find(id);
    }

    /**
     * Restores {@code idx} of {@code t} from {@code file}: returns the catalog entry holding the restored
     * instance and the row-id bound of the image, or null (with a log line) when the image is unusable.
     */
    Restored restore(long id, Path file, String database, Catalog catalog, Table t, IndexEntry idx, ExecContext ctx) {
        long started = System.nanoTime();
        IndexAccessMethod method = idx.operatorClasses().isEmpty() || idx.operatorClasses().get(0).implementation() == null
                ? catalog.accessMethod(idx.accessMethod()).implementation() : idx.operatorClasses().get(0).implementation();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        long total = size;
        long[] lastReport = {started};
        try {
            IndexSnapshotFiles.Restored<IndexInstance> r = files.read(file, id, key(database, t, idx),
                    in -> method.restore(context(catalog, t, idx, ctx), in), read -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] > 2_000_000_000L) {
                            lastReport[0] = now;
                            messages.printf("pgsight: recovery: loading index \"%s\" from its image: %d of %d MB%n",
                                    idx.name(), read >> 20, total >> 20);
                        }
                    });
            IndexEntry restored = new IndexEntry(idx.oid(), idx.name(), idx.tableOid(), idx.accessMethod(), idx.keyColumns(),
                    idx.expressions(), idx.operatorClasses(), idx.unique(), idx.primary(), idx.options(), r.index());
            messages.printf("pgsight: recovery: loaded index \"%s\" (%s) from its image (%d MB) in %d ms%n", idx.name(),
                    idx.accessMethod(), size >> 20, (System.nanoTime() - started) / 1_000_000);
            return new Restored(restored, r.nextRowId());
        } catch (IOException | RuntimeException e) {
            messages.println("pgsight: recovery: index image of \"" + idx.name() + "\" is unusable, rebuilding the index: "
                    + e.getMessage());
            return null;
        }
    }

    record Restored(IndexEntry entry, long nextRowId) {
    }

    /** The build context of {@code idx} as CREATE INDEX saw it, without rows (an image needs none). */
    private static IndexBuildContext context(Catalog catalog, Table t, IndexEntry idx, ExecContext ctx) {
        int last = idx.keyColumns().size() - 1;
        int att = idx.keyColumns().get(last);
        TExpr expr = idx.expressions().get(last);
        PgType keyType = att > 0 ? t.columns().get(att - 1).type() : expr == null ? null : expr.type();
        int typmod = att > 0 ? t.columns().get(att - 1).typmod() : expr == null ? -1 : expr.typmod();
        OperatorClassDef opclass = idx.operatorClasses().get(0).definition();
        return new IndexBuildContext() {
            @Override
            public String indexName() {
                return idx.name();
            }

            @Override
            public String tableName() {
                return t.name();
            }

            @Override
            public OperatorClassDef operatorClass() {
                return opclass;
            }

            @Override
            public Object options() {
                return idx.options();
            }

            @Override
            public int keyTypmod() {
                return typmod;
            }

            @Override
            public String keyTypeName() {
                return keyType == null ? null : catalog.formatType(keyType);
            }

            @Override
            public FunctionContext session() {
                return ctx;
            }

            @Override
            public void forEachRow(RowVisitor visitor) {
                throw new IllegalStateException("an index restored from its image has no rows to visit");
            }
        };
    }
}
