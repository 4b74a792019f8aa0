package io.inertia.daemon.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Typed reads from a payload tree with messages a person can act on ("missing field repository.ssh_url", "field ref
 * must be a string, got number"). The original indexed these fields blindly and panicked (a 500); here every
 * missing or wrong-typed field is a {@link PayloadException}.
 */
final class Json {
  /** Longer strings are refused: no ref, URL or name the daemon acts on comes near it. */
  static final int MAX_FIELD_CHARS = 4096;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Parses a JSON object. */
  static JsonNode parseObject(byte[] body) throws PayloadException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PayloadException("invalid JSON: " + Texts.clip(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new PayloadException("invalid JSON: " + Texts.clip(e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new PayloadException("payload is empty");
    }
    if (!root.isObject()) {
      throw new PayloadException("payload must be a JSON object, got " + kind(root));
    }
    return root;
  }

  /** The node at a dotted path, or null when any step is absent or JSON null. */
  static JsonNode at(JsonNode root, String path) throws PayloadException {
    JsonNode node = root;
    StringBuilder walked = new StringBuilder();
    for (String step : path.split("\\.")) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        throw new PayloadException("field " + walked + " must be an object, got " + kind(node));
      }
      node = node.get(step);
      walked.append(walked.length() == 0 ? "" : ".").append(step);
    }
    return node == null || node.isNull() ? null : node;
  }

  static String requireText(JsonNode root, String path) throws PayloadException {
    String s = optionalText(root, path);
    if (s == null) {
      throw new PayloadException("missing field " + path);
    }
    if (s.isEmpty()) {
      throw new PayloadException("field " + path + " is empty");
    }
    return s;
  }

  static String optionalText(JsonNode root, String path) throws PayloadException {
    JsonNode n = at(root, path);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      throw new PayloadException("field " + path + " must be a string, got " + kind(n));
    }
    String s = n.textValue();
    if (s.length() > MAX_FIELD_CHARS) {
      throw new PayloadException(
          "field " + path + " is too long (" + s.length() + " characters, at most " + MAX_FIELD_CHARS + ")");
    }
    return s;
  }

  static JsonNode requireObject(JsonNode root, String path) throws PayloadException {
    JsonNode n = at(root, path);
    if (n == null) {
      throw new PayloadException("missing field " + path);
    }
    if (!n.isObject()) {
      throw new PayloadException("field " + path + " must be an object, got " + kind(n));
    }
    return n;
  }

  /** The object at {@code path}, or null when absent or JSON null. */
  static JsonNode optionalObject(JsonNode root, String path) throws PayloadException {
    JsonNode n = at(root, path);
    if (n != null && !n.isObject()) {
      throw new PayloadException("field " + path + " must be an object, got " + kind(n));
    }
    return n;
  }

  static JsonNode requireArray(JsonNode root, String path) throws PayloadException {
    JsonNode n = at(root, path);
    if (n == null) {
      throw new PayloadException("missing field " + path);
    }
    if (!n.isArray()) {
      throw new PayloadException("field " + path + " must be an array, got " + kind(n));
    }
    return n;
  }

  static boolean optionalBoolean(JsonNode root, String path) throws PayloadException {
    JsonNode n = at(root, path);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new PayloadException("field " + path + " must be a boolean, got " + kind(n));
    }
    return n.booleanValue();
  }

  static String kind(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isObject()) {
      return "object";
    }
    return n.isNull() ? "null" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
