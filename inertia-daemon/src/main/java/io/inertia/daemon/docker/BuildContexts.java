package io.inertia.daemon.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Docker build contexts: the project directory as a tar stream, made as {@code docker build} makes it (without
 * {@code .git}): {@link DockerIgnore} rules; entries in name order; permission bits (set-user-ID, set-group-ID and
 * sticky included), modification time (whole seconds), owner 0:0; symbolic links as links (never followed); hard
 * links as links to the first name; FIFOs. Sockets and device files are skipped.
 *
 * <p>The tar is written by a background thread into a {@link StreamPipe} of {@value #PIPE_BYTES} bytes while Docker
 * reads it, so memory does not depend on the size of the project.
 */
final class BuildContexts {
  static final int PIPE_BYTES = 1 << 20;
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final int TYPE_MASK = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFIFO = 0010000;

  private BuildContexts() {}

  /** A build context being packed; close it when done (stops the packing thread if Docker stopped reading). */
  static final class Packing implements AutoCloseable {
    private final StreamPipe pipe;

    private Packing(StreamPipe pipe) {
      this.pipe = pipe;
    }

    /** The tar stream. */
    InputStream input() {
      return pipe.input;
    }

    /** Why packing failed (an unreadable file, say), if it did. */
    Optional<Throwable> failure() {
      return Optional.ofNullable(pipe.failure());
    }

    @Override
    public void close() {
      try {
        pipe.input.close();
      } catch (IOException cannotHappen) {
        // the pipe's close does not throw
      }
    }
  }

  /**
   * Starts packing {@code root} for a build of {@code dockerfile}. The {@code .dockerignore} is read first, so its
   * errors are thrown here.
   *
   * @throws IllegalArgumentException for a {@code .dockerignore} pattern {@code docker build} refuses
   */
  static Packing stream(Path root, String dockerfile) throws IOException {
    DockerIgnore rules = DockerIgnore.read(root, dockerfile);
    StreamPipe pipe = new StreamPipe(PIPE_BYTES);
    Thread packer =
        new Thread(
            () -> {
              try {
                write(root, rules, pipe.output);
                pipe.finish();
              } catch (java.nio.file.AccessDeniedException e) {
                pipe.fail(new IOException("cannot read " + e.getFile() + ": permission denied", e));
              } catch (java.nio.file.NoSuchFileException e) {
                pipe.fail(new IOException(e.getFile() + " disappeared while it was being sent", e));
              } catch (Throwable e) {
                pipe.fail(e);
              }
            },
            "build-context");
    packer.setDaemon(true);
    packer.start();
    return new Packing(pipe);
  }

  /** Writes the context of {@code root} as a tar to {@code out} (not closed). */
  static void write(Path root, DockerIgnore rules, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    new Walk(tar, rules).directory(root, "", null);
    tar.finish();
    tar.flush();
  }

  private static final class Walk {
    private final TarArchiveOutputStream tar;
    private final DockerIgnore rules;
    private final Map<Object, String> hardLinks = new HashMap<>();

    Walk(TarArchiveOutputStream tar, DockerIgnore rules) {
      this.tar = tar;
      this.rules = rules;
    }

    void directory(Path dir, String rel, DockerIgnore.Match parent) throws IOException {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
        list.forEach(entries::add);
      }
      entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (rel.isEmpty() && name.equals(".git")) {
          continue;
        }
        String path = rel.isEmpty() ? name : rel + "/" + name;
        Map<String, Object> attrs = Files.readAttributes(entry, "unix:mode,ino,nlink,size,lastModifiedTime", NOFOLLOW);
        int mode = (Integer) attrs.get("mode");
        boolean isDir = (mode & TYPE_MASK) == S_IFDIR;
        DockerIgnore.Match match = rules.match(path, parent);
        if (match.excluded()) {
          if (isDir && rules.mayIncludeBelow(path)) {
            directory(entry, path, match);
          }
          continue;
        }
        add(entry, path, mode, attrs);
        if (isDir) {
          directory(entry, path, match);
        }
      }
    }

    private void add(Path file, String path, int mode, Map<String, Object> attrs) throws IOException {
      int type = mode & TYPE_MASK;
      TarArchiveEntry e;
      long size = 0;
      if (type == S_IFDIR) {
        e = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
      } else if (type == S_IFLNK) {
        e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
        e.setLinkName(Files.readSymbolicLink(file).toString());
      } else if (type == S_IFIFO) {
        e = new TarArchiveEntry(path, TarConstants.LF_FIFO);
      } else if (type == S_IFREG) {
        String first = null;
        if ((Integer) attrs.get("nlink") > 1) {
          first = hardLinks.putIfAbsent(attrs.get("ino"), path);
        }
        if (first != null) {
          e = new TarArchiveEntry(path, TarConstants.LF_LINK);
          e.setLinkName(first);
        } else {
          e = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
          size = (Long) attrs.get("size");
        }
      } else {
        return; // sockets and devices, as docker build skips sockets (and projects have no devices)
      }
      e.setMode(type | (mode & 07777));
      e.setUserId(0);
      e.setGroupId(0);
      e.setUserName("");
      e.setGroupName("");
      e.setModTime(FileTime.fromMillis(((FileTime) attrs.get("lastModifiedTime")).toMillis() / 1000 * 1000));
      e.setSize(size);
      tar.putArchiveEntry(e);
      if (size > 0) {
        try (InputStream in = Files.newInputStream(file)) {
          long copied = in.transferTo(new BoundedOutput(tar, size));
          if (copied < size) {
            throw new IOException(path + " shrank while it was being sent");
          }
        }
      }
      tar.closeArchiveEntry();
    }
  }

  /** Writes at most {@code limit} bytes on (a file growing while it is sent must not break the tar entry). */
  private static final class BoundedOutput extends OutputStream {
    private final OutputStream out;
    private long left;

    BoundedOutput(OutputStream out, long limit) {
      this.out = out;
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (left > 0) {
        out.write(b);
        left--;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, left);
      if (n > 0) {
        out.write(b, off, n);
        left -= n;
      }
    }
  }
}
