#!/usr/bin/env bash
# Makes a Docker engine available for the image build and the container tests, on a fresh Debian 12
# machine run as root (CI) or on a developer machine where Docker already runs.
#
#   .ci/docker-setup.sh            installs docker.io if no engine is installed, starts dockerd in the
#                                  background if none answers, waits until it does, prints the env
#   source .ci/docker-setup.sh     same, and also exports the Testcontainers variables into the caller
#
# Idempotent: when an engine already answers it returns at once. Settings (environment):
#   DOCKER_SETUP_TIMEOUT   seconds to wait for the daemon to answer (default 60)
#   DOCKER_SETUP_LOG       dockerd log file (default /var/log/dockerd.log, or /tmp/dockerd.log)
# Exit status 0 when `docker info` answers, 1 otherwise (with the reason and the daemon log's tail).

docker_setup_fail() {
  echo "docker-setup: ERROR: $*" >&2
  return 1
}

docker_setup_answers() {
  docker info >/dev/null 2>&1
}

docker_setup_install() {
  if command -v dockerd >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    docker_setup_fail "no Docker engine (dockerd) installed and not root: install docker.io or Docker Engine"
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    docker_setup_fail "no Docker engine (dockerd) installed and no apt-get to install docker.io"
    return 1
  fi
  echo "docker-setup: installing docker.io (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 \
    || { docker_setup_fail "apt-get update failed"; return 1; }
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends docker.io >&2 \
    || { docker_setup_fail "apt-get install docker.io failed"; return 1; }
  command -v dockerd >/dev/null 2>&1 \
    || { docker_setup_fail "docker.io installed but dockerd is not on PATH"; return 1; }
}

docker_setup_start() {
  if pgrep -x dockerd >/dev/null 2>&1; then
    echo "docker-setup: dockerd already running, waiting for it to answer" >&2
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    docker_setup_fail "the Docker daemon does not answer and only root can start dockerd here"
    return 1
  fi
  local log="${DOCKER_SETUP_LOG:-}"
  if [ -z "$log" ]; then
    if [ -w /var/log ]; then log=/var/log/dockerd.log; else log=/tmp/dockerd.log; fi
  fi
  echo "docker-setup: starting dockerd in the background (log: $log)" >&2
  # setsid: the daemon must outlive this script and must not get the caller's terminal signals.
  setsid nohup dockerd >>"$log" 2>&1 </dev/null &
  DOCKER_SETUP_STARTED_LOG="$log"
}

docker_setup_wait() {
  local timeout="${DOCKER_SETUP_TIMEOUT:-60}"
  local deadline=$((SECONDS + timeout))
  until docker_setup_answers; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      docker_setup_fail "the Docker daemon did not answer 'docker info' within ${timeout}s"
      if [ -n "${DOCKER_SETUP_STARTED_LOG:-}" ] && [ -f "$DOCKER_SETUP_STARTED_LOG" ]; then
        echo "docker-setup: last lines of $DOCKER_SETUP_STARTED_LOG:" >&2
        tail -n 20 "$DOCKER_SETUP_STARTED_LOG" >&2
      fi
      return 1
    fi
    sleep 1
  done
}

docker_setup_main() {
  DOCKER_SETUP_STARTED_LOG=""
  if ! docker_setup_answers; then
    docker_setup_install || return 1
    docker_setup_start || return 1
    docker_setup_wait || return 1
  fi
  # Ryuk (the Testcontainers reaper) would be pulled from a registry: none is reachable, and the
  # tests remove their own containers. The host override stops Testcontainers from choosing a
  # bridge address when it detects it runs inside a container (/.dockerenv).
  export TESTCONTAINERS_RYUK_DISABLED=true
  export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  echo "docker-setup: Docker engine $(docker version --format '{{.Server.Version}}' 2>/dev/null) answers" >&2
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  docker_setup_main
else
  docker_setup_main >/dev/null
fi
