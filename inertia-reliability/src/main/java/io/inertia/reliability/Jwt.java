package io.inertia.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Makes and takes apart JWTs (HS256 and {@code alg: none}) to forge tokens the daemon must refuse. */
public final class Jwt {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  public static String hs256(ObjectNode claims, byte[] key) {
    String unsigned = part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + part(claims.toString());
    return unsigned + "." + ENC.encodeToString(hmac(key, unsigned));
  }

  public static String none(ObjectNode claims) {
    return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims.toString()) + ".";
  }

  /** The token's claims. */
  public static ObjectNode claims(String token) {
    String[] parts = token.split("\\.");
    JsonNode n = Api.json(new Http.Response(200, java.util.Map.of(), Base64.getUrlDecoder().decode(parts[1]), 0));
    return n.isObject() ? (ObjectNode) n : Api.JSON.createObjectNode();
  }

  /** Same header and signature, another payload (a tampered token). */
  public static String tampered(String token, ObjectNode claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + part(claims.toString()) + "." + parts[2];
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(String json) {
    return ENC.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
