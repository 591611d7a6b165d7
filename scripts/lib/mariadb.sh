# Private MariaDB servers for tests: own data folder, own loopback port, no systemd.
# Source this file, then: mariadb_start DIR PORT; mariadb_stop DIR.
# A user tracker/tracker may connect over TCP from 127.0.0.1 and create databases.

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

mariadb_start() {
  local dir=$1 port=$2 fresh=0
  mkdir -p "$dir"
  if [[ ! -d "$dir/data/mysql" ]]; then
    mariadb-install-db --no-defaults --datadir="$dir/data" --user=root --skip-test-db \
      >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; return 1; }
    fresh=1
  fi
  /usr/sbin/mariadbd --no-defaults --user=root --datadir="$dir/data" \
    --socket="$dir/mysqld.sock" --port="$port" --bind-address=127.0.0.1 \
    --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 &
  echo $! >"$dir/launcher.pid"
  local tries=0
  until mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [[ $tries -gt 300 ]]; then
      echo "MariaDB did not start; see $dir/error.log" >&2
      tail -5 "$dir/error.log" >&2
      return 1
    fi
    sleep 0.1
  done
  if [[ $fresh -eq 1 ]]; then
    mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e \
      "CREATE USER 'tracker'@'127.0.0.1' IDENTIFIED BY 'tracker';
       GRANT ALL PRIVILEGES ON *.* TO 'tracker'@'127.0.0.1';
       CREATE DATABASE tracker_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  fi
}

mariadb_kill() { # as a crash: no shutdown, no flush
  local dir=$1
  [[ -f "$dir/mysqld.pid" ]] && kill -9 "$(cat "$dir/mysqld.pid")" 2>/dev/null
  wait_gone "$dir"
}

mariadb_stop() {
  local dir=$1
  [[ -f "$dir/mysqld.pid" ]] && kill -TERM "$(cat "$dir/mysqld.pid")" 2>/dev/null
  wait_gone "$dir"
}

wait_gone() {
  local dir=$1 pid
  pid=$(cat "$dir/launcher.pid" 2>/dev/null) || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/mysqld.pid"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/mysqld.pid"
}
