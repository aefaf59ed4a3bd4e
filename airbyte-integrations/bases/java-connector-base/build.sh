#!/usr/bin/env bash
# Builds the local Java runtime base image of the connectors without pulling anything from a registry:
# a `FROM scratch` image holding a jlinked runtime of an installed JDK >= 21 at /opt/java/openjdk (the
# path of the official eclipse-temurin images), the glibc files that runtime loads, the C.UTF-8 locale,
# /etc/passwd and /etc/group with user `airbyte` (uid/gid 1000), name resolution files and a sticky /tmp.
#
# Usage: build.sh [--force] [--tag IMAGE]
#   --force      rebuild even when the image already exists with the same inputs
#   --tag IMAGE  image name (default activation-suite/java-connector-base:local, or $BASE_IMAGE_TAG)
# The JDK is $JDK_HOME if set, else $JAVA_HOME if it is >= 21, else the newest JDK >= 21 in /usr/lib/jvm.
# The build is skipped when an image with that tag carries the same inputs hash (this script, the
# Dockerfile, modules.txt, the JDK's release file and the host's glibc version).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag="${BASE_IMAGE_TAG:-activation-suite/java-connector-base:local}"
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true ;;
    --tag) shift; tag="${1:?--tag needs an image name}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "java-connector-base: $*" >&2; }
die() { echo "java-connector-base: ERROR: $*" >&2; exit 1; }

# Major feature version of a JDK home ("21", "25"), empty when it is not a JDK with jlink.
jdk_major() {
  local home="$1"
  [ -x "$home/bin/jlink" ] && [ -f "$home/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release"
}

find_jdk() {
  local candidate major best="" best_major=0
  for candidate in "${JDK_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] || continue
    major="$(jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [ -L "$candidate" ] && continue
    major="$(jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}

command -v docker >/dev/null 2>&1 || die "docker is not installed (see .ci/docker-setup.sh)"
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer (see .ci/docker-setup.sh)"
jdk="$(find_jdk)" || die "no JDK >= 21 with jlink found (set JDK_HOME, or install one under /usr/lib/jvm)"
modules="$(grep -v '^[[:space:]]*#' "$here/modules.txt" | tr -d ' ' | grep -v '^$' | paste -sd, -)"
[ -n "$modules" ] || die "modules.txt lists no module"

inputs_hash="$(
  {
    cat "${BASH_SOURCE[0]}" "$here/Dockerfile" "$here/modules.txt" "$jdk/release"
    ldd --version 2>&1 | awk 'NR == 1'
  } | sha256sum | cut -c1-16
)"
if ! $force; then
  existing="$(docker image inspect --format '{{ index .Config.Labels "io.activationsuite.base.inputs-hash" }}' \
    "$tag" 2>/dev/null || true)"
  if [ "$existing" = "$inputs_hash" ]; then
    log "$tag is up to date (inputs $inputs_hash), not rebuilt"
    exit 0
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/java-connector-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
runtime="$rootfs/opt/java/openjdk"
mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp"

log "jlinking $modules from $jdk"
"$jdk/bin/jlink" \
  --add-modules "$modules" \
  --compress=zip-9 --strip-debug --no-header-files --no-man-pages \
  --output "$runtime"
runtime_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"

# The glibc closure: every shared object the launcher and the runtime's libraries load, copied to the
# same path as on this (merged-/usr Debian) host; lib, lib64 and bin become links into /usr as on the host.
copy_host_file() {
  local path="$1" real
  real="$(readlink -f "$path")"
  case "$path" in
    /lib/*|/lib64/*) path="/usr$path" ;;
  esac
  [ -e "$rootfs$path" ] && return 0
  mkdir -p "$rootfs$(dirname "$path")"
  cp "$real" "$rootfs$path"
}
mkdir -p "$rootfs/usr/lib" "$rootfs/usr/lib64"
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
libs="$(
  find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '$1 ~ /^\// { print $1 } $3 ~ /^\// { print $3 }' \
    | sort -u
)"
[ -n "$libs" ] || die "ldd found no shared library dependency of the runtime"
for lib in $libs; do
  case "$lib" in
    "$runtime"/*) ;;
    *) copy_host_file "$lib" ;;
  esac
done
# Loaded with dlopen, so invisible to ldd: libgcc_s unwinds threads on pthread_exit/cancel.
libdir="$(dirname "$(awk '/libc\.so\.6/ { print; exit }' <<<"$libs")")"
if [ -e "$libdir/libgcc_s.so.1" ]; then
  copy_host_file "$libdir/libgcc_s.so.1"
fi
grep -q 'ld-linux' <<<"$libs" || die "the dynamic loader is not in the runtime's closure"
# The C.UTF-8 locale (LANG in the Dockerfile): without it the JVM's native, stdout and file-name
# encodings fall back to ASCII.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$rootfs/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
else
  log "WARNING: no /usr/lib/locale/C.utf8 on this host: the image's default encoding will be ASCII"
fi

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
airbyte:x:1000:1000:airbyte:/airbyte:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
airbyte:x:1000:
nogroup:x:65534:
GROUP
cat >"$rootfs/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
cat >"$rootfs/etc/hosts" <<'HOSTS'
127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
HOSTS
: >"$rootfs/etc/resolv.conf"
chmod 1777 "$rootfs/tmp"

log "building $tag (Java $runtime_version)"
cp "$here/Dockerfile" "$work/Dockerfile"
docker build --quiet \
  --build-arg "INPUTS_HASH=$inputs_hash" \
  --build-arg "JAVA_RUNTIME_VERSION=$runtime_version" \
  --tag "$tag" "$work" >/dev/null 2> >(grep -v -e DEPRECATED -e 'legacy builder' -e buildx -e 'go/buildx' -e '^$' >&2)
size="$(docker image inspect --format '{{ .Size }}' "$tag")"
log "built $tag: $((size / 1000 / 1000)) MB"
