#pragma once

#include "tracker/metrics.h"

#include <map>
#include <string>
#include <vector>

namespace Poco::Net
{
class NameValueCollection;
}

namespace tracker::net
{

// What a list of clusters was asked for (page or API), already validated: anything
// unknown falls back to the default instead of failing.
struct ClusterQuery
{
    std::string text;     // ?q=, searched without case or diacritics
    std::string district; // the former district: exact Vietnamese name, or empty for all
    std::string commune;  // a current unit's code ("10369"), or empty for all
    std::string status;   // OC4IDS code, or empty for all
    bool behindOnly = false;
    std::string sort = "name"; // name | progress | gap | area
    int page = 1;
    int perPage = kPageSize;
    static constexpr int kPageSize = 50;
    static constexpr int kMaxPageSize = 200;
};

// Throws BadParameter (400) for a value it cannot read: status, behind, sort, lang, page,
// per_page; an empty value is the default.
ClusterQuery readClusterQuery(const Poco::Net::NameValueCollection& form);
// The named whole-number parameter (fallback when absent), or BadParameter.
int wholeParameter(const Poco::Net::NameValueCollection& form, const std::string& name,
                   int fallback, int highest);
// Nothing, or BadParameter when the parameter is set to none of `values`.
void requireOneOf(const Poco::Net::NameValueCollection& form, const std::string& name,
                  const std::vector<std::string>& values);

// A positive page number from text; 1 for anything else.
int pageNumber(const std::string& text);

// The clusters that match, sorted as asked. Tenants' names are searched too.
std::vector<ClusterSummary>
selectClusters(const std::vector<ClusterSummary>& all, const ClusterQuery& query,
               const std::map<std::int64_t, std::string>& tenantNamesByCluster);

// One page of a list: first index and count, with the page number clamped to the last page.
struct PageSlice
{
    int page = 1;
    int pages = 1;
    std::size_t begin = 0;
    std::size_t end = 0;
};
PageSlice slicePage(std::size_t total, int page, int perPage);

// The district's name in a URL: "Thạch Thất" → "thach-that".
std::string districtSlug(const std::string& district);

} // namespace tracker::net
