package kr.madang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s: the base and every overlay, rendered, read into the Kubernetes/Strimzi models and checked. */
class KubernetesManifestsTests {

    private static final Path K8S = Repository.path("deploy/k8s");
    private static final Set<String> KEDA_SPEC = Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod",
            "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback", "advanced",
            "triggers");
    private static final Set<String> KEDA_KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset", "excludePersistentLag", "version", "partitionLimitation", "sasl", "tls",
            "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions", "unsafeSsl");

    @Test
    void everyManifestFileIsPartOfAKustomizationAndReadsIntoItsModelWithoutUnknownFields() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).sorted().toList();
        }
        Set<Path> referenced = new HashSet<>();
        for (Path file : files) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                Map<String, Object> kustomization = Repository.documents(file).getFirst();
                for (String key : List.of("resources", "patches")) {
                    Object entries = kustomization.get(key);
                    if (entries instanceof List<?> list) {
                        for (Object entry : list) {
                            Object path = entry instanceof Map<?, ?> patch ? patch.get("path") : entry;
                            if (path != null) {
                                referenced.add(file.getParent().resolve(String.valueOf(path)).normalize());
                            }
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            if (!referenced.contains(file.normalize())) {
                problems.add(K8S.relativize(file) + " is in no kustomization");
            }
            for (Map<String, Object> manifest : Repository.documents(file)) {
                Models.unknownFields(Models.read(manifest)).forEach(field ->
                        problems.add(K8S.relativize(file) + ": " + Models.name(manifest) + " has unknown field " + field));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(files).hasSizeGreaterThan(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void everyDeploymentHasProbesResourcesAPodDisruptionBudgetAndAService(String kustomization) {
        Rendering rendering = render(kustomization);
        assertThat(rendering.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
        for (Deployment deployment : rendering.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(name + " pod labels match its selector")
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = kustomization + " " + name + "/" + container.getName();
                assertThat(container.getReadinessProbe()).as(where + " readiness").isNotNull();
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
                assertThat(container.getLivenessProbe()).as(where + " liveness").isNotNull();
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
                String probePort = container.getReadinessProbe().getHttpGet().getPort().getStrVal();
                assertThat(container.getPorts()).as(where + " probe port").anyMatch(p -> p.getName().equals(probePort));
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(resources.getRequests()).as(where + " requests").containsKey(resource);
                    assertThat(resources.getLimits()).as(where + " limits").containsKey(resource);
                    assertThat(Quantity.getAmountInBytes(resources.getLimits().get(resource)))
                            .as(where + " " + resource + " limit >= request")
                            .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get(resource)));
                }
                // the JVM heap is 60% of the limit; each service must stay small
                assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValue())
                        .as(where + " memory limit").isBetween(256L << 20, 1024L << 20);
                assertThat(container.getImage()).as(where + " image").contains(name);
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        assertThat(rendering.named(ConfigMap.class, source.getConfigMapRef().getName()))
                                .as(where + " ConfigMap " + source.getConfigMapRef().getName()).isNotNull();
                    }
                }
            }
            List<PodDisruptionBudget> budgets = rendering.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as(kustomization + " PDB of " + name).hasSize(1);
            List<Service> services = rendering.all(Service.class).stream()
                    .filter(service -> podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(services).as(kustomization + " Service of " + name).hasSize(1);
            String targetPort = services.getFirst().getSpec().getPorts().getFirst().getTargetPort().getStrVal();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts())
                    .anyMatch(port -> port.getName().equals(targetPort));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void everyServiceGetsTheSettingsItsOwnConfigurationAsksFor(String kustomization) {
        Rendering rendering = render(kustomization);
        Map<String, String> common = rendering.named(ConfigMap.class, "madang-common").getData();
        for (String service : Repository.SERVICES) {
            Map<String, String> own = rendering.named(ConfigMap.class, service).getData();
            Set<String> secrets = rendering.named(Deployment.class, service).getSpec().getTemplate().getSpec()
                    .getContainers().getFirst().getEnvFrom().stream()
                    .filter(source -> source.getSecretRef() != null)
                    .map(source -> source.getSecretRef().getName()).collect(Collectors.toSet());
            assertThat(secrets).as(service + " database login Secret").contains(service + "-db");
            Map<String, Set<String>> documented = Repository.documentedSecrets();
            Set<String> provided = new HashSet<>(common.keySet());
            provided.addAll(own.keySet());
            for (String secret : secrets) {
                assertThat(documented).as("deploy/README.md tells how to create Secret " + secret).containsKey(secret);
                provided.addAll(documented.get(secret));
            }
            assertThat(provided).as(kustomization + ": what " + service + "'s yml needs in a real deployment")
                    .containsAll(Repository.serviceConfig(service).requiredInDeployment());
            assertThat(own.get("MADANG_DB_URL")).as(service + " has its own database").contains("/" + service.replace("-service", ""));
        }
        assertThat(common).containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void registrationScalesOnCpuAndNotificationOnConsumerLagUpToItsPartitions(String kustomization) {
        Rendering rendering = render(kustomization);
        HorizontalPodAutoscaler hpa = rendering.named(HorizontalPodAutoscaler.class, "registration-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("registration-service");
        assertThat(hpa.getSpec().getMetrics()).anyMatch(metric -> metric.getResource() != null
                && metric.getResource().getName().equals("cpu"));
        assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        assertThat(rendering.named(Deployment.class, "registration-service").getSpec().getReplicas())
                .as("the HPA owns the replica count").isNull();

        GenericKubernetesResource scaled = rendering.named(GenericKubernetesResource.class, "notification-service");
        Map<String, Object> spec = asMap(scaled.getAdditionalProperties().get("spec"));
        assertThat(KEDA_SPEC).as("ScaledObject spec fields").containsAll(spec.keySet());
        assertThat(asMap(spec.get("scaleTargetRef")).get("name")).isEqualTo("notification-service");
        int min = ((Number) spec.get("minReplicaCount")).intValue();
        int max = ((Number) spec.get("maxReplicaCount")).intValue();
        assertThat(min).isPositive().isLessThanOrEqualTo(max);
        assertThat(rendering.named(Deployment.class, "notification-service").getSpec().getReplicas())
                .as("KEDA owns the replica count").isNull();

        Repository.ServiceConfig notification = Repository.serviceConfig("notification-service");
        Set<String> triggerTopics = new HashSet<>();
        for (Object trigger : (List<?>) spec.get("triggers")) {
            Map<String, Object> t = asMap(trigger);
            assertThat(t.get("type")).isEqualTo("kafka");
            Map<String, Object> metadata = asMap(t.get("metadata"));
            assertThat(KEDA_KAFKA_METADATA).as("kafka trigger metadata").containsAll(metadata.keySet());
            assertThat(metadata.get("consumerGroup")).isEqualTo(notification.consumerGroup());
            assertThat(metadata.get("bootstrapServers"))
                    .isEqualTo(rendering.named(ConfigMap.class, "madang-common").getData().get("MADANG_KAFKA"));
            assertThat(Integer.parseInt(String.valueOf(metadata.get("lagThreshold")))).isPositive();
            triggerTopics.add(String.valueOf(metadata.get("topic")));
        }
        assertThat(triggerTopics).as("lag is measured on every topic notification-service consumes")
                .containsExactlyInAnyOrderElementsOf(notification.consumedTopics());
        int partitions = triggerTopics.stream().mapToInt(topic -> rendering.topic(topic).getSpec().getPartitions())
                .max().orElseThrow();
        assertThat(max).as("replicas beyond the partition count would idle").isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void topicsAreTheOnesTheServicesUseReplicatedAndDeadLettersHaveRoomForEveryPartition(String kustomization) {
        Rendering rendering = render(kustomization);
        Map<String, String> expected = Repository.allTopicsWithSource();
        List<KafkaTopic> topics = rendering.all(KafkaTopic.class);
        assertThat(topics).extracting(topic -> topic.getSpec().getTopicName())
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (KafkaTopic topic : topics) {
            String name = topic.getSpec().getTopicName();
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "madang");
            assertThat(topic.getSpec().getReplicas()).as(name + " replicas").isEqualTo(3);
            assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas"))).as(name).isEqualTo("2");
            if ("compact".equals(String.valueOf(topic.getSpec().getConfig().get("cleanup.policy")))) {
                // a compacted topic keeps each key's latest value and drops it at its tombstone: no retention time
                assertThat(topic.getSpec().getConfig()).as(name).containsKeys("segment.ms", "max.compaction.lag.ms");
            } else {
                assertThat(Long.parseLong(String.valueOf(topic.getSpec().getConfig().get("retention.ms"))))
                        .as(name + " retention").isGreaterThanOrEqualTo(7L * 24 * 3600 * 1000);
            }
            assertThat(topic.getSpec().getPartitions()).as(name + " partitions").isGreaterThanOrEqualTo(3);
            String source = expected.get(name);
            if (source != null) {
                assertThat(topic.getSpec().getPartitions()).as(name + " has at least the partitions of " + source)
                        .isGreaterThanOrEqualTo(rendering.topic(source).getSpec().getPartitions());
                assertThat(Long.parseLong(String.valueOf(topic.getSpec().getConfig().get("retention.ms"))))
                        .as(name + " keeps dead letters at least as long as their source")
                        .isGreaterThanOrEqualTo(Long.parseLong(String.valueOf(
                                rendering.topic(source).getSpec().getConfig().get("retention.ms"))));
            }
        }
    }

    @Test
    void overlaysPinTheirOwnNamespaceAndImageTags() {
        for (String overlay : List.of("overlays/staging", "overlays/production")) {
            Rendering rendering = render(overlay);
            Set<String> namespaces = rendering.manifests().stream()
                    .map(m -> (String) Repository.dig(m, "metadata", "namespace")).collect(Collectors.toSet());
            assertThat(namespaces).as(overlay).hasSize(1).doesNotContainNull();
            for (Deployment deployment : rendering.all(Deployment.class)) {
                String image = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
                assertThat(image).as(overlay).doesNotEndWith("SNAPSHOT").doesNotEndWith(":latest").contains(":");
            }
        }
        assertThat(render("overlays/production").named(HorizontalPodAutoscaler.class, "registration-service")
                .getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void kafkaTopicsUseAnApiVersionStrimziServes() throws Exception {
        @SuppressWarnings("unchecked")
        List<String> versions = (List<String>) KafkaTopic.class.getField("VERSIONS").get(null);
        for (Map<String, Object> manifest : render("base").manifests()) {
            if ("KafkaTopic".equals(manifest.get("kind"))) {
                String version = String.valueOf(manifest.get("apiVersion"));
                assertThat(versions).contains(version.substring(version.indexOf('/') + 1));
            }
        }
    }

    private static Rendering render(String kustomization) {
        return new Rendering(Kustomize.render(K8S.resolve(kustomization)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    record Rendering(List<Map<String, Object>> manifests) {

        <T> List<T> all(Class<T> type) {
            return manifests.stream().filter(m -> Models.typeOf(m).equals(type)).map(m -> Models.read(m, type)).toList();
        }

        <T> T named(Class<T> type, String name) {
            return manifests.stream()
                    .filter(m -> Models.typeOf(m).equals(type) && name.equals(Repository.dig(m, "metadata", "name")))
                    .map(m -> Models.read(m, type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }

        KafkaTopic topic(String topicName) {
            return all(KafkaTopic.class).stream()
                    .filter(topic -> Objects.equals(topic.getSpec().getTopicName(), topicName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topicName));
        }
    }
}
