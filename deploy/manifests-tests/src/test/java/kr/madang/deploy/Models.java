package kr.madang.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Reads manifests into the fabric8 Kubernetes model (and Strimzi's model for KafkaTopic), and reports every field
 * the model does not know: fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so a typo
 * such as {@code readinessprobe} would otherwise pass silently.
 */
final class Models {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class,
            // KEDA publishes no Java model: read generically, checked field by field in KubernetesManifestsTests
            "keda.sh/v1alpha1/ScaledObject", GenericKubernetesResource.class);

    private Models() {
    }

    static Class<?> typeOf(Map<String, Object> manifest) {
        String key = manifest.get("apiVersion") + "/" + manifest.get("kind");
        Class<?> type = TYPES.get(key);
        if (type == null) {
            throw new AssertionError("No model for " + key + " (" + name(manifest) + "): add it to Models.TYPES");
        }
        return type;
    }

    static Object read(Map<String, Object> manifest) {
        return JSON.convertValue(manifest, typeOf(manifest));
    }

    static <T> T read(Map<String, Object> manifest, Class<T> type) {
        return JSON.convertValue(manifest, type);
    }

    static String name(Map<String, Object> manifest) {
        return manifest.get("kind") + "/" + Repository.dig(manifest, "metadata", "name");
    }

    /** Paths of fields the model did not recognise, e.g. {@code spec.template.spec.containers[0].readinessprobe}. */
    static List<String> unknownFields(Object model) {
        List<String> unknown = new ArrayList<>();
        walk(model, "", unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.containsKey(node)) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8") || pkg.startsWith("io.strimzi")) || node instanceof GenericKubernetesResource) {
            return;
        }
        seen.put(node, true);
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || Set.of("getClass", "getPlural", "getSingular", "getCRDName", "getScope", "getGroup",
                    "getVersion", "getKind", "getApiVersion").contains(getter.getName())) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(getter.getName().startsWith("is") ? 2 : 3))
                    + getter.getName().substring(getter.getName().startsWith("is") ? 3 : 4);
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> walk(item, path + "." + field + "." + key, unknown, seen));
            } else {
                walk(value, path.isEmpty() ? field : path + "." + field, unknown, seen);
            }
        }
    }
}
