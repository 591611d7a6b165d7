#include "net/views/cluster_query.h"

#include "net/http/errors.h"
#include "net/views/admin_units_file.h"
#include "net/views/collation.h"
#include "net/views/page_views.h"
#include "net/views/places.h"
#include "net/views/text_search.h"
#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <Poco/Net/NameValueCollection.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
constexpr std::size_t kMaxQueryBytes = 200;

// Cut at a character boundary, never inside a UTF-8 sequence.
std::string cutUtf8(std::string text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    return text;
}

bool matchesText(const ClusterSummary& s, const std::string& foldedQuery,
                 const std::string& tenantNames)
{
    const Cluster& c = s.cluster;
    return matchesAllWords(foldForSearch(c.nameVi + " " + placeNamesForSearch(c) + " " +
                                         c.developer + " " + tenantNames),
                           foldedQuery);
}

double gap(const ClusterSummary& s)
{
    return s.plannedPercent.value_or(0) - s.progressPercent.value_or(0);
}

void sortClusters(std::vector<ClusterSummary>& list, const std::string& sort)
{
    if (sort == "progress")
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) {
                             return a.progressPercent.value_or(-1) > b.progressPercent.value_or(-1);
                         });
    else if (sort == "gap")
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) { return gap(a) > gap(b); });
    else if (sort == "area")
        std::stable_sort(
            list.begin(), list.end(),
            [](const auto& a, const auto& b)
            { return a.cluster.totalArea.value_or(-1) > b.cluster.totalArea.value_or(-1); });
    else
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b)
                         { return vietnameseLess(a.cluster.nameVi, b.cluster.nameVi); });
}
} // namespace

int pageNumber(const std::string& text)
{
    try
    {
        return std::max(1, std::stoi(text));
    }
    catch (const std::exception&)
    {
        return 1; // a page number that is not a number shows the first page
    }
}

int wholeParameter(const Poco::Net::NameValueCollection& form, const std::string& name,
                   int fallback, int highest)
{
    if (!form.has(name))
        return fallback;
    const auto value = parseWholeNumber(form.get(name));
    if (!value || *value < 1 || *value > highest)
        throw BadParameter(name, "a whole number from 1 to " + std::to_string(highest));
    return static_cast<int>(*value);
}

void requireOneOf(const Poco::Net::NameValueCollection& form, const std::string& name,
                  const std::vector<std::string>& values)
{
    if (!form.has(name) || form.get(name).empty())
        return;
    if (std::find(values.begin(), values.end(), form.get(name)) != values.end())
        return;
    std::string allowed;
    for (std::size_t i = 0; i < values.size(); ++i)
        allowed += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
    throw BadParameter(name, allowed);
}

ClusterQuery readClusterQuery(const Poco::Net::NameValueCollection& form)
{
    ClusterQuery query;
    std::vector<std::string> statuses;
    for (const auto status :
         {ProjectStatus::Identification, ProjectStatus::Preparation, ProjectStatus::Implementation,
          ProjectStatus::Completion, ProjectStatus::Completed, ProjectStatus::Cancelled})
        statuses.emplace_back(code(status));
    requireOneOf(form, "status", statuses);
    requireOneOf(form, "behind", {"0", "1"});
    requireOneOf(form, "sort", {"name", "progress", "gap", "area"});
    requireOneOf(form, "lang", {"vi", "en"});
    query.text = cutUtf8(form.get("q", ""), kMaxQueryBytes);
    query.district = form.get("district", "");
    query.commune = form.get("commune", "");
    if (!query.commune.empty() && !adminUnits().byCode(query.commune))
        throw BadParameter("commune", "a unit code such as 10369 (see /api/v1/communes)");
    query.status = projectStatusFromCode(form.get("status", "")) ? form.get("status") : "";
    query.behindOnly = form.get("behind", "") == "1";
    const std::string sort = form.get("sort", "name");
    if (sort == "progress" || sort == "gap" || sort == "area")
        query.sort = sort;
    query.page = wholeParameter(form, "page", 1, 1'000'000);
    query.perPage =
        wholeParameter(form, "per_page", ClusterQuery::kPageSize, ClusterQuery::kMaxPageSize);
    return query;
}

std::vector<ClusterSummary>
selectClusters(const std::vector<ClusterSummary>& all, const ClusterQuery& query,
               const std::map<std::int64_t, std::string>& tenantNamesByCluster)
{
    const std::string folded = foldForSearch(query.text);
    std::vector<ClusterSummary> matching;
    for (const auto& s : all)
    {
        if (!query.district.empty() && s.cluster.district != query.district)
            continue;
        if (!query.commune.empty() && !liesIn(s.cluster, query.commune))
            continue;
        if (!query.status.empty() && code(s.cluster.status) != query.status)
            continue;
        if (query.behindOnly && !s.isBehind())
            continue;
        const auto tenants = tenantNamesByCluster.find(s.cluster.id);
        if (!query.text.empty() &&
            !matchesText(s, folded, tenants == tenantNamesByCluster.end() ? "" : tenants->second))
            continue;
        matching.push_back(s);
    }
    sortClusters(matching, query.sort);
    return matching;
}

PageSlice slicePage(std::size_t total, int page, int perPage)
{
    PageSlice slice;
    const auto size = static_cast<std::size_t>(std::max(1, perPage));
    slice.pages = std::max(1, static_cast<int>((total + size - 1) / size));
    slice.page = std::clamp(page, 1, slice.pages);
    slice.begin = std::min(total, static_cast<std::size_t>(slice.page - 1) * size);
    slice.end = std::min(total, slice.begin + size);
    return slice;
}

std::string districtSlug(const std::string& district)
{
    std::string slug;
    for (const char c : foldForSearch(district))
    {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

} // namespace tracker::net
