package dev.imagecensus.embedded.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Pushes synthetic images to a registry over the OCI Distribution API: blobs (skipped when the registry has them,
 * else a monolithic PUT or PATCH chunks then PUT), the manifests an index needs by digest, then the tagged one;
 * DELETE for images meant to be gone. Answers basic and bearer-token challenges with its push credentials.
 * A test and demo fixture: failures throw.
 */
public final class ImagePusher {

    /** How blob bytes are sent. */
    public enum Upload { MONOLITHIC, CHUNKED }

    private static final int CHUNK_BYTES = 64 * 1024;

    private final URI base;
    private final HttpClient http;
    private final PushAuth auth;
    private final Upload upload;
    private final AtomicInteger blobsUploaded = new AtomicInteger();

    /**
     * @param registry    {@code http(s)://host:port}
     * @param username    null for an anonymous registry
     * @param sslContext  null for the JDK's default trust
     */
    public ImagePusher(URI registry, String username, String password, SSLContext sslContext, Upload upload) {
        this.base = registry;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        this.auth = new PushAuth(http, username, password);
        this.upload = upload;
    }

    /** A pusher with the registry's push credentials and trust, uploading monolithically. */
    public static ImagePusher to(DockerRegistryProcess registry) {
        return to(registry, Upload.MONOLITHIC);
    }

    public static ImagePusher to(DockerRegistryProcess registry, Upload upload) {
        return new ImagePusher(registry.url(), registry.pushUsername(), registry.pushPassword(), registry.sslContext(), upload);
    }

    /** Pushes every image (and deletes the ones meant to be deleted). Idempotent. */
    public void pushAll(Collection<SyntheticImage> images) {
        images.forEach(this::push);
    }

    /** Pushes one image: blobs, child manifests by digest, the tagged manifest; then deletes it if it is meant to be gone. */
    public void push(SyntheticImage image) {
        image.blobs().forEach(blob -> pushBlob(image.repository(), blob));
        image.childManifests().forEach(m -> pushManifest(image.repository(), m.digest(), m));
        pushManifest(image.repository(), image.tag(), image.manifest());
        if (image.deleteAfterPush()) {
            deleteManifest(image.repository(), image.digest());
        }
    }

    /** Uploads a blob unless the repository already has it. */
    public void pushBlob(String repository, Blob blob) {
        String scope = scope(repository);
        HttpResponse<String> head = send(request("/v2/" + repository + "/blobs/" + blob.digest())
                .method("HEAD", BodyPublishers.noBody()), scope);
        if (head.statusCode() == 200) {
            return;
        }
        HttpResponse<String> started = expect(send(request("/v2/" + repository + "/blobs/uploads/")
                .POST(BodyPublishers.noBody()), scope), 202, "start upload of " + blob.digest());
        String location = location(started);
        if (upload == Upload.CHUNKED) {
            byte[] bytes = blob.bytes();
            for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
                int to = Math.min(bytes.length, from + CHUNK_BYTES);
                HttpResponse<String> patched = expect(send(HttpRequest.newBuilder(base.resolve(location))
                        .header("Content-Type", "application/octet-stream")
                        .header("Content-Range", from + "-" + (to - 1))
                        .method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, from, to))), scope),
                        202, "upload chunk of " + blob.digest());
                location = location(patched);
            }
            expect(send(HttpRequest.newBuilder(withDigest(location, blob.digest())).PUT(BodyPublishers.noBody()), scope),
                    201, "finish upload of " + blob.digest());
        } else {
            expect(send(HttpRequest.newBuilder(withDigest(location, blob.digest()))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(BodyPublishers.ofByteArray(blob.bytes())), scope), 201, "upload " + blob.digest());
        }
        blobsUploaded.incrementAndGet();
    }

    /** PUTs a manifest under a tag or its digest. */
    public void pushManifest(String repository, String reference, Blob manifest) {
        expect(send(request("/v2/" + repository + "/manifests/" + reference)
                .header("Content-Type", manifest.mediaType())
                .PUT(BodyPublishers.ofByteArray(manifest.bytes())), scope(repository)), 201,
                "push manifest " + repository + ":" + reference);
    }

    /** Deletes a manifest by digest: every tag pointing at it then answers 404. */
    public void deleteManifest(String repository, String digest) {
        expect(send(request("/v2/" + repository + "/manifests/" + digest).DELETE(), scope(repository)), 202,
                "delete manifest " + repository + "@" + digest);
    }

    /** How many blobs this pusher actually uploaded (not skipped as already present). */
    public int blobsUploaded() {
        return blobsUploaded.get();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String scope) {
        try {
            HttpResponse<String> response = http.send(auth.authorize(request.copy(), scope).build(), BodyHandlers.ofString());
            if (response.statusCode() == 401 && auth.answer(response, scope)) {
                response = http.send(auth.authorize(request, scope).build(), BodyHandlers.ofString());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("registry " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing to " + base, e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("upload answer without Location"));
    }

    private URI withDigest(String location, String digest) {
        String separator = location.contains("?") ? "&" : "?";
        return base.resolve(location + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
    }

    private static String scope(String repository) {
        return "repository:" + repository + ":pull,push";
    }
}
