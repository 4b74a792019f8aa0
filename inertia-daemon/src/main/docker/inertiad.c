/*
 * inertiad: the daemon image's command. A static, shell-less launcher that execs the bundled Java runtime with
 * flags sized for a small VPS (docs/performance.md, P2) and the daemon jar, passing its own arguments through, so both
 * the image's ENTRYPOINT ["inertiad", "run"] and `docker run --entrypoint inertiad IMAGE token` work without /bin/sh.
 * Extra JVM flags: set JDK_JAVA_OPTIONS (read by the java launcher itself), e.g. -Xmx256m for huge repositories.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *JAVA = "/opt/inertiad/jre/bin/java";

static const char *FLAGS[] = {
    "-XX:+UseSerialGC",
    "-Xss256k",
    "-Xms8m",
    "-XX:MaxRAM=256m",
    "-XX:MinHeapFreeRatio=10",
    "-XX:MaxHeapFreeRatio=20",
    "-XX:MaxMetaspaceSize=96m",
    "-XX:ReservedCodeCacheSize=16m",
    "-XX:TieredStopAtLevel=1",
    "-XX:TrimNativeHeapInterval=5000",
    "-XX:-UsePerfData",
    /* The daemon's own AppCDS archive (made at image build by cds-training.sh), mapped at the address it was dumped
       for: this JDK relocates archives by default, which writes every page holding a pointer and turns ~40 MiB of the
       shared file mapping into anonymous memory. */
    "-Xshare:auto",
    "-XX:SharedArchiveFile=/opt/inertiad/inertiad.jsa",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:ArchiveRelocationMode=0",
    "-Djava.io.tmpdir=/tmp",
    "-Dorg.sqlite.lib.path=/opt/inertiad/lib",
    "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
    "-jar",
    "/opt/inertiad/inertiad.jar",
};

int main(int argc, char **argv) {
  size_t nflags = sizeof(FLAGS) / sizeof(FLAGS[0]);
  char **args = calloc(nflags + (size_t)argc + 1, sizeof(char *));
  if (args == NULL) {
    perror("inertiad");
    return 127;
  }
  size_t n = 0;
  args[n++] = "java";
  for (size_t i = 0; i < nflags; i++) {
    args[n++] = (char *)FLAGS[i];
  }
  for (int i = 1; i < argc; i++) {
    args[n++] = argv[i];
  }
  args[n] = NULL;
  execv(JAVA, args);
  perror("inertiad: cannot start /opt/inertiad/jre/bin/java");
  return 127;
}
