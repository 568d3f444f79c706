package org.tongban.exchange;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange's settings ({@code tongban.exchange.*}). The schedules' intervals ({@code dispatch-interval},
 * {@code push-interval}, {@code national.interval}, {@code initial-delay}) are read by the scheduler itself.
 *
 * @param push     webhook pushes: attempts before a range is parked, and the first retry's delay (doubling after)
 * @param kafka    the Kafka engine, on when {@code bootstrap-servers} is set; partitions and replication of the topics
 * @param national the national platform's origin, the bearer token it issued (from the environment), the registered
 *                 subscriber whose subscriptions go up, and the province's code
 * @param open     the open data's requests a minute per address without a key
 * @param retention how long acknowledged messages can still be read again, and how long dispatched outbox rows are kept
 */
@ConfigurationProperties("tongban.exchange")
public record ExchangeSettings(@DefaultValue Push push, @DefaultValue Kafka kafka, @DefaultValue National national,
                               @DefaultValue Open open, @DefaultValue Retention retention) {

  public record Push(@DefaultValue("8") int maxAttempts, @DefaultValue("PT2S") Duration firstRetry) {}

  public record Kafka(@Nullable String bootstrapServers, @DefaultValue("6") int partitions,
                      @DefaultValue("1") short replication) {}

  public record National(@Nullable String baseUrl, @Nullable String token, @Nullable String clientId,
                         @DefaultValue("21") String sender) {}

  public record Open(@DefaultValue("60") int perAddress) {}

  public record Retention(@DefaultValue("P30D") Duration messages, @DefaultValue("P7D") Duration outbox) {}
}
