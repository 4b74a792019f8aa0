package io.inertia.cli.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Whether an SSH server answers: it connects and reads the server's {@code SSH-} identification. */
final class SshPorts {
  private SshPorts() {}

  static boolean answers(String host, int port, int timeoutMillis) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      InputStream in = s.getInputStream();
      byte[] b = new byte[4];
      int n = 0;
      while (n < 4) {
        int r = in.read(b, n, 4 - n);
        if (r < 0) {
          return false;
        }
        n += r;
      }
      return new String(b, StandardCharsets.US_ASCII).equals("SSH-");
    } catch (IOException e) {
      return false;
    }
  }
}
