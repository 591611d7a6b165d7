#include "net/jobs/land_alerts.h"

#include "net/views/investor_mail.h"
#include "net/views/land_search.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/opt_in_repository.h"

#include <Poco/Net/NameValueCollection.h>
#include <map>

namespace tracker::net
{
namespace
{
std::map<std::string, std::string> parseState(const std::string& state)
{
    std::map<std::string, std::string> entries;
    std::size_t start = 0;
    while (start < state.size())
    {
        const auto end = std::min(state.find(';', start), state.size());
        const auto item = state.substr(start, end - start);
        if (const auto eq = item.find('='); eq != std::string::npos)
            entries[item.substr(0, eq)] = item.substr(eq + 1);
        start = end + 1;
    }
    return entries;
}

std::string offeredText(const LandRow& row)
{
    return row.offered ? std::to_string(*row.offered) : "?";
}

persistence::QueuedMail alertFor(const Subscription& s, const std::vector<LandRow>& rows,
                                 const std::string& previous, const JobSettings& jobs)
{
    const auto before = parseState(previous);
    const bool en = s.language == "en";
    const std::string lang = en ? "?lang=en" : "";
    std::vector<LandAlertLine> lines;
    int stayed = 0;
    for (const auto& row : rows)
    {
        const auto& c = row.summary.cluster;
        const auto found = before.find(c.code);
        const std::string change = found == before.end()               ? "new"
                                   : found->second != offeredText(row) ? "changed"
                                                                       : "";
        stayed += found != before.end();
        lines.push_back(
            {c.nameVi, jobs.publicBaseUrl + "/clusters/" + c.code + lang, row.offered, change});
    }
    const int gone = static_cast<int>(before.size()) - stayed;
    const std::string base = jobs.publicBaseUrl;
    return landAlert(s, describeLandSearch(s.scopeValue, en ? Language::En : Language::Vi), lines,
                     gone, base + "/land?" + s.scopeValue + (en ? "&lang=en" : ""),
                     base + "/subscriptions/manage?t=" + s.token,
                     base + "/unsubscribe?t=" + s.token);
}
} // namespace

std::string landAlertState(const std::vector<LandRow>& rows)
{
    std::vector<std::string> items;
    for (const auto& row : rows)
        items.push_back(row.summary.cluster.code + "=" + offeredText(row));
    std::sort(items.begin(), items.end());
    std::string state;
    for (const auto& item : items)
        state += (state.empty() ? "" : ";") + item;
    return state;
}

std::string runLandAlerts(persistence::Database& database, const Clock& clock,
                          const JobSettings& jobs, const Progress& progress)
{
    persistence::OptInRepository optIns(database);
    const auto searches = optIns.savedSearches();
    const Date today = clock.todayInHanoi();
    int queued = 0, unchanged = 0, unreadable = 0;
    if (!searches.empty())
    {
        const auto all = persistence::ClusterRepository(database).listSummaries(today);
        const auto facts = persistence::ClusterFactsRepository(database).all();
        for (const auto& [subscription, previous] : searches)
        {
            std::vector<LandRow> rows;
            try
            {
                rows = selectLand(all, facts,
                                  readLandQuery(landSearchForm(subscription.scopeValue), today),
                                  today);
            }
            catch (const std::exception&)
            {
                ++unreadable; // e.g. a commune code no longer listed; kept, never alerted
                continue;
            }
            const auto state = landAlertState(rows);
            if (state == previous)
            {
                ++unchanged;
                continue;
            }
            const auto mail = alertFor(subscription, rows, previous, jobs);
            queued += optIns.recordAlert(subscription.id, previous, state, mail,
                                         clock.unixSeconds(), today, jobs.messageDomain());
        }
    }
    const std::string summary =
        "land alerts " + today.iso() + ": " + std::to_string(searches.size()) +
        " saved searches, " + std::to_string(queued) + " alerts queued, " +
        std::to_string(unchanged) + " unchanged" +
        (unreadable ? ", " + std::to_string(unreadable) + " unreadable" : "");
    if (progress)
        progress(summary);
    return summary;
}

} // namespace tracker::net
