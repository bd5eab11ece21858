package dev.imagecensus.app.demo;

import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pushes the synthetic images the demo uses to a plain-HTTP, anonymous registry ({@code --demo-registry}). */
public final class DemoRegistry {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

    private DemoRegistry() {
    }

    /**
     * Pushes every synthetic image a {@link DemoImages.Slot} refers to (idempotent: blobs already there are
     * skipped) and returns the demo images pointing at them.
     */
    public static DemoImages push(String hostPort) {
        if (!hostPort.matches("[^\\s/:]+:\\d{1,5}")) {
            throw new IllegalArgumentException("--demo-registry must be host:port, got '" + hostPort + "'");
        }
        List<SyntheticImage> images = Arrays.stream(DemoImages.Slot.values())
                .map(DemoImages.Slot::synthetic).flatMap(Optional::stream).distinct()
                .map(SyntheticImages::named).toList();
        ImagePusher pusher = new ImagePusher(URI.create("http://" + hostPort), null, null, null,
                ImagePusher.Upload.MONOLITHIC);
        try {
            pusher.pushAll(images);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot push the demo images to http://" + hostPort + ": "
                    + e.getMessage(), e);
        }
        log.info("Pushed {} synthetic images to {} ({} blobs uploaded)", images.size(), hostPort, pusher.blobsUploaded());
        return DemoImages.inRegistry(hostPort);
    }
}
