package dev.imagecensus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a registry that counts what any client costs it, the same way for every client:
 * HTTP requests (header blocks ending in CRLF CRLF sent towards the registry; registry clients send no request
 * bodies) and bytes coming back (headers and bodies).
 */
final class CountingProxy implements AutoCloseable {

    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counting-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();

    CountingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** {@code 127.0.0.1:<port>}: use it as the registry part of references. */
    String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Requests and bytes since the last call. */
    long[] takeCounts() {
        return new long[] {requests.getAndSet(0), bytesDown.getAndSet(0)};
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pool.execute(() -> pump(client, upstream, true));
                pool.execute(() -> pump(upstream, client, false));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("proxy: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsRegistry) {
        byte[] buffer = new byte[64 * 1024];
        int matched = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (towardsRegistry) {
                    for (int i = 0; i < n; i++) {
                        matched = buffer[i] == END_OF_HEADERS[matched] ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
                        if (matched == END_OF_HEADERS.length) {
                            requests.incrementAndGet();
                            matched = 0;
                        }
                    }
                } else {
                    bytesDown.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side hung up: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
