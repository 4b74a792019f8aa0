#!/bin/sh
# Image build step (docs/performance.md, P2): a training run of the daemon lists the classes that start-up and a few
# authenticated HTTPS requests load, then a static AppCDS dump writes them to /opt/inertiad/inertiad.jsa. At run time the
# launcher maps that file instead of parsing the same ~6,800 classes into anonymous metaspace at every start.
# The archive is only used when the class path is the same absolute jar, unchanged since the dump: run this after the
# jar's last modification, with the path the launcher uses. No Docker engine here: the daemon only warns about it.
set -eu
JAVA=/opt/inertiad/jre/bin/java
JAR=/opt/inertiad/inertiad.jar
LIST=/tmp/inertiad.classlist
work=$(mktemp -d)
export HOME="$work" INERTIA_PROJECT_DIR="$work/project/" INERTIA_DATA_DIR="$work/data/" \
  INERTIA_PERSIST_DIR="$work/persist" INERTIA_SECRETS_DIR="$work/.inertia/" \
  INERTIA_GH_KEY_PATH="$work/.ssh/id_rsa_inertia_deploy" MALLOC_ARENA_MAX=2
SQLITE="-Dorg.sqlite.lib.path=/opt/inertiad/lib -Dorg.sqlite.lib.name=libsqlitejdbc.so"

# shellcheck disable=SC2086
"$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$LIST" $SQLITE -jar "$JAR" run 127.0.0.1 &
pid=$!
cert="$work/.inertia/ssl/daemon.cert"
i=0
until [ -f "$cert" ] && curl -fsS --cacert "$cert" https://127.0.0.1:4303/ -o /dev/null 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "cds-training: the daemon did not answer" >&2
    exit 1
  fi
  sleep 0.2
done
# shellcheck disable=SC2086
token=$("$JAVA" $SQLITE -jar "$JAR" token)
for path in /status /user/list /env /status /user/list /webhook/deliveries /releases /openapi.json /; do
  curl -sS --cacert "$cert" -H "Authorization: Bearer $token" "https://127.0.0.1:4303$path" -o /dev/null || true
done
curl -sS --cacert "$cert" -X POST -H 'Content-Type: application/json' -d '{}' https://127.0.0.1:4303/webhook -o /dev/null || true
kill -TERM "$pid"
wait "$pid" || true

"$JAVA" -Xshare:dump -XX:SharedClassListFile="$LIST" -XX:SharedArchiveFile=/opt/inertiad/inertiad.jsa -cp "$JAR"
# Fails the build if the archive does not map with the launcher's class path.
"$JAVA" -Xshare:on -XX:SharedArchiveFile=/opt/inertiad/inertiad.jsa -cp "$JAR" -version >/dev/null
rm -rf "$work" "$LIST"
