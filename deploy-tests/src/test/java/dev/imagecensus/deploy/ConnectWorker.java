package dev.imagecensus.deploy;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect worker (standalone herder, as {@code connect-standalone.sh} starts it) in this JVM, REST on
 * a free loopback port, offsets in a temporary file. Connector plugins come from the test classpath.
 */
public final class ConnectWorker implements AutoCloseable {

    private final Connect<StandaloneHerder> connect;

    private ConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    /** Starts a worker against {@code bootstrapServers}. */
    public static ConnectWorker start(String bootstrapServers) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", Files.createTempFile("connect-offsets", ".dat").toString());
        props.put("offset.flush.interval.ms", "1000");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("plugin.discovery", "only_scan");
        return new ConnectWorker(new ConnectStandalone().startConnect(props));
    }

    /** Creates (or replaces) connector {@code name} and waits until the herder accepted it. */
    public void putConnector(String name, Map<String, String> config) throws Exception {
        FutureCallback<Object> done = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, config, true, (error, result) -> done.onCompletion(error, result));
        done.get(60, TimeUnit.SECONDS);
    }

    /** The connector's and its tasks' states, e.g. for assertion messages. */
    public String status(String name) {
        return connect.herder().connectorStatus(name).toString();
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
