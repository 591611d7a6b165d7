# nginx in front of tracker instances, from the shipped etc/nginx/tracker.conf with only its
# ports and paths replaced: the tests and benchmarks run the configuration users install.
# Source this file, then:
#   nginx_front DIR PORT STATIC_DIR UPSTREAM_PORT...   starts nginx on 127.0.0.1:PORT
#     (DIR's parent folders must be searchable by other users: nginx's workers read
#     DIR/static as their own user)
#   nginx_stop DIR
nginx_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

nginx_front() {
  local dir=$1 port=$2 static=$3
  shift 3
  mkdir -p "$dir/tmp" "$dir/static"
  cp -r "$static/." "$dir/static/"
  chmod -R a+rX "$dir" # the workers may run as another user
  local servers=""
  for upstream in "$@"; do
    servers+="    server 127.0.0.1:$upstream max_fails=1 fail_timeout=3s;\n"
  done
  # The upstream's server lines, the listen line and the static folder are replaced.
  sed -e '/^    server 127\.0\.0\.1:808[0-9]/d' \
    -e "s|^    keepalive 64;|${servers}    keepalive 64;|" \
    -e "s|listen 127.0.0.1:80;|listen 127.0.0.1:$port;|" \
    -e "s|alias /opt/tracker/etc/static/;|alias $dir/static/;|" \
    "$nginx_lib_dir/../../etc/nginx/tracker.conf" >"$dir/tracker.conf"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  include $dir/tracker.conf;
}
CONF
  /usr/sbin/nginx -c "$dir/nginx.conf" -e "$dir/error.log" || { cat "$dir/error.log" >&2; return 1; }
  for _ in $(seq 50); do
    [[ -s "$dir/nginx.pid" ]] && return 0
    sleep 0.1
  done
  echo "nginx did not start: $(cat "$dir/error.log")" >&2
  return 1
}

nginx_stop() {
  local dir=$1
  [[ -s "$dir/nginx.pid" ]] || return 0
  local pid
  pid=$(cat "$dir/nginx.pid")
  kill -QUIT "$pid" 2>/dev/null
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  return 0
}
