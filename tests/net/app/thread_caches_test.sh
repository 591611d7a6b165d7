#!/usr/bin/env bash
# The tracker runs without glibc's per-thread malloc caches (net/app/memory_return.h): it
# re-executes itself once with GLIBC_TUNABLES set, keeping its process id, and leaves an
# operator's own tcache setting alone.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
serve_fresh "$tracker" "$work" || exit 1
pid=$(pgrep -f -- "--port=$port" | head -1)
tunables=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^GLIBC_TUNABLES=//p')
[[ $tunables == *glibc.malloc.tcache_count=0* ]] && ok "serving with $tunables" ||
  fail "GLIBC_TUNABLES of the server: '$tunables'"
kill "$pid"
wait 2>/dev/null
port=$(free_port)
GLIBC_TUNABLES=glibc.malloc.tcache_count=3 "$tracker" --port="$port" --database="sqlite:$work/u.db" >"$work/log2" 2>&1 &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
pid=$(pgrep -f -- "--port=$port" | head -1)
tunables=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^GLIBC_TUNABLES=//p')
[[ $tunables == glibc.malloc.tcache_count=3 ]] && ok "an operator's own setting is kept" ||
  fail "GLIBC_TUNABLES became '$tunables'"
finish
