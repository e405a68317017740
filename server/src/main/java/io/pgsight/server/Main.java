package io.pgsight.server;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar pgsight.jar [options]}: starts the server and runs until interrupted. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("pgsight: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ServerOptions.USAGE);
            return;
        }
        PgsightServer server;
        try {
            server = PgsightServer.start(options);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("pgsight: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pgsight-shutdown"));
        System.out.printf("pgsight listening on %s:%d (auth %s, %s) in %d ms%n", options.listen(), server.port(),
                options.hbaFile() != null ? "from " + options.hbaFile() : options.auth().configName(), options.dataDir() == null ? "in memory" : "data in " + options.dataDir(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }
}
