package dev.imagecensus.enricher.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

/**
 * A response whose body is still to be read, holding its registry slot until closed. Body bytes are reported
 * to the listener as they are read.
 */
final class Exchange implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final RegistryGates.Permit permit;
    private final InputStream body;

    Exchange(HttpResponse<InputStream> response, RegistryGates.Permit permit, String registry, RegistryListener listener) {
        this.response = response;
        this.permit = permit;
        this.body = new FilterInputStream(response.body()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    listener.onBytes(registry, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    listener.onBytes(registry, n);
                }
                return n;
            }
        };
    }

    int status() {
        return response.statusCode();
    }

    HttpHeaders headers() {
        return response.headers();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    OptionalLong contentLength() {
        return response.headers().firstValueAsLong("Content-Length");
    }

    InputStream body() {
        return body;
    }

    /** Up to {@code max + 1} bytes of the body: more than {@code max} means it is too big. */
    byte[] readAtMost(long max) throws IOException {
        return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing only cancels the subscription
        } finally {
            permit.close();
        }
    }
}
