# A MariaDB Galera cluster of three nodes on loopback, for tests and benchmarks: private
# data folders, free ports, no systemd. Source after scripts/lib/mariadb.sh, then:
#   galera_start DIR          starts nodes 1–3 (node 1 bootstraps); sets galera_port[1..3]
#   galera_kill DIR N         kill -9 of node N (a crash)
#   galera_restart DIR N      node N again with its data: it rejoins (IST) and syncs
#   galera_stop DIR           stops every node
#   galera_sql N SQL          runs SQL on node N as root
#   galera_wait_synced N [SIZE [S]]  until node N says Synced in a cluster of SIZE nodes
#                             (default 3; at most S seconds, default 60)
# Ports of node N are in DIR/nodeN/ports: SQL GCOMM IST SST. The nodes run as the mysql
# user (Debian's mariadb-server creates it).
declare -a galera_port

galera_node_args() { # DIR N
  local dir=$1 n=$2 sql gcomm ist sst
  read -r sql gcomm ist sst <"$dir/node$n/ports"
  local cluster="" m
  for m in 1 2 3; do
    cluster+="127.0.0.1:$(awk '{print $2}' "$dir/node$m/ports"),"
  done
  echo --no-defaults --user=mysql --datadir="$dir/node$n/data" --socket="$dir/node$n/mysqld.sock" \
    --port="$sql" --bind-address=127.0.0.1 --pid-file="$dir/node$n/mysqld.pid" \
    --log-error="$dir/node$n/error.log" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
    --wsrep-cluster-name=tracker_test --wsrep-cluster-address="gcomm://${cluster%,}" \
    --wsrep-node-address="127.0.0.1:$gcomm" --wsrep-node-name="node$n" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$gcomm;ist.recv_addr=127.0.0.1:$ist;gcache.size=64M;evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT3S;evs.install_timeout=PT3S" \
    --wsrep-sst-receive-address="127.0.0.1:$sst" --wsrep-sst-method=rsync
}

galera_launch() { # DIR N [EXTRA...]
  local dir=$1 n=$2
  shift 2
  # shellcheck disable=SC2046
  /usr/sbin/mariadbd $(galera_node_args "$dir" "$n") "$@" >>"$dir/node$n/stdout.log" 2>&1 &
  echo $! >"$dir/node$n/launcher.pid"
}

galera_sql() { # N SQL (uses $galera_dir)
  mariadb --no-defaults --socket="$galera_dir/node$1/mysqld.sock" -uroot -N -B -e "$2"
}

galera_wait_synced() { # N [SIZE [SECONDS]]
  local n=$1 want=${2:-3} tries=$((${3:-60} * 10)) state size
  for _ in $(seq "$tries"); do
    state=$(galera_sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}')
    size=$(galera_sql "$n" "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | awk '{print $2}')
    [[ $state == Synced && $size == "$want" ]] && return 0
    sleep 0.1
  done
  echo "node $n did not sync (state '$state', cluster size '$size'); see $galera_dir/node$n/error.log" >&2
  tail -5 "$galera_dir/node$n/error.log" >&2
  return 1
}

galera_start() { # DIR
  galera_dir=$1
  local n
  for n in 1 2 3; do
    mkdir -p "$galera_dir/node$n/data"
    echo "$(free_port) $(free_port) $(free_port) $(free_port)" >"$galera_dir/node$n/ports"
    galera_port[$n]=$(awk '{print $1}' "$galera_dir/node$n/ports")
  done
  # As the mysql user, not root: the joiner's rsync daemon would otherwise drop to nobody,
  # who may not write the data folder. DIR's parents must be searchable by mysql.
  chown -R mysql:mysql "$galera_dir"
  chmod 755 "$galera_dir"
  mariadb-install-db --no-defaults --datadir="$galera_dir/node1/data" --user=mysql --skip-test-db \
    >"$galera_dir/install.log" 2>&1 || { cat "$galera_dir/install.log" >&2; return 1; }
  galera_launch "$galera_dir" 1 --wsrep-new-cluster
  for _ in $(seq 300); do
    galera_sql 1 "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.1
  done
  galera_sql 1 "CREATE USER 'tracker'@'127.0.0.1' IDENTIFIED BY 'tracker';
    GRANT ALL PRIVILEGES ON *.* TO 'tracker'@'127.0.0.1';
    CREATE USER 'haproxy_check'@'127.0.0.1';
    CREATE DATABASE tracker CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" || return 1
  galera_launch "$galera_dir" 2
  galera_wait_synced 2 2 || return 1 # one joiner at a time: node 1 is the donor of each
  galera_launch "$galera_dir" 3
  galera_wait_synced 3 || return 1
  galera_wait_synced 1
}

galera_node_pid() { cat "$galera_dir/node$1/mysqld.pid" 2>/dev/null; }

galera_kill() { # DIR N
  local pid
  pid=$(galera_node_pid "$2")
  [[ -n $pid ]] && kill -9 "$pid"
  local launcher
  launcher=$(cat "$1/node$2/launcher.pid")
  for _ in $(seq 100); do
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$1/node$2/mysqld.pid"
}

# Whether nothing listens on, or holds, 127.0.0.1:PORT.
galera_port_free() {
  /usr/bin/python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.close()' "$1" 2>/dev/null
}

galera_restart() { # DIR N
  # The joiner binds its IST and SST receive ports again; since the start, an ephemeral
  # client connection may have taken one (they were picked from the same range), and the
  # SST would abort. Those two ports are the joiner's own, so a taken one is replaced.
  local sql gcomm ist sst
  read -r sql gcomm ist sst <"$1/node$2/ports"
  galera_port_free "$ist" || ist=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  galera_port_free "$sst" || sst=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  echo "$sql $gcomm $ist $sst" >"$1/node$2/ports"
  galera_launch "$1" "$2"
}

galera_stop() { # DIR
  local n pid launcher
  for n in 3 2 1; do
    pid=$(cat "$1/node$n/mysqld.pid" 2>/dev/null) || continue
    kill -TERM "$pid" 2>/dev/null
  done
  for n in 1 2 3; do
    launcher=$(cat "$1/node$n/launcher.pid" 2>/dev/null) || continue
    for _ in $(seq 150); do
      kill -0 "$launcher" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$launcher" 2>/dev/null
  done
  return 0
}
