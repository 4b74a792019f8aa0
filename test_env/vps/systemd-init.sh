#!/bin/sh
# PID 1 of the systemd test VPS. systemd itself needs writable cgroups, so prepare them before it
# starts; testvps-prepare.service repeats the (idempotent) preparation before docker and ssh.
/usr/local/sbin/prepare-host
exec /lib/systemd/systemd "$@"
