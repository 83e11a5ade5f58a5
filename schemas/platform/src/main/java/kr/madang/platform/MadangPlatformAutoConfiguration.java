package kr.madang.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.platform.inbox.ProcessedEvents;
import kr.madang.platform.inbox.ProcessedEventsJanitor;
import kr.madang.platform.kafka.KafkaHealthIndicator;
import kr.madang.platform.kafka.MadangKafkaProperties;
import kr.madang.platform.outbox.Outbox;
import kr.madang.platform.outbox.OutboxHeaderContributor;
import kr.madang.platform.outbox.OutboxMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kr.madang.platform.outbox.OutboxProperties;
import kr.madang.platform.outbox.TraceContextOutboxHeaders;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import kr.madang.platform.outbox.OutboxRelay;
import kr.madang.platform.outbox.OutboxSignal;
import kr.madang.platform.web.CorrelationIds;
import kr.madang.platform.web.ProblemResponses;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.schemas.avro.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every Madang service gets by depending on this module: the outbox and its relay, the idempotent
 * consumer guard, Avro on Kafka with bounded retries then a dead-letter topic per consumer group, the
 * topics, Kafka health, correlation ids and RFC 9457 problem responses. Defaults are in
 * {@code madang-platform-defaults.properties}; a service's own configuration overrides them.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({OutboxProperties.class, MadangKafkaProperties.class, kr.madang.platform.sealing.SealingProperties.class})
@PropertySource("classpath:madang-platform-defaults.properties")
public class MadangPlatformAutoConfiguration {

    public static final String PLATFORM_MIGRATIONS = "classpath:db/platform";

    // ---- database -------------------------------------------------------------------------------------------

    /** Platform tables first, with their own history table, then the service's own migrations. */
    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformThenServiceMigrations() {
        return flyway -> {
            Flyway.configure()
                    .dataSource(flyway.getConfiguration().getDataSource())
                    .locations(PLATFORM_MIGRATIONS)
                    .table("platform_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            flyway.migrate();
        };
    }

    // ---- outbox and inbox -----------------------------------------------------------------------------------

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxProperties properties, OutboxSignal signal,
                  ObjectProvider<OutboxHeaderContributor> headerContributors) {
        return new Outbox(jdbc, properties, signal, headerContributors.orderedStream().toList());
    }

    @Bean
    TraceContextOutboxHeaders traceContextOutboxHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextOutboxHeaders(tracer, propagator);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafkaTemplate,
                            OutboxProperties properties, OutboxSignal signal) {
        return new OutboxRelay(jdbc, transactions, kafkaTemplate, properties, signal);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc, OutboxRelay relay) {
        return new OutboxMetrics(jdbc, relay);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    ProcessedEventsJanitor processedEventsJanitor(ProcessedEvents processedEvents,
                                                  @org.springframework.beans.factory.annotation.Value("${madang.inbox.dedup-window:P30D}") Duration window) {
        return new ProcessedEventsJanitor(processedEvents, window);
    }

    // ---- personal-data access log ---------------------------------------------------------------------------

    @Bean
    kr.madang.platform.accesslog.PersonalDataAccessLog personalDataAccessLog(JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${madang.access-log.key}") String key,
            ObjectProvider<java.time.Clock> clock) {
        return new kr.madang.platform.accesslog.PersonalDataAccessLog(jdbc, java.util.Base64.getDecoder().decode(key),
                clock.getIfAvailable(java.time.Clock::systemUTC));
    }

    // ---- sealed fields and persons' data keys ------------------------------------------------------------------

    @Bean
    kr.madang.schemas.sealing.FieldSealer fieldSealer(kr.madang.platform.sealing.SealingProperties properties) {
        return properties.sealer();
    }

    @Bean
    kr.madang.platform.sealing.SubjectKeyStore subjectKeyStore(JdbcClient jdbc, Outbox outbox,
                                                             kr.madang.schemas.sealing.FieldSealer sealer) {
        return new kr.madang.platform.sealing.SubjectKeyStore(jdbc, outbox, sealer);
    }

    /** Only in services that read persons' sealed data: their copy of the data keys, from the compacted topic. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "madang.sealing.consume-subject-keys", havingValue = "true")
    kr.madang.platform.sealing.SubjectKeysListener subjectKeysListener(kr.madang.platform.sealing.SubjectKeyStore keys) {
        return new kr.madang.platform.sealing.SubjectKeysListener(keys);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "madang.sealing.consume-subject-keys", havingValue = "true")
    org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory<String, byte[]> subjectKeysContainerFactory(
            KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()));
        return factory;
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------

    /** Keys are aggregate ids; values are Avro events, or raw bytes (outbox rows, dead letters of unreadable records). */
    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, new AvroEventSerializer());
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactoryCustomizer avroConsumers() {
        return factory -> {
            DefaultKafkaConsumerFactory raw = factory;
            raw.setKeyDeserializer(new StringDeserializer());
            // An unreadable record becomes a DeserializationException for the error handler, not a stuck partition.
            raw.setValueDeserializer(new ErrorHandlingDeserializer<>(new AvroEventDeserializer()));
            raw.updateConfigs(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        };
    }

    /** Bounded retries with exponential backoff, then the record and its reason go to the group's dead-letter topic. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> kafkaTemplate, KafkaProperties kafka,
                                          MadangKafkaProperties properties, ObjectProvider<MeterRegistry> meters) {
        String group = kafka.getConsumer().getGroupId();
        var recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, e) -> new TopicPartition(Topics.deadLetterTopic(record.topic(), group), record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoffMillis(), 2.0);
        backOff.setMaxAttempts(properties.retries());
        MeterRegistry registry = meters.getIfAvailable();
        return new DefaultErrorHandler((record, e) -> {
            recoverer.accept(record, e);
            if (registry != null) {
                // madang_kafka_dead_letters_total{topic,group}: alerts fire when it moves
                Counter.builder("madang.kafka.dead.letters").description("Records sent to a dead-letter topic")
                        .tag("topic", record.topic()).tag("group", group == null ? "none" : group)
                        .register(registry).increment();
            }
        }, backOff);
    }

    @Bean
    org.springframework.kafka.core.KafkaAdmin.NewTopics madangTopics(KafkaProperties kafka, MadangKafkaProperties properties) {
        String group = kafka.getConsumer().getGroupId();
        var topics = new java.util.ArrayList<NewTopic>();
        for (String topic : new String[]{Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS, Topics.NOTIFICATION_EVENTS}) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
        }
        // persons' data keys: compacted, so an erased person's key (tombstoned) is gone from the log within
        // segment.ms + max.compaction.lag.ms, about 20 minutes; the tombstone itself names no one
        topics.add(new NewTopic(Topics.SUBJECT_KEYS, properties.partitions(), properties.replicas()).configs(Map.of(
                "cleanup.policy", "compact", "segment.ms", "600000", "max.compaction.lag.ms", "600000",
                "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "86400000")));
        for (String consumed : properties.consumedTopics()) {
            topics.add(new NewTopic(Topics.deadLetterTopic(consumed, group), properties.partitions(), properties.replicas()));
        }
        // KafkaAdmin creates the missing ones at start-up and leaves existing ones as they are.
        return new org.springframework.kafka.core.KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(3));
    }

    // ---- web ------------------------------------------------------------------------------------------------

    @Bean
    ProblemResponses madangProblemResponses() {
        return new ProblemResponses();
    }

    @Bean
    FilterRegistrationBean<CorrelationIds> madangCorrelationIds() {
        FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
