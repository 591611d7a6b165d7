#include "net/api/metrics.h"

#include "net/access/auth.h"
#include "net/access/credentials.h"
#include "net/http/request_metrics.h"
#include "net/http/responses.h"
#include "persistence/dialect.h"
#include "persistence/job_repository.h"
#include "persistence/mail_repository.h"
#include "tracker/clock.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <algorithm>
#include <sstream>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

// Label values are quoted, with \ " and newlines escaped as the format asks.
std::string label(const std::string& value)
{
    std::string out;
    for (const char c : value)
    {
        if (c == '\\' || c == '"')
            out += '\\';
        out += c == '\n' ? 'n' : c;
    }
    return "\"" + out + "\"";
}

void family(std::ostream& out, const char* name, const char* type, const char* help)
{
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

void requests(std::ostream& out, const RequestMetrics& metrics)
{
    const auto snapshot = metrics.snapshot();
    family(out, "tracker_http_requests_total", "counter",
           "Requests answered, by route and status.");
    for (const auto& [key, count] : snapshot.requests)
        out << "tracker_http_requests_total{route=" << label(key.first) << ",status=\""
            << key.second << "\"} " << count << '\n';
    family(out, "tracker_http_request_duration_seconds", "histogram",
           "Time from a request's headers to its answer.");
    for (std::size_t i = 0; i < RequestMetrics::kBuckets.size(); ++i)
        out << "tracker_http_request_duration_seconds_bucket{le=\"" << RequestMetrics::kBuckets[i]
            << "\"} " << snapshot.buckets[i] << '\n';
    out << "tracker_http_request_duration_seconds_bucket{le=\"+Inf\"} " << snapshot.count << '\n'
        << "tracker_http_request_duration_seconds_sum " << snapshot.sumSeconds << '\n'
        << "tracker_http_request_duration_seconds_count " << snapshot.count << '\n';
}

void cacheAndPool(std::ostream& out, SiteContext& site)
{
    const auto cache = site.cache.stats();
    family(out, "tracker_cache_hits_total", "counter", "Answers served from the page cache.");
    out << "tracker_cache_hits_total " << cache.hits << '\n';
    family(out, "tracker_cache_misses_total", "counter", "Cache lookups that found nothing fresh.");
    out << "tracker_cache_misses_total " << cache.misses << '\n';
    family(out, "tracker_cache_renders_total", "counter", "Answers rendered on a miss.");
    out << "tracker_cache_renders_total " << cache.renders << '\n';
    family(out, "tracker_cache_stale_served_total", "counter",
           "Previous answers served to visitors (at most 1 s after a change) while a fresh one "
           "rendered.");
    out << "tracker_cache_stale_served_total " << cache.stale << '\n';
    family(out, "tracker_cache_evictions_total", "counter", "Entries dropped for the budget.");
    out << "tracker_cache_evictions_total " << cache.evictions << '\n';
    family(out, "tracker_cache_bytes", "gauge", "Bytes the page cache holds.");
    out << "tracker_cache_bytes " << cache.bytes << '\n';
    const auto snapshot = site.summaries.stats();
    family(out, "tracker_cluster_figure_loads_total", "counter",
           "Loads of the clusters' figures into memory: all of them, or one changed cluster.");
    out << "tracker_cluster_figure_loads_total{kind=\"all\"} " << snapshot.fullLoads << '\n';
    out << "tracker_cluster_figure_loads_total{kind=\"cluster\"} " << snapshot.clusterLoads << '\n';
    family(out, "tracker_sqlite_heap_bytes", "gauge",
           "Bytes SQLite holds on the heap, its page caches included.");
    out << "tracker_sqlite_heap_bytes " << persistence::dialect::sqliteHeapBytes() << "\n";
    const auto pool = site.database.poolStats();
    family(out, "tracker_db_sessions", "gauge", "Database sessions in the pool.");
    out << "tracker_db_sessions " << pool.size << '\n';
    family(out, "tracker_db_sessions_in_use", "gauge", "Database sessions in use now.");
    out << "tracker_db_sessions_in_use " << pool.inUse << '\n';
    family(out, "tracker_db_sessions_waiting", "gauge", "Threads waiting for a session.");
    out << "tracker_db_sessions_waiting " << pool.waiting << '\n';
    family(out, "tracker_db_reconnects_total", "counter", "Sessions reopened after a lost link.");
    out << "tracker_db_reconnects_total " << pool.reconnects << '\n';
    family(out, "tracker_db_conflict_retries_total", "counter",
           "Transactions run again after losing a write conflict (Galera certification).");
    out << "tracker_db_conflict_retries_total " << pool.conflictRetries << '\n';
}

void jobs(std::ostream& out, SiteContext& site)
{
    persistence::JobRepository repository(site.database);
    family(out, "tracker_job_runs_total", "counter", "Scheduled job runs, by job and outcome.");
    for (const auto& [job, outcomes] : repository.runCounts())
        for (const auto& [outcome, count] : outcomes)
            out << "tracker_job_runs_total{job=" << label(job) << ",outcome=" << label(outcome)
                << "} " << count << '\n';
    family(out, "tracker_job_last_duration_seconds", "gauge", "How long each job's last run took.");
    family(out, "tracker_last_delay_scan_timestamp_seconds", "gauge",
           "When the last delay scan finished (unix time).");
    std::map<std::string, bool> seen;
    for (const auto& run : repository.recentRuns(100)) // newest first
    {
        const auto started = parseInstant(run.startedAt), finished = parseInstant(run.finishedAt);
        if (!started || !finished || seen[run.job])
            continue;
        seen[run.job] = true;
        out << "tracker_job_last_duration_seconds{job=" << label(run.job) << "} "
            << (*finished - *started) << '\n';
        if (run.job == "delay-scan")
            out << "tracker_last_delay_scan_timestamp_seconds " << *finished << '\n';
    }
    family(out, "tracker_outbox_rows", "gauge", "Digest outbox rows, by state.");
    for (const auto& [state, count] : persistence::MailRepository(site.database).outboxByState())
        out << "tracker_outbox_rows{state=" << label(state) << "} " << count << '\n';
}

bool allowed(SiteContext& site, const Poco::Net::HTTPServerRequest& request)
{
    const auto& access = site.metrics;
    const std::string authorization = request.get("Authorization", "");
    if (!access.token.empty() && sameSecret(authorization, "Bearer " + access.token))
        return true;
    const std::string client = clientAddress(request, site.auth);
    return std::find(access.allow.begin(), access.allow.end(), client) != access.allow.end();
}
} // namespace

void metricsPage(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response, const RouteMatch&)
{
    response.set("Cache-Control", "no-store");
    if (!allowed(site, request))
        return sendJsonError(response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                             "Chỉ dành cho người vận hành. For operators only.");
    std::ostringstream out;
    if (site.metrics.requests)
        requests(out, *site.metrics.requests);
    cacheAndPool(out, site);
    jobs(out, site);
    const std::string body = out.str();
    response.setStatusAndReason(HTTPResponse::HTTP_OK);
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.sendBuffer(body.data(), body.size());
}

} // namespace tracker::net
