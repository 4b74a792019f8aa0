# inertiad image: a jlink-ed Java 17 runtime, the daemon jar and the C libraries they need, on an empty base.
# Build the jar first (mvn -pl inertia-common,inertia-daemon -am package), then scripts/build-daemon-image.sh.
# BASE_IMAGE only feeds the build stage (Debian: its JDK ships jmods, so jlink works); the runtime stage is scratch.
ARG BASE_IMAGE=debian:bookworm

FROM ${BASE_IMAGE} AS build
ENV DEBIAN_FRONTEND=noninteractive
# Marks the untagged build-stage images the legacy builder leaves behind, so the build script can tidy them.
LABEL io.inertia.build-stage=daemon-image
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless gcc libc6-dev unzip zip ca-certificates-java \
 && rm -rf /var/lib/apt/lists/*

# Java runtime with just the modules the daemon uses (jdeps misses jdk.crypto.ec; java.net.http for notifiers;
# java.rmi: Apache MINA sshd, JGit's SSH transport, throws java.rmi.ServerException, so every git clone failed without it);
# Debian's libjvm.so carries its symbol table, stripping it saves 4 MB. No JDK CDS archive: the daemon's own archive below
# holds the JDK classes it uses too.
RUN JDK=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture) \
 && "$JDK/bin/jlink" --module-path "$JDK/jmods" \
      --add-modules java.base,java.instrument,java.management,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql,jdk.unsupported,jdk.crypto.ec \
      --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output /opt/inertiad/jre \
 && find /opt/inertiad/jre -name '*.so' -exec strip --strip-unneeded {} + \
 && rm -f /opt/inertiad/jre/lib/security/cacerts \
 && cp -L /etc/ssl/certs/java/cacerts /opt/inertiad/jre/lib/security/cacerts

# The jar without other platforms' native libraries; this platform's SQLite library is loaded from /opt/inertiad/lib.
COPY inertia-daemon/target/inertiad.jar /tmp/inertiad.jar
RUN mkdir -p /opt/inertiad/lib \
 && unzip -j /tmp/inertiad.jar "org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so" -d /opt/inertiad/lib \
 && zip -q -d /tmp/inertiad.jar 'org/sqlite/native/*' 'com/sun/jna/*/*jnidispatch*' \
 && mv /tmp/inertiad.jar /opt/inertiad/inertiad.jar

# AppCDS archive of the daemon's classes from a training run (curl only for that run); after the jar's last change.
COPY inertia-daemon/src/main/docker/cds-training.sh /tmp/cds-training.sh
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && sh /tmp/cds-training.sh

COPY inertia-daemon/src/main/docker/inertiad.c /tmp/inertiad.c
RUN gcc -static -Os -s -o /usr/local/bin/inertiad /tmp/inertiad.c

# Root file system: the runtime, the launcher and every system library they link (found with ldd; the runtime's
# own libraries are already under /rootfs/opt).
RUN mkdir -p /rootfs/opt /rootfs/usr/local/bin /rootfs/tmp /rootfs/daemon /rootfs/etc \
 && chmod 1777 /rootfs/tmp \
 && cp -a /opt/inertiad /rootfs/opt/ \
 && cp /usr/local/bin/inertiad /rootfs/usr/local/bin/ \
 && find /rootfs/opt/inertiad -type f \( -name java -o -name '*.so' \) -exec ldd {} \; 2>/dev/null \
      | awk '/=> \// {print $3} /^[[:space:]]*\/[^ ]*ld-linux/ {print $1}' | grep -v '^/rootfs/' | sort -u \
      | xargs -r -I{} cp --parents -L {} /rootfs/ \
 && printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > /rootfs/etc/passwd \
 && printf 'root:x:0:\nnogroup:x:65534:\n' > /rootfs/etc/group \
 && printf 'hosts: files dns\n' > /rootfs/etc/nsswitch.conf

FROM scratch
COPY --from=build /rootfs/ /
ENV PATH=/usr/local/bin:/opt/inertiad/jre/bin \
    MALLOC_ARENA_MAX=2 \
    INERTIA_PROJECT_DIR=/app/host/inertia/project/ \
    INERTIA_DATA_DIR=/app/host/inertia/data/ \
    INERTIA_PERSIST_DIR=/app/host/inertia/persist \
    INERTIA_SECRETS_DIR=/app/host/.inertia/ \
    INERTIA_GH_KEY_PATH=/app/host/.ssh/id_rsa_inertia_deploy
WORKDIR /daemon
EXPOSE 4303
ENTRYPOINT ["inertiad", "run"]
