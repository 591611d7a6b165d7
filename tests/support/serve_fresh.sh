# Sourced by shell tests: serve_fresh TRACKER DIR starts the tracker on a free port over a
# fresh SQLite database in DIR, waits until it answers, and sets $port.
serve_fresh() {
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  "$1" --port="$port" --database="sqlite:$2/t.db" >"$2/log" 2>&1 &
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "the tracker did not start: $(cat "$2/log")" >&2
  return 1
}
