package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendSession;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Maps the (process id, secret key) pairs sent in BackendKeyData to live sessions, for CancelRequest. */
public final class CancelRegistry {
    /** What a client must present to cancel a session's statement. */
    public record Key(int processId, int secretKey) {
    }

    private record Entry(int secretKey, BackendSession session) {
    }

    private final ConcurrentHashMap<Integer, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextProcessId = new AtomicInteger(1000);
    private final SecureRandom random = new SecureRandom();

    public Key register(BackendSession session) {
        int secret = random.nextInt();
        while (true) {
            int pid = nextProcessId.getAndUpdate(p -> p == Integer.MAX_VALUE ? 1000 : p + 1);
            if (sessions.putIfAbsent(pid, new Entry(secret, session)) == null) {
                return new Key(pid, secret);
            }
        }
    }

    public void unregister(Key key) {
        sessions.remove(key.processId());
    }

    /** Cancels the session's running statement when the key matches; says whether it did. */
    public boolean cancel(int processId, int secretKey) {
        Entry entry = sessions.get(processId);
        if (entry == null || entry.secretKey() != secretKey) {
            return false;
        }
        entry.session().cancel();
        return true;
    }
}
