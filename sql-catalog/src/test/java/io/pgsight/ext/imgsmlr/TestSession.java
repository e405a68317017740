package io.pgsight.ext.imgsmlr;

import io.pgsight.sql.spi.FunctionContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A FunctionContext that records notices and serves settings from a map. */
final class TestSession implements FunctionContext {
    final List<String> notices = new ArrayList<>();
    final Map<String, String> settings = new HashMap<>();

    @Override
    public void notice(String severity, String message) {
        notices.add(severity + ": " + message);
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public void checkCancelled() {
    }
}
