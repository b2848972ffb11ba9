package io.downline.platform.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * The dead-letter topic of every incoming channel, unless the channel names one:
 * {@code <downline.service.name>.<topic>.dlq}, e.g. {@code user-service.kyc.events.v1.dlq}. With the
 * connector's defaults in the platform's {@code microprofile-config.properties} (failure strategy
 * {@code dead-letter-queue}), a service's consumer needs only its {@code topic} and {@code group.id}. A channel
 * with {@code concurrency} runs copies named {@code <channel>$1}, {@code <channel>$2}...: they dead-letter to
 * their channel's topic.
 */
@Priority(Priorities.LIBRARY + 400)
public class ConsumerDefaults implements ConfigSourceInterceptor {

    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+|\"[^\"]+\")\\.dead-letter-queue\\.topic");

    private static final Pattern COPY_SUFFIX = Pattern.compile("\\$\\d+(\"?)$");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !name.startsWith("mp.messaging.incoming.")) {
            return value;
        }
        Matcher matcher = DLQ_TOPIC.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        ConfigValue service = context.proceed("downline.service.name");
        if (service == null || service.getValue() == null) {
            return null;
        }
        String channel = COPY_SUFFIX.matcher(matcher.group(1)).replaceFirst("$1");
        ConfigValue topic = context.proceed("mp.messaging.incoming." + channel + ".topic");
        String topicName = topic != null && topic.getValue() != null ? topic.getValue() : channel.replace("\"", "");
        return ConfigValue.builder()
                .withName(name)
                .withValue(service.getValue() + "." + topicName + ".dlq")
                .withConfigSourceName(ConsumerDefaults.class.getSimpleName())
                .build();
    }
}
