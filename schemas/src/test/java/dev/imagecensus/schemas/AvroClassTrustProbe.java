package dev.imagecensus.schemas;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/** Run in a fresh JVM by {@link AvroClassTrustTest}: uses generated classes without installing anything first. */
public final class AvroClassTrustProbe {

    private AvroClassTrustProbe() {
    }

    public static void main(String[] args) throws Exception {
        ImageEvent event = ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster("c").setNamespace("n")
                .setPodName("web-1").setPodUid("u").setContainer("c").setImage("nginx").setObservedAt(Instant.EPOCH)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ImageEvent.class).write(event, encoder);
        encoder.flush();
        ImageEvent decoded = new SpecificDatumReader<>(ImageEvent.class)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        System.out.println("decoded " + decoded.getPodName() + " " + decoded.getContainerType());
    }
}
