package mrs.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A strict validator for Kubernetes structural schemas (the {@code openAPIV3Schema} of a
 * CustomResourceDefinition), as the API server applies them with {@code kubectl apply
 * --validate=strict}: a field the schema does not declare is an error (the server would prune or
 * refuse it), unless the schema says {@code x-kubernetes-preserve-unknown-fields}. Supported
 * keywords: {@code type}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code enum}, {@code required}, {@code minimum}, {@code maximum}, {@code anyOf} and
 * {@code x-kubernetes-int-or-string} — everything the operator's and our own schemas use. An
 * unsupported keyword fails loudly rather than being ignored.
 */
final class StructuralSchema {
    private static final List<String> KNOWN_KEYWORDS = List.of(
            "type", "properties", "additionalProperties", "items", "enum", "required", "minimum", "maximum",
            "anyOf", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields", "description",
            "format", "nullable");

    private StructuralSchema() {}

    /** The errors of {@code value} against {@code schema}, each naming its path; empty when valid. */
    static List<String> validate(JsonNode value, JsonNode schema, String path) {
        List<String> errors = new ArrayList<>();
        check(value, schema, path, errors);
        return errors;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KNOWN_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("schema keyword '" + keyword + "' at " + path + " is not supported");
            }
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(path + ": null is not allowed (an empty YAML value?)");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(path + ": must be an integer or a string, got " + describe(value));
            }
            return;
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode branch : schema.get("anyOf")) {
                if (validate(value, branch, path).isEmpty()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                errors.add(path + ": matches none of " + schema.get("anyOf"));
                return;
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(path + ": must be a list, got " + describe(value));
                } else if (schema.has("items")) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), schema.get("items"), path + "[" + i + "]", errors);
                    }
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(path + ": must be a string, got " + describe(value) + " (quote it)");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(path + ": must be an integer, got " + describe(value));
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(path + ": must be a number, got " + describe(value));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(path + ": must be true or false, got " + describe(value));
                }
            }
            case "" -> {
                if (!schema.has("anyOf") && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    throw new IllegalStateException("schema at " + path + " has no type");
                }
            }
            default -> throw new IllegalStateException("schema type '" + type + "' at " + path + " is not supported");
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.equals(value)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                errors.add(path + ": " + describe(value) + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": must be a mapping, got " + describe(value));
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(path + ": required field '" + required.asText() + "' is missing");
            }
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), childPath, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, childPath, errors);
            } else if (!preserveUnknown && !(additional != null && additional.asBoolean(false))) {
                errors.add(childPath + ": unknown field '" + field.getKey() + "'"
                        + (properties == null ? "" : " (known: " + names(properties) + ")"));
            }
        }
    }

    private static String names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names.size() > 12 ? names.subList(0, 12) + "..." : names.toString();
    }

    private static String describe(JsonNode value) {
        String kind = value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isArray() ? "list" : value.isObject() ? "mapping" : "value";
        String text = value.isContainerNode() ? "" : " " + value;
        return kind + text;
    }
}
