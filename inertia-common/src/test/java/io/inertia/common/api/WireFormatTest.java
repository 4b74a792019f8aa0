package io.inertia.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void upRequestUsesInertiaNames() throws Exception {
    UpRequest up =
        new UpRequest(
            true,
            "proj",
            "docker-compose",
            "docker-compose.yml",
            new UpRequest.GitOptions("git@github.com:o/r.git", "main"),
            "s3cret",
            List.of("nginx"),
            "https://hooks.slack.test/x");
    String text = json.writeValueAsString(up);
    for (String key :
        new String[] {
          "\"stream\":true", "\"project\":\"proj\"", "\"build_type\"", "\"build_file_path\"", "\"git_options\"",
          "\"remote\"", "\"branch\"", "\"webhook_secret\"", "\"intermediary_containers\"", "\"slack_notification_url\""
        }) {
      assertTrue(text.contains(key), key + " in " + text);
    }
    assertEquals(up, json.readValue(text, UpRequest.class));
  }

  @Test
  void envelopeOmitsEmptyFields() throws Exception {
    String text = json.writeValueAsString(new Envelope(200, null, "session created", null, null));
    assertEquals("{\"code\":200,\"message\":\"session created\"}", text);
    Envelope parsed =
        json.readValue(
            "{\"code\":401,\"request_id\":\"h/1\",\"message\":\"failed to read token\",\"error\":\"token expired\"}",
            Envelope.class);
    assertFalse(parsed.isSuccess());
    assertEquals("token expired", parsed.error());
  }

  @Test
  void statusKeysMatchTheOriginal() throws Exception {
    String original =
        "{\"branch\":\"master\",\"commit_hash\":\"abc\",\"commit_message\":\"msg\",\"build_type\":\"docker-compose\","
            + "\"containers\":[\"/proj_web_1\"],\"build_active\":false,\"version\":\"v0.7.0\",\"new_version_available\":null}";
    DeploymentStatus s = json.readValue(original, DeploymentStatus.class);
    assertEquals(List.of("/proj_web_1"), s.containers());
    assertEquals(json.readTree(original), json.readTree(json.writeValueAsString(s)));
  }

  @Test
  void finalStreamLines() {
    assertEquals(
        new StreamLines.Outcome(true, 201, "Project startup initiated!"),
        StreamLines.parse(StreamLines.success(201, "Project startup initiated!")).orElseThrow());
    assertEquals(412, StreamLines.parse("[error 412] nope: (detail)").orElseThrow().code());
    assertTrue(StreamLines.parse("Building project demo...").isEmpty());
  }
}
