package io.downline.notification.support;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.downline.platform.events.Topics;
import io.downline.platform.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * notification-service's own test servers, beside the platform's: a real SMTP server (GreenMail) that the
 * service's mailer sends to, and a small OpenID provider for the live page's browser login
 * ({@link TestLoginServer}). Every test class declares both resources, so one Quarkus start serves them all.
 */
public class MailAndLoginTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int COMMISSION_PARTITIONS = 4;

    private static GreenMail greenMail;
    private static TestLoginServer login;

    public static GreenMail mail() {
        return greenMail;
    }

    public static TestLoginServer login() {
        return login;
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        login = TestLoginServer.start();
        declareTopics();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()));
        config.put("downline.notifications.live-page.auth-server-url", login.realmUrl());
        config.put("LIVE_PAGE_CONNECT_SRC", login.origin());
        return config;
    }

    /**
     * Declares commissions.events.v1 with {@link #COMMISSION_PARTITIONS} partitions before the service starts, as
     * production declares its topics, so that the replica test can split them between two consumers.
     */
    private static void declareTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.COMMISSIONS, COMMISSION_PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        greenMail.stop();
        login.stop();
    }
}
