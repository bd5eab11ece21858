package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Classifies one image from what the registry client gathered: a pure function of {@link ClassificationInput}.
 *
 * <ul>
 *   <li>Not AVAILABLE: nothing was inspected; distro UNKNOWN, FIPS only from what the name and labels claim.</li>
 *   <li>Windows (config or platform os): distro NOT_APPLICABLE, Linux probes skipped.</li>
 *   <li>Otherwise the layers are merged; an incomplete scan (a bound hit, a partial layer, fewer layers read than
 *       the manifest lists) gives distro UNKNOWN rather than a guess, and FIPS UNKNOWN unless evidence was found.</li>
 * </ul>
 * FIPS status is the strongest evidence; ENFORCED and CAPABLE carry {@link #KERNEL_NOTE}.
 */
public final class Classifier {

    /** The caveat on every ENFORCED or CAPABLE result. */
    public static final String KERNEL_NOTE = "runtime FIPS mode also needs a FIPS-enabled host kernel "
            + "(fips=1, /proc/sys/crypto/fips_enabled = 1); the image alone cannot guarantee it";

    private Classifier() {
    }

    /** Classifies {@code in}. Never throws on odd facts; the result says what could not be known. */
    public static Classification classify(ClassificationInput in) {
        List<FipsEvidenceItem> evidence = new ArrayList<>(FipsClaims.of(in.reference(), in.config().labels()));
        boolean windows = in.config().isWindows() || (in.platform() != null && in.platform().isWindows());
        String partialReason = in.partial() ? in.partialReason() : null;
        DistroStatus distroStatus;
        DistroInfo distro = null;
        String fipsGap;
        if (in.existence() != Existence.AVAILABLE) {
            distroStatus = DistroStatus.UNKNOWN;
            fipsGap = "image not inspected: " + in.existence();
        } else if (windows) {
            distroStatus = DistroStatus.NOT_APPLICABLE;
            fipsGap = "Windows image: Linux probes skipped";
        } else {
            partialReason = scanGaps(in);
            MergedView view = LayerMerger.merge(in.layers());
            if (partialReason != null) {
                distroStatus = DistroStatus.UNKNOWN;
            } else {
                Optional<DistroInfo> detected = DistroDetector.detect(view);
                distroStatus = detected.isPresent() ? DistroStatus.DETECTED : DistroStatus.SCRATCH;
                distro = detected.orElse(null);
            }
            evidence.addAll(0, FipsDetector.fromFiles(view, in.config().environment()));
            fipsGap = partialReason != null ? "scan incomplete: " + partialReason : unscanned(view);
        }
        evidence.sort(Comparator.comparing(FipsEvidenceItem::strength)); // stable: file evidence before claims
        FipsStatus fips = evidence.isEmpty()
                ? (fipsGap == null ? FipsStatus.NOT_DETECTED : FipsStatus.UNKNOWN)
                : FipsStatus.valueOf(evidence.get(0).strength().name());
        return new Classification(in.reference(), in.existence(), in.existenceCheckedAt(), in.manifestDigest(),
                in.mediaType(), in.platform(), in.platforms(), distroStatus, distro, fips, evidence,
                note(fips, fipsGap), in.layerCount(), in.compressedBytes(), partialReason != null, partialReason,
                in.error(), in.classifiedAt());
    }

    /** Why the layer scan is incomplete, or null when every layer was read in full. */
    private static String scanGaps(ClassificationInput in) {
        List<String> reasons = new ArrayList<>();
        if (in.partial()) {
            reasons.add(in.partialReason());
        }
        for (int i = 0; i < in.layers().size(); i++) {
            LayerFacts layer = in.layers().get(i);
            if (layer.partial()) {
                reasons.add("layer " + i + ": " + layer.partialReason());
            }
        }
        if (in.layers().size() < in.layerCount()) {
            reasons.add("only " + in.layers().size() + " of " + in.layerCount() + " layers read");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Executables too large to scan leave FIPS open even when everything else was read. */
    private static String unscanned(MergedView view) {
        List<String> paths = view.entries().entrySet().stream()
                .filter(e -> e.getValue().kind() == FileFact.Kind.UNSCANNED).map(e -> e.getKey()).toList();
        if (paths.isEmpty()) {
            return null;
        }
        return paths.size() + " executable(s) too large to scan for Go build info: "
                + String.join(", ", paths.subList(0, Math.min(3, paths.size()))) + (paths.size() > 3 ? ", ..." : "");
    }

    private static String note(FipsStatus fips, String gap) {
        List<String> notes = new ArrayList<>();
        if (fips == FipsStatus.ENFORCED || fips == FipsStatus.CAPABLE) {
            notes.add(KERNEL_NOTE);
        }
        if (gap != null) {
            notes.add(gap);
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
