#include "net/http/errors.h"
#include "net/pages/pages.h"
#include "net/views/compare_views.h"
#include "net/views/labels.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "tracker/text_checks.h"

namespace tracker::net
{
namespace
{
constexpr std::size_t kMostCompared = 4;
}

// GET /compare?c=a,b,c: up to four clusters side by side.
std::string comparePage(PageRequest& page)
{
    const auto codes = commaList(page.form.get("c", ""));
    if (codes.empty() || codes.size() > kMostCompared)
        throw BadParameter("c", "one to four cluster codes, comma-separated");
    const auto today = page.site.clock.todayInHanoi();
    persistence::ClusterRepository clusters(page.site.database);
    persistence::ClusterFactsRepository facts(page.site.database);
    persistence::DelayFlagRepository flags(page.site.database);
    std::vector<ComparedCluster> compared;
    for (const auto& code : codes)
    {
        auto detail = clusters.findDetail(code, 1, today);
        if (!detail)
            return notFoundPage(page);
        const auto id = detail->summary.cluster.id;
        compared.push_back({std::move(*detail), facts.find(id), flags.flagsOfCluster(id)});
    }
    return page.render("compare", compareView(compared, today, page.language),
                       label(page.language, "compare_title"));
}

} // namespace tracker::net
