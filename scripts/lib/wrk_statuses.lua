-- wrk script for scripts/faults: GETs the four public routes in turn and prints, at the end,
-- one JSON line with the requests, the answers by status, the socket errors and p50/p99.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  paths = { "/", "/clusters", "/clusters/huu-bang", "/api/v1/clusters" }
  n = 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format('{"requests": %d, "statuses": {%s}, "socket_errors": %d, ' ..
    '"p50_ms": %.2f, "p99_ms": %.2f}\n', summary.requests, table.concat(parts, ", "),
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
