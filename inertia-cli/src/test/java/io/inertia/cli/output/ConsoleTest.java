package io.inertia.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Console console(String input, Map<String, String> env, boolean simple, boolean terminal) {
    return Console.forProcess(env, simple, false, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), terminal);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void emojiRenderedOrStripped() {
    console("", Map.of(), false, true).println(":boat: Remote 'x' has been added!");
    console("", Map.of(), true, true).println(":boat: Remote 'x' has been added!");
    console("", Map.of("NO_COLOR", "1"), false, true).println("docker-compose project detected :whale:");
    console("", Map.of(), false, false).println(":boat: not a terminal");
    console("", Map.of("INERTIA_EMOJI", "on"), false, false).println(":boat: asked for");
    assertEquals("\u26F5 Remote 'x' has been added!\nRemote 'x' has been added!\ndocker-compose project detected \n"
        + "not a terminal\n\u26F5 asked for\n", out());
  }

  @Test
  void unknownShortcodesAndSpacingAreKept() {
    console("", Map.of(), true, false).println(" - Branch:     a:b:c :nope: https://1.2.3.4:4303");
    assertEquals(" - Branch:     a:b:c :nope: https://1.2.3.4:4303\n", out());
  }

  @Test
  void colourOnlyOnATerminalAndNotWithNoColor() {
    assertFalse(console("", Map.of(), false, false).cyan("x").contains("\u001B"));
    assertTrue(console("", Map.of(), false, true).cyan("x").contains("\u001B[36m"));
    assertFalse(console("", Map.of("NO_COLOR", "1"), false, true).cyan("x").contains("\u001B"));
    assertFalse(console("", Map.of("INERTIA_COLOR", "false"), false, true).cyan("x").contains("\u001B"));
    assertFalse(console("", Map.of(), true, true).cyan("x").contains("\u001B"));
  }

  @ParameterizedTest
  @CsvSource({"y,true", "Y,true", "yes,true", "YES,true", "n,false", "N,false", "no,false", "No,false", "'',false"})
  void yesNoAnswers(String answer, boolean expected) {
    assertEquals(expected, console(answer + "\n", Map.of(), true, false).confirm("Continue? (y/N)", false));
  }

  @Test
  void otherAnswersAreRefusedAndEndOfInputIsTheDefault() {
    Console c = console("maybe\n", Map.of(), true, false);
    Console.PromptException e = assertThrows(Console.PromptException.class, () -> c.confirm("ok?", false));
    assertTrue(e.getMessage().contains("illegal input 'maybe' provided"));
    assertFalse(console("", Map.of(), true, false).confirm("ok?", false));
  }

  @Test
  void listPromptAndPassword() {
    Console c = console("dockerfile\n s3cret \n", Map.of(), true, false);
    assertEquals("dockerfile", c.choose("build type", List.of("docker-compose", "dockerfile")));
    assertEquals("s3cret", c.password("Password: "));
    assertEquals("Available build types:\n  > docker-compose\n  > dockerfile\n"
        + "Please enter your desired build type: Password: ", out());
  }

  @Test
  void errorsAndDebugGoToStderr() {
    Console c = Console.forProcess(Map.of(), true, true, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), false);
    c.error("it broke", "perhaps you should fix it");
    c.debug("GET /status");
    assertEquals("error: it broke\nperhaps you should fix it\nDEBUG: GET /status\n", err.toString(StandardCharsets.UTF_8));
    assertEquals("", out());
  }
}
