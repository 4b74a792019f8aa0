#!/bin/sh
# Makes a test VPS container able to run a nested Docker engine without --privileged (the host
# refuses it; see the capability flags in test_env/start_vps.sh). Idempotent; run before dockerd.
#  - cgroup v1: Docker mounts each controller read-only; remount it read-write (needs --cgroupns
#    private and CAP_SYS_ADMIN). cgroup v2: remount rw and move our processes into a leaf cgroup so
#    controllers can be delegated (as docker:dind does).
#  - /proc/sys read-only breaks Docker >= 26 ("failed to disable IPv6 on container's interface").
set -u

warn() { echo "prepare-host: $*" >&2; }

if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then
  mount -o remount,rw /sys/fs/cgroup 2>/dev/null || warn "cannot remount /sys/fs/cgroup rw"
  if [ -f /sys/fs/cgroup/cgroup.controllers ] && [ ! -d /sys/fs/cgroup/init ]; then
    mkdir -p /sys/fs/cgroup/init
    xargs -rn1 </sys/fs/cgroup/cgroup.procs >/sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
    sed -e 's/ / +/g' -e 's/^/+/' </sys/fs/cgroup/cgroup.controllers \
      >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || warn "cannot enable cgroup v2 controllers"
  fi
else
  mount -o remount,rw /sys/fs/cgroup 2>/dev/null || :
  # /proc/mounts: "cgroup /sys/fs/cgroup/cpu,cpuacct cgroup ro,nosuid,…,cpu,cpuacct 0 0"
  awk '$3 == "cgroup" { print $2, $4 }' /proc/mounts | while read -r dir opts; do
    case ",$opts," in *,ro,*) ;; *) continue ;; esac
    ctrl="$(echo "$opts" | tr , '\n' | grep -Ev '^(ro|rw|nosuid|nodev|noexec|relatime|noatime)$' | paste -sd, -)"
    case "$ctrl" in name=*) ctrl="none,$ctrl" ;; esac
    if ! { umount "$dir" && mount -t cgroup -o "$ctrl" cgroup "$dir"; }; then
      warn "cannot remount $dir ($ctrl) rw"
    fi
  done
fi

mount -o remount,rw /proc/sys 2>/dev/null || warn "cannot remount /proc/sys rw"
