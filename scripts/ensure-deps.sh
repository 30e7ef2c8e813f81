#!/usr/bin/env bash
# Installs the Debian packages natprobe needs when they are missing and we are root with apt-get.
# Usage: scripts/ensure-deps.sh build|lab|test
#   build: a JDK 17+ and Maven
#   lab:   build + iproute2, nftables, conntrack (real NATs in network namespaces)
#   test:  lab + tshark (pcap checks) and chromium (the report is rendered headless)
set -euo pipefail
want=${1:-build}
pkgs=()
need() { command -v "$1" >/dev/null 2>&1 || pkgs+=("$2"); }
need javac openjdk-17-jdk-headless
need mvn maven
if [ "$want" = lab ] || [ "$want" = test ]; then
  need ip iproute2
  need nft nftables
  need conntrack conntrack
  need sysctl procps
fi
if [ "$want" = test ]; then
  need tshark tshark
  need chromium chromium   # the support report is rendered headless (ReportRenderIT)
fi
[ ${#pkgs[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "natprobe: installing ${pkgs[*]} (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer for it.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
else
  echo "natprobe: missing ${pkgs[*]}; install them (Debian: apt-get install -y ${pkgs[*]})" >&2
  exit 2
fi
