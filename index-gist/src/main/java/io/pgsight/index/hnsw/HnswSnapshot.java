package io.pgsight.index.hnsw;

import io.pgsight.index.internal.BulkIo;

import io.pgsight.index.Metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binary image of an {@link HnswIndex}: a header (format tag and version, dimensions, metric,
 * build parameters, level-generator position, element count, entry point, distance counters),
 * the graph storage ({@link HnswGraph#write}), then the extra row ids of elements shared by
 * identical vectors. The row-id map is not stored: it is rebuilt from the elements' row ids and
 * deleted flags.
 */
final class HnswSnapshot {
    private static final int MAGIC = 0x484E5357; // "HNSW"
    /** 2: link distances no longer written; 1 (still read) carried them. */
    static final int VERSION = 2;

    private HnswSnapshot() {
    }

    record Header(int version, int dimensions, Metric metric, HnswParams params, long insertCounter, int removals, int elements,
                  int entryNode, int entryLevel, long searchDistanceCalls, long pruneDistanceCalls) {
    }

    static void write(DataOutput out, Header h, HnswGraph graph) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(h.dimensions());
        out.writeUTF(h.metric().name());
        HnswParams p = h.params();
        out.writeInt(p.m());
        out.writeInt(p.efConstruction());
        out.writeBoolean(p.keepPrunedConnections());
        out.writeFloat(p.alpha());
        out.writeLong(p.seed());
        out.writeLong(h.insertCounter());
        out.writeInt(h.removals());
        out.writeInt(h.elements());
        out.writeInt(h.entryNode());
        out.writeInt(h.entryLevel());
        out.writeLong(h.searchDistanceCalls());
        out.writeLong(h.pruneDistanceCalls());
        graph.write(out, h.elements());
        // sorted so that equal indexes give equal images
        Map<Integer, long[]> shared = new TreeMap<>(graph.sharedRows);
        out.writeInt(shared.size());
        for (Map.Entry<Integer, long[]> e : shared.entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue().length);
            for (long r : e.getValue()) {
                out.writeLong(r);
            }
        }
    }

    static Header readHeader(DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an HNSW index snapshot");
        }
        int version = in.readInt();
        if (version != 1 && version != VERSION) {
            throw new IOException("unsupported HNSW snapshot version " + version);
        }
        int dimensions = in.readInt();
        Metric metric;
        try {
            metric = Metric.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt HNSW snapshot: unknown metric", e);
        }
        HnswParams params;
        try {
            params = new HnswParams(in.readInt(), in.readInt(), in.readBoolean(), in.readFloat(), in.readLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt HNSW snapshot: " + e.getMessage(), e);
        }
        Header h = new Header(version, dimensions, metric, params, in.readLong(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readLong(), in.readLong());
        if (dimensions < 1 || h.elements() < 0 || h.entryNode() >= h.elements()
                || (h.elements() > 0) != (h.entryNode() >= 0)) {
            throw new IOException("corrupt HNSW snapshot header");
        }
        return h;
    }

    static void readGraph(DataInput in, HnswGraph graph, Header h) throws IOException {
        int elements = h.elements();
        graph.read(in, elements, h.version() == 1);
        int shared = in.readInt();
        for (int i = 0; i < shared; i++) {
            int node = in.readInt();
            int n = in.readInt();
            if (node < 0 || node >= elements || n < 1 || n >= HnswIndex.MAX_ROWS_PER_ELEMENT) {
                throw new IOException("corrupt HNSW snapshot: shared rows of element " + node);
            }
            long[] rows = new long[n];
            for (int j = 0; j < n; j++) {
                rows[j] = in.readLong();
            }
            graph.sharedRows.put(node, rows);
        }
    }
}
