#!/usr/bin/env bash
# The shipped deployment files are valid as their own tools read them: systemd-analyze
# verifies the units (with this build's binary in place of /opt/tracker/build/tracker) and
# rates the service's exposure, nginx -t accepts etc/nginx/tracker.conf, and every option
# the units pass exists in tracker --help.
source "$(dirname "$0")/../support/scaffold.sh"
tracker=$1
repo=$(cd "$(dirname "$0")/../.." && pwd)

mkdir -p "$work/units"
for unit in "$repo"/etc/systemd/*; do
  name=$(basename "$unit")
  [[ $name == tracker@.service ]] && name=tracker@8080.service
  sed "s|/opt/tracker/build/tracker|$tracker|g" "$unit" >"$work/units/$name"
done
if (cd "$work/units" && systemd-analyze verify --man=no ./*.service ./*.timer) >"$work/verify" 2>&1; then
  ok "systemd-analyze verify: $(ls "$work/units" | tr '\n' ' ')"
else
  fail "systemd-analyze verify: $(cat "$work/verify")"
fi
exposure=$(cd "$work/units" && systemd-analyze security --offline=true ./tracker@8080.service 2>&1 |
  sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
python3 -c "import sys; sys.exit(0 if 0 < float('${exposure:-99}') <= 2.0 else 1)" &&
  ok "systemd-analyze security rates the service's exposure $exposure (≤ 2.0)" || fail "exposure: '$exposure'"

mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  include $repo/etc/nginx/tracker.conf;
}
CONF
/usr/sbin/nginx -t -q -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" 2>"$work/nginx-t" &&
  ok "nginx -t accepts etc/nginx/tracker.conf as shipped" || fail "nginx -t: $(cat "$work/nginx-t")"

"$tracker" --help >"$work/help" 2>&1
for option in $(grep -ho -- '--[a-z-]*=' "$repo"/etc/systemd/* | sort -u); do
  grep -q -- "${option%=}" "$work/help" && ok "tracker --help has $option" || fail "the units pass $option, which tracker does not have"
done
finish
