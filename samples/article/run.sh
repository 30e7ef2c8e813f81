#!/usr/bin/env bash
# Runs one side of the seed article's hole-punching procedure in the natprobe shell.
#   run.sh waiting SERVER:PORT         creates the session; read the printed code to the other side
#   run.sh acting  SERVER:PORT CODE    joins with that code and performs open / ask / send
# Both sides need a natprobe probe server with rendezvous (natprobe server, docs/server.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
natprobe="${NATPROBE:-$here/../../natprobe}"
side="${1:-}" server="${2:-}" code="${3:-}"
case "$side" in
  waiting) [ -n "$server" ] || { echo "usage: $0 waiting SERVER:PORT" >&2; exit 2; } ;;
  acting)  [ -n "$server" ] && [ -n "$code" ] || { echo "usage: $0 acting SERVER:PORT CODE" >&2; exit 2; } ;;
  *) echo "usage: $0 waiting SERVER:PORT | acting SERVER:PORT CODE" >&2; exit 2 ;;
esac
sed -e "s|@SERVER@|$server|" -e "s|@CODE@|$code|" "$here/$side-side.natprobe" | "$natprobe" shell
