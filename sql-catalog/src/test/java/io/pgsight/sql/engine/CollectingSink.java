package io.pgsight.sql.engine;

import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.StatementSink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps columns, rows as text, tags, COPY data. */
final class CollectingSink implements StatementSink {
    List<ResultColumn> columns;
    final List<List<String>> rows = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    String copyInData = "";
    final ByteArrayOutputStream copyOut = new ByteArrayOutputStream();
    boolean empty;

    CollectingSink() {
    }

    CollectingSink(String copyData) {
        this.copyInData = copyData;
    }

    @Override
    public void columns(List<ResultColumn> c) {
        columns = c;
        rows.clear();
    }

    @Override
    public void row(byte[][] values) {
        List<String> r = new ArrayList<>();
        for (byte[] v : values) {
            r.add(v == null ? null : new String(v, StandardCharsets.UTF_8));
        }
        rows.add(r);
    }

    @Override
    public void complete(String tag) {
        tags.add(tag);
    }

    @Override
    public void emptyQuery() {
        empty = true;
    }

    @Override
    public InputStream copyIn(boolean binary, int columnCount) {
        return new ByteArrayInputStream(copyInData.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OutputStream copyOut(boolean binary, int columnCount) {
        return copyOut;
    }

    String lastTag() {
        return tags.isEmpty() ? null : tags.get(tags.size() - 1);
    }
}
