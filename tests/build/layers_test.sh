#!/usr/bin/env bash
# The walls of the layout (docs/architecture.md), checked on every include: a change that
# makes an inner room depend on an outer one fails here, naming the file and the line.
# Usage: layers_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"
failures=0

# forbid FOLDER REGEX WHY: no file under FOLDER may have an #include line matching REGEX.
forbid() {
  local folder=$1 pattern=$2 why=$3 hits
  hits=$(grep -rnE --include='*.cpp' --include='*.h' "^#include +${pattern}" "$folder" || true)
  if [ -n "$hits" ]; then
    echo "FAIL: $folder must not include $why:"
    echo "$hits" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}

# The domain is standard C++: no database, no network, no templates.
forbid tracker '("(persistence|net)/|<(Poco|soci|kainjow|unicode|sodium|xlsxwriter|csv)[/.])' \
  "persistence/, net/ or a third-party library"
# Persistence maps the domain to SQL and knows nothing of HTTP.
forbid persistence '("net/|<Poco/Net/|<kainjow)' "net/, Poco::Net or templates"
# Transport only: no domain, no data, no other room of net/.
forbid net/http '("(tracker|persistence)/|"net/(app|access|api|jobs|office|operations|pages|views|routes|site_context))' \
  "the domain, persistence or another room of net/"
# The edits shared by forms, API and import: no HTTP.
forbid net/operations '(<Poco/Net/|"net/(app|api|http|jobs|office|pages|views|routes|site_context))' \
  "Poco::Net or the rooms that use it"
# What pages are made of: no handlers.
forbid net/views '"net/(app|access|api|jobs|office|operations|pages|routes)' "handlers or the application"
# Jobs and mail: no handlers.
forbid net/jobs '"net/(app|access|api|office|pages|routes)' "handlers or the application"
# The three kinds of handler do not call each other (office may use the page frame).
forbid net/pages '"net/(app|api|office|routes)' "the API, the back office or the application"
forbid net/api '"net/(app|office|pages|routes)' "pages, the back office or the application"
forbid net/office '"net/(app|api|routes)' "the API or the application"
forbid net/access '"net/(app|api|office|pages|routes)' "handlers or the application"

# Of the pages, the back office uses only the page frame (language, layout).
if grep -rnP --include='*.cpp' --include='*.h' '^#include +"net/pages/(?!page_frame)' net/office; then
  echo "FAIL: net/office may include only net/pages/page_frame.h of the pages"
  failures=$((failures + 1))
fi

# docs/architecture.md walks a newcomer through files by name: each must exist.
for file in $(grep -oE '`(tracker|persistence|net|etc|tests|scripts)/[A-Za-z0-9_./-]+`' docs/architecture.md | tr -d '`' | sort -u); do
  if [ ! -e "$file" ]; then
    echo "FAIL: docs/architecture.md names $file, which does not exist"
    failures=$((failures + 1))
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "$failures wall(s) broken"
  exit 1
fi
echo "every include points inward: tracker ← persistence ← net, and net's rooms as drawn;"
echo "every file docs/architecture.md names exists"
