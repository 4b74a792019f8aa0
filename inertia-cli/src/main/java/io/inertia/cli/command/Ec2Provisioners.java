package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.InertiaCli;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the {@link Ec2Provisioner}. The AWS SDK (26 MB, thousands of classes) is kept out of {@code
 * inertia.jar} so that opening the jar stays cheap for every other command: it ships with the EC2 code
 * in a {@code provision/} directory next to {@code inertia.jar}, loaded here through its own class
 * loader. When the classes are already on the class path (tests, IDE), they are used as they are.
 */
final class Ec2Provisioners {
  /** The directory beside {@code inertia.jar} with {@code inertia-provision-ec2.jar} and the SDK. */
  static final String DIRECTORY = "provision";

  private Ec2Provisioners() {}

  static Ec2Provisioner load() {
    Ec2Provisioner onClassPath =
        ServiceLoader.load(Ec2Provisioner.class, Ec2Provisioners.class.getClassLoader()).findFirst().orElse(null);
    if (onClassPath != null) {
      return onClassPath;
    }
    Path dir = directory();
    List<URL> jars = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        throw new CliException("cannot read " + dir + ": " + e.getMessage());
      }
    }
    if (!jars.isEmpty()) {
      URLClassLoader loader =
          new URLClassLoader("inertia-provision", jars.toArray(URL[]::new), Ec2Provisioners.class.getClassLoader());
      Ec2Provisioner p = ServiceLoader.load(Ec2Provisioner.class, loader).findFirst().orElse(null);
      if (p != null) {
        return p;
      }
    }
    throw new CliException(
        "'provision ec2' needs the EC2 support (" + DIRECTORY + "/ next to inertia.jar), which this installation lacks"
            + (dir == null ? "" : ": looked in " + dir),
        "perhaps you should build it with 'mvn -pl inertia-cli -am package', which writes target/" + DIRECTORY + "/");
  }

  /** {@code <directory of inertia.jar>/provision}, or null when the CLI does not run from a jar. */
  private static Path directory() {
    try {
      URL location = InertiaCli.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(location.toURI());
      return Files.isRegularFile(jar) ? jar.resolveSibling(DIRECTORY) : null;
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
      return null;
    }
  }
}
