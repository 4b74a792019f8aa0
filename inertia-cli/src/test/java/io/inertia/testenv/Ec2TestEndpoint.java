package io.inertia.testenv;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EC2-compatible endpoint for tests: it speaks the EC2 Query API (form-encoded POST, XML answers, the
 * 2016-11-15 namespace) for the calls {@code provision ec2} makes, checks that requests are signed with
 * the expected access key, and keeps the state of key pairs, security groups and instances. Key pairs are
 * real ed25519 keys ({@code ssh-keygen}); an instance is whatever {@link Machines} launches (a test VPS
 * container) with the key pair's public key, reported with the address it returns. Point the SDK at
 * {@link #url()} with its endpoint override.
 */
public final class Ec2TestEndpoint implements AutoCloseable {
  private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  /** Starts and stops the machines behind the instances. */
  public interface Machines {
    /** Boots a machine that accepts {@code publicKey} for SSH; returns its address. */
    String launch(String instanceId, String publicKey) throws Exception;

    /** Removes the machine (no-op when unknown). */
    void terminate(String instanceId);
  }

  /** One request as received: its action and parameters. */
  public record Call(String action, Map<String, String> params) {}

  private record KeyPair(String name, String id, String privateKey, String publicKey) {}

  private static final class InstanceState {
    final String id;
    final String keyName;
    volatile int code = 0;
    volatile String name = "pending";
    volatile String address = "";
    volatile String reason = "";

    InstanceState(String id, String keyName) {
      this.id = id;
      this.keyName = keyName;
    }
  }

  private final HttpServer server;
  private final String accessKeyId;
  private final Machines machines;
  private final Path keys;
  private final ExecutorService launcher = Executors.newCachedThreadPool();
  private final AtomicInteger ids = new AtomicInteger(1);
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, KeyPair> keyPairs = new ConcurrentHashMap<>();
  private final Map<String, String> groups = new ConcurrentHashMap<>();
  private final Map<String, InstanceState> instances = new ConcurrentHashMap<>();
  private final Map<String, String[]> failures = new ConcurrentHashMap<>();
  private final List<Map<String, String>> images = new CopyOnWriteArrayList<>();

  private Ec2TestEndpoint(String accessKeyId, Machines machines, Path keys) throws IOException {
    this.accessKeyId = accessKeyId;
    this.machines = machines;
    this.keys = keys;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** Starts on 127.0.0.1 on a free port; requests must be signed with {@code accessKeyId}. */
  public static Ec2TestEndpoint start(String accessKeyId, Machines machines, Path workDir) throws IOException {
    return new Ec2TestEndpoint(accessKeyId, machines, Files.createDirectories(workDir.resolve("ec2-keys")));
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds an image that {@code DescribeImages} lists (whatever the filters). */
  public void addImage(String imageId, String name, String creationDate) {
    images.add(Map.of("imageId", imageId, "name", name, "creationDate", creationDate));
  }

  /** Makes every later {@code action} fail with this EC2 error code. */
  public void failOn(String action, String code, String message) {
    failures.put(action, new String[] {code, message});
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one action, in order. */
  public List<Map<String, String>> calls(String action) {
    return calls.stream().filter(c -> c.action().equals(action)).map(Call::params).toList();
  }

  public Set<String> keyPairNames() {
    return Set.copyOf(keyPairs.keySet());
  }

  public Set<String> securityGroupIds() {
    return Set.copyOf(groups.keySet());
  }

  /** Ids of instances that are not terminated. */
  public Set<String> liveInstances() {
    return Set.copyOf(instances.values().stream().filter(i -> i.code != 48).map(i -> i.id).toList());
  }

  @Override
  public void close() {
    server.stop(0);
    launcher.shutdownNow();
    instances.keySet().forEach(machines::terminate);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), UTF_8);
      Map<String, String> p = new TreeMap<>();
      for (String pair : body.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
          String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
          p.put(k, v);
        }
      }
      String action = p.getOrDefault("Action", "");
      calls.add(new Call(action, p));
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/")) {
        reply(ex, 401, error("AuthFailure", "AWS was not able to validate the provided access credentials"));
        return;
      }
      String[] failure = failures.get(action);
      if (failure != null) {
        reply(ex, 400, error(failure[0], failure[1]));
        return;
      }
      String answer;
      try {
        answer = answer(action, p);
      } catch (Ec2Error e) {
        reply(ex, 400, error(e.code, e.getMessage()));
        return;
      }
      reply(ex, 200, "<" + action + "Response xmlns=\"" + NS + "\"><requestId>req-" + ids.incrementAndGet()
          + "</requestId>" + answer + "</" + action + "Response>");
    }
  }

  private String answer(String action, Map<String, String> p) throws Ec2Error, IOException {
    switch (action) {
      case "DescribeImages": {
        StringBuilder b = new StringBuilder("<imagesSet>");
        for (Map<String, String> i : images) {
          b.append("<item><imageId>").append(x(i.get("imageId"))).append("</imageId><name>").append(x(i.get("name")))
              .append("</name><creationDate>").append(x(i.get("creationDate")))
              .append("</creationDate><architecture>x86_64</architecture><imageState>available</imageState></item>");
        }
        return b.append("</imagesSet>").toString();
      }
      case "CreateKeyPair": {
        String name = require(p, "KeyName");
        if (keyPairs.containsKey(name)) {
          throw new Ec2Error("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
        KeyPair k = generate(name);
        keyPairs.put(name, k);
        return "<keyName>" + x(name) + "</keyName><keyFingerprint>test</keyFingerprint><keyMaterial>"
            + x(k.privateKey()) + "</keyMaterial><keyPairId>" + k.id() + "</keyPairId>";
      }
      case "DeleteKeyPair":
        keyPairs.remove(require(p, "KeyName"));
        return "<return>true</return>";
      case "CreateSecurityGroup": {
        String name = require(p, "GroupName");
        require(p, "GroupDescription");
        if (groups.containsValue(name)) {
          throw new Ec2Error("InvalidGroup.Duplicate", "The security group '" + name + "' already exists");
        }
        String id = "sg-" + String.format("%017x", ids.incrementAndGet());
        groups.put(id, name);
        return "<return>true</return><groupId>" + id + "</groupId>";
      }
      case "AuthorizeSecurityGroupIngress":
        group(require(p, "GroupId"));
        return "<return>true</return>";
      case "DeleteSecurityGroup": {
        String id = require(p, "GroupId");
        group(id);
        boolean inUse = instances.values().stream().anyMatch(i -> i.code != 48);
        if (inUse) {
          throw new Ec2Error("DependencyViolation", "resource " + id + " has a dependent object");
        }
        groups.remove(id);
        return "<return>true</return>";
      }
      case "RunInstances": {
        String keyName = require(p, "KeyName");
        KeyPair key = keyPairs.get(keyName);
        if (key == null) {
          throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
        }
        group(require(p, "SecurityGroupId.1"));
        require(p, "ImageId");
        String id = "i-" + String.format("%017x", ids.incrementAndGet());
        InstanceState s = new InstanceState(id, keyName);
        instances.put(id, s);
        launcher.submit(() -> {
          try {
            s.address = machines.launch(id, key.publicKey());
            s.code = 16;
            s.name = "running";
          } catch (Exception e) {
            s.reason = "Server.InternalError: " + e.getMessage();
            s.code = 48;
            s.name = "terminated";
          }
        });
        return "<reservationId>r-" + id.substring(2) + "</reservationId><ownerId>123456789012</ownerId>"
            + "<instancesSet>" + item(s, p.getOrDefault("InstanceType", "")) + "</instancesSet>";
      }
      case "DescribeInstances": {
        InstanceState s = instance(require(p, "InstanceId.1"));
        return "<reservationSet><item><reservationId>r-" + s.id.substring(2) + "</reservationId>"
            + "<instancesSet>" + item(s, "") + "</instancesSet></item></reservationSet>";
      }
      case "TerminateInstances": {
        InstanceState s = instance(require(p, "InstanceId.1"));
        machines.terminate(s.id);
        s.code = 48;
        s.name = "terminated";
        return "<instancesSet><item><instanceId>" + s.id + "</instanceId><currentState><code>48</code>"
            + "<name>terminated</name></currentState></item></instancesSet>";
      }
      default:
        throw new Ec2Error("InvalidAction", "The action " + action + " is not valid for this web service.");
    }
  }

  private String item(InstanceState s, String type) {
    return "<item><instanceId>" + s.id + "</instanceId><keyName>" + x(s.keyName) + "</keyName>"
        + "<instanceState><code>" + s.code + "</code><name>" + s.name + "</name></instanceState>"
        + (s.address.isEmpty() ? "" : "<ipAddress>" + x(s.address) + "</ipAddress>")
        + (s.reason.isEmpty() ? "" : "<stateReason><code>Server.InternalError</code><message>" + x(s.reason)
            + "</message></stateReason>")
        + (type.isEmpty() ? "" : "<instanceType>" + x(type) + "</instanceType>") + "</item>";
  }

  private KeyPair generate(String name) throws IOException {
    Path file = keys.resolve("key-" + ids.incrementAndGet());
    DockerCommands.Result r = DockerCommands.execute(new ProcessBuilder(
        "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file.toString()), Duration.ofSeconds(30),
        "ssh-keygen");
    if (!r.ok()) {
      throw new IOException("ssh-keygen failed: " + r.stderr());
    }
    return new KeyPair(name, "key-" + String.format("%017x", ids.incrementAndGet()),
        Files.readString(file, UTF_8), Files.readString(Path.of(file + ".pub"), UTF_8).strip());
  }

  private void group(String id) throws Ec2Error {
    if (!groups.containsKey(id)) {
      throw new Ec2Error("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    }
  }

  private InstanceState instance(String id) throws Ec2Error {
    InstanceState s = instances.get(id);
    if (s == null) {
      throw new Ec2Error("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
    }
    return s;
  }

  private static String require(Map<String, String> p, String key) throws Ec2Error {
    String v = p.get(key);
    if (v == null || v.isEmpty()) {
      throw new Ec2Error("MissingParameter", "The request must contain the parameter " + key);
    }
    return v;
  }

  private static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + x(code) + "</Code><Message>"
        + x(message) + "</Message></Error></Errors><RequestID>req-error</RequestID></Response>";
  }

  private static void reply(HttpExchange ex, int status, String xml) throws IOException {
    byte[] b = xml.getBytes(UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static String x(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Parameters of one call that start with {@code prefix}, e.g. all {@code IpPermissions.} keys. */
  public static Map<String, String> withPrefix(Map<String, String> params, String prefix) {
    Map<String, String> m = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        m.put(k, v);
      }
    });
    return m;
  }

  /** The {@code FromPort} values of an {@code AuthorizeSecurityGroupIngress} call, in order. */
  public static List<Integer> openedPorts(Map<String, String> params) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 1; params.containsKey("IpPermissions." + i + ".FromPort"); i++) {
      ports.add(Integer.parseInt(params.get("IpPermissions." + i + ".FromPort")));
    }
    return ports;
  }

  private static final class Ec2Error extends Exception {
    private static final long serialVersionUID = 1L;
    final String code;

    Ec2Error(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
