package kr.madang.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of Kustomize to render this repository's bases and overlays without the kustomize binary: resources
 * (files and nested kustomizations), namespace, labels, images, strategic-merge patches from files and JSON 6902
 * patches with a target. Anything else in a kustomization fails the test, so the renderer never silently skips a
 * feature the manifests start to use.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "patches");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new AssertionError("No kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Repository.documents(file).getFirst();
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new AssertionError(file + ": '" + key + "' is not supported by the test renderer; extend Kustomize");
            }
        }
        if (!"Kustomization".equals(kustomization.get("kind"))) {
            throw new AssertionError(file + ": kind must be Kustomization");
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path resource = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else if (Files.exists(resource)) {
                resources.addAll(Repository.documents(resource));
            } else {
                throw new AssertionError(file + ": resource " + entry + " does not exist");
            }
        }
        for (Object label : list(kustomization.get("labels"))) {
            Map<String, Object> pairs = map(map(label).get("pairs"));
            for (Map<String, Object> resource : resources) {
                map(map(resource.get("metadata")).computeIfAbsent("labels", key -> new LinkedHashMap<>())).putAll(pairs);
            }
        }
        for (Object image : list(kustomization.get("images"))) {
            applyImage(file, resources, map(image));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            applyPatch(dir, file, resources, map(patch));
        }
        if (kustomization.get("namespace") != null) {
            resources.forEach(resource -> map(resource.get("metadata")).put("namespace", kustomization.get("namespace")));
        }
        return resources;
    }

    private static void applyImage(Path file, List<Map<String, Object>> resources, Map<String, Object> image) {
        String name = String.valueOf(image.get("name"));
        boolean matched = false;
        for (Map<String, Object> container : containers(resources)) {
            String current = String.valueOf(container.get("image"));
            String currentName = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
            String currentTag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : null;
            if (currentName.equals(name)) {
                matched = true;
                String newName = image.get("newName") != null ? String.valueOf(image.get("newName")) : currentName;
                String newTag = image.get("newTag") != null ? String.valueOf(image.get("newTag")) : currentTag;
                container.put("image", newTag == null ? newName : newName + ":" + newTag);
            }
        }
        if (!matched) {
            throw new AssertionError(file + ": image " + name + " matches no container (after the bases' own image changes)");
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyPatch(Path dir, Path file, List<Map<String, Object>> resources, Map<String, Object> patch) {
        if (patch.get("path") != null) {
            Path patchFile = dir.resolve(String.valueOf(patch.get("path")));
            if (!Files.exists(patchFile)) {
                throw new AssertionError(file + ": patch " + patchFile + " does not exist");
            }
            for (Map<String, Object> partial : Repository.documents(patchFile)) {
                Map<String, Object> target = find(resources, String.valueOf(partial.get("kind")),
                        String.valueOf(Repository.dig(partial, "metadata", "name")))
                        .orElseThrow(() -> new AssertionError(patchFile + ": patches " + Models.name(partial)
                                + " which the resources do not have"));
                merge(target, partial);
            }
            return;
        }
        Map<String, Object> selector = map(patch.get("target"));
        Map<String, Object> target = find(resources, String.valueOf(selector.get("kind")), String.valueOf(selector.get("name")))
                .orElseThrow(() -> new AssertionError(file + ": patch target " + selector + " matches no resource"));
        List<Object> operations = (List<Object>) Repository.yaml().load(String.valueOf(patch.get("patch")));
        for (Object operation : operations) {
            Map<String, Object> op = map(operation);
            String[] pointer = String.valueOf(op.get("path")).substring(1).split("/");
            Object parent = target;
            for (int i = 0; i < pointer.length - 1; i++) {
                parent = step(parent, pointer[i]);
                if (parent == null) {
                    throw new AssertionError(file + ": JSON patch path " + op.get("path") + " does not exist in "
                            + Models.name(target));
                }
            }
            String last = pointer[pointer.length - 1].replace("~1", "/").replace("~0", "~");
            Map<String, Object> container = map(parent);
            switch (String.valueOf(op.get("op"))) {
                case "replace" -> {
                    if (!container.containsKey(last)) {
                        throw new AssertionError(file + ": replace of missing " + op.get("path") + " in " + Models.name(target));
                    }
                    container.put(last, op.get("value"));
                }
                case "add" -> container.put(last, op.get("value"));
                case "remove" -> {
                    if (container.remove(last) == null) {
                        throw new AssertionError(file + ": remove of missing " + op.get("path"));
                    }
                }
                default -> throw new AssertionError(file + ": JSON patch op " + op.get("op") + " not supported");
            }
        }
    }

    private static Object step(Object node, String segment) {
        String key = segment.replace("~1", "/").replace("~0", "~");
        if (node instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (node instanceof List<?> list) {
            return list.get(Integer.parseInt(key));
        }
        return null;
    }

    /** Strategic merge as Kubernetes does it for the fields used here: maps merge, named lists merge by name. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                merge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (existing instanceof List<?> current && value instanceof List<?> patched
                    && !patched.isEmpty() && patched.stream().allMatch(item -> item instanceof Map<?, ?> m && m.containsKey("name"))) {
                List<Object> merged = new ArrayList<>(current);
                for (Object item : patched) {
                    Map<String, Object> patchedItem = (Map<String, Object>) item;
                    merged.stream().filter(old -> old instanceof Map<?, ?> m && patchedItem.get("name").equals(m.get("name")))
                            .findFirst()
                            .ifPresentOrElse(old -> merge((Map<String, Object>) old, patchedItem), () -> merged.add(patchedItem));
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    static java.util.Optional<Map<String, Object>> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.get("kind"))
                        && name.equals(Repository.dig(resource, "metadata", "name")))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(List<Map<String, Object>> resources) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            Object podSpec = Repository.dig(resource, "spec", "template", "spec");
            if (podSpec instanceof Map<?, ?> spec) {
                for (String field : List.of("containers", "initContainers")) {
                    list(spec.get(field)).forEach(container -> containers.add((Map<String, Object>) container));
                }
            }
        }
        return containers;
    }

    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
