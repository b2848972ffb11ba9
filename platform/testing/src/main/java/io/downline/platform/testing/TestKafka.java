package io.downline.platform.testing;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

import kafka.server.BrokerServer;

/**
 * A real KRaft Kafka broker (one combined broker and controller) inside the test JVM, started once and
 * shared by every Quarkus restart of that JVM. Tests can take the broker down and bring it back on the
 * same port to simulate an outage.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // A broker whose log directory fails halts the JVM. At exit, Kafka's own hook deletes the test
            // broker's directories while ours stops the broker, and that halt(1) would turn a passed run into
            // a failed fork ("Error occurred in starting fork"). In tests a failing broker fails the test instead.
            Exit.setHaltProcedure((status, message) ->
                    LOG.warnf("In-JVM Kafka broker asked to halt the JVM (status %d): %s; ignored", status, message));
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::close, "test-kafka-shutdown"));
        }
        return cluster.bootstrapServers();
    }

    /** Stops the broker gracefully; clients see it as gone until {@link #startBroker()}. */
    public static synchronized void stopBroker() {
        BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Brings the broker back on the same port and waits until it serves again. */
    public static synchronized void startBroker() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Test broker did not come back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BrokerServer broker() {
        if (cluster == null) {
            throw new IllegalStateException("The in-JVM broker is not running (external broker in use?)");
        }
        return cluster.brokers().values().iterator().next();
    }

    private static KafkaClusterTestKit start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    private static synchronized void close() {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
