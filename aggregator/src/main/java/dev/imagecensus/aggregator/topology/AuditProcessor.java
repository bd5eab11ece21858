package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.AuditAction;
import dev.imagecensus.aggregator.domain.AuditEntry;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.KimagerLine;
import dev.imagecensus.schemas.avro.ImageAudit;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns per-image usage changes into ENTERED / LEFT audit records and kimager log lines. Whether an image was
 * already audited as in use is read from the changelogged {@code image-audit-state} store, so neither duplicates
 * nor restarts produce a second ENTERED.
 *
 * <p>It also retires the zero-container usage the aggregate leaves behind when the last container goes (kept only
 * so this LEFT can name that container), so {@code image-usage} holds images in use and nothing else. That store
 * has caching disabled, so the delete is neither deferred nor forwarded again.
 */
final class AuditProcessor implements FixedKeyProcessor<String, ImageUsage, ImageAudit> {

    /** The audit log, one kimager-format line per transition; give it a {@code %msg%n} pattern. */
    static final Logger AUDIT_LOG = LoggerFactory.getLogger("image-census.audit");

    private final InventoryListener listener;
    private FixedKeyProcessorContext<String, ImageAudit> context;
    private KeyValueStore<String, AuditMark> marks;
    private KeyValueStore<String, ?> usage;

    AuditProcessor(InventoryListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ImageAudit> context) {
        this.context = context;
        this.marks = context.getStateStore(Names.AUDIT_STATE);
        this.usage = context.getStateStore(Names.IMAGE_USAGE);
    }

    @Override
    public void process(FixedKeyRecord<String, ImageUsage> record) {
        String image = record.key();
        ImageUsage now = record.value();
        Optional<AuditAction> action = AuditEntry.transition(marks.get(image) != null, now);
        if (action.isPresent()) {
            AuditEntry entry = AuditEntry.of(image, action.get(), now, record.timestamp());
            if (entry.action() == AuditAction.ENTERED) {
                marks.put(image, new AuditMark(entry.at()));
            } else {
                marks.delete(image);
            }
            AUDIT_LOG.info(KimagerLine.format(entry));
            Dispatch.safely(image, () -> listener.onAudit(entry));
            context.forward(record.withValue(AvroMapping.audit(entry)));
        }
        if (now != null && !now.inUse()) {
            usage.delete(image);
        }
    }
}
