#include "net/api/oc4ids.h"

#include "net/views/places.h"
#include "tracker/enums.h"
#include "tracker/progress_curves.h"
#include "tracker/schedule.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <cmath>
#include <sstream>

namespace tracker::net
{
namespace
{
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kIdPrefix = "hanoi-ccn-";
constexpr int kPlannedSamples = 12;

std::string instant(const Date& date)
{
    return date.iso() + "T00:00:00+07:00";
}

Object period(const Date& start, const Date& end)
{
    Object json;
    json.set("startDate", instant(start));
    json.set("endDate", instant(end));
    return json;
}

Object vnd(Vnd amount)
{
    Object json;
    json.set("amount", static_cast<Poco::Int64>(amount));
    json.set("currency", "VND");
    return json;
}

Object location(const Cluster& c, const DistrictMap& map)
{
    // Since 1/7/2025 the commune-level unit sits directly under the city: it is the locality,
    // named with its statistics code; the former district and commune are context.
    std::string codes;
    for (const auto& unit : c.units)
        codes += (codes.empty() ? "" : ", ") + unit.code;
    const std::string placed =
        placementText(c, Language::Vi) + (codes.empty() ? "" : " (mã ĐVHC " + codes + ")");
    const std::string former =
        "huyện " + c.district + " cũ" + (c.commune.empty() ? "" : ", " + c.commune + " cũ");
    Object address;
    address.set("locality", placed);
    address.set("region", "Hà Nội");
    address.set("countryName", "Việt Nam");
    Object json;
    json.set("id", "1");
    json.set("address", address);
    const DistrictShape* district = map.find(c.district);
    if (district && district->centroidLatitude && district->centroidLongitude)
    {
        Object point;
        point.set("type", "Point");
        Array coordinates; // GeoJSON order: longitude, latitude
        coordinates.add(*district->centroidLongitude);
        coordinates.add(*district->centroidLatitude);
        point.set("coordinates", coordinates);
        json.set("geometry", point);
        json.set("description", placed + "; trước 1/7/2025: " + former +
                                    ". Tọa độ là tâm huyện cũ, chưa có tọa độ của cụm — the "
                                    "former district's centre, the cluster has no coordinates.");
    }
    else
        json.set("description", placed + "; trước 1/7/2025: " + former);
    return json;
}

Array parties(const Cluster& c)
{
    Array parties;
    Object authority;
    authority.set("id", "ubnd-ha-noi");
    authority.set("name", "Ủy ban nhân dân thành phố Hà Nội");
    Array authorityRoles;
    authorityRoles.add("publicAuthority");
    authority.set("roles", authorityRoles);
    parties.add(authority);
    if (!c.developer.empty())
    {
        Object developer;
        developer.set("id", "developer");
        developer.set("name", c.developer);
        Array roles;
        roles.add("funder");
        developer.set("roles", roles);
        parties.add(developer);
    }
    return parties;
}

Array milestones(const std::vector<WorkItem>& items, const Date& today)
{
    Array list;
    for (const auto& item : items)
    {
        Object milestone;
        milestone.set("id", "work-item-" + std::to_string(item.id));
        milestone.set("title",
                      std::string(labelVi(item.kind)) + " — " + std::string(labelEn(item.kind)));
        milestone.set("type", "delivery");
        milestone.set("dueDate", instant(item.plannedFinish));
        milestone.set("status", item.percentDone >= 100  ? "met"
                                : isOverdue(item, today) ? "notMet"
                                                         : "scheduled");
        list.add(milestone);
    }
    return list;
}

// One metric (OC4IDS Metric) from an S-curve: percent or VND observations by date.
Object metric(const char* id, const char* title, const std::vector<CurvePoint>& curve,
              const Date& start, bool money)
{
    Object json;
    json.set("id", id);
    json.set("title", title);
    Array observations;
    int n = 0;
    for (const auto& point : curve)
    {
        Object observation;
        observation.set("id", std::to_string(++n));
        observation.set("period", period(start, point.date));
        if (money)
            observation.set("value", vnd(static_cast<Vnd>(std::llround(point.value))));
        else
        {
            observation.set("measure", std::round(point.value * 10) / 10);
            Object unit;
            unit.set("name", "percent");
            observation.set("unit", unit);
        }
        observations.add(observation);
    }
    json.set("observations", observations);
    return json;
}

// OC4IDS wants at least one observation in a metric: a curve with none is left out.
void addMetric(Array& list, const char* id, const char* title, const std::vector<CurvePoint>& curve,
               const Date& start, bool money)
{
    if (!curve.empty())
        list.add(metric(id, title, curve, start, money));
}

// The plan and what was reported: period, milestones, forecasts and metrics.
void setProgress(Object& json, const ClusterDetail& detail, const Date& today)
{
    const ProgressCurves curves = progressCurves(detail.items, detail.reports, kPlannedSamples);
    if (curves.first && curves.last)
        json.set("period", period(*curves.first, *curves.last));
    if (!detail.items.empty())
        json.set("milestones", milestones(detail.items, today));
    if (!curves.first)
        return;
    Array forecasts;
    addMetric(forecasts, "physicalProgress", "Planned physical progress", curves.plannedPhysical,
              *curves.first, false);
    addMetric(forecasts, "financialProgress", "Planned disbursement", curves.plannedDisbursement,
              *curves.first, true);
    if (forecasts.size() > 0)
        json.set("forecasts", forecasts);
    // One observation a month (the month's last report): a daily reporter's 833 reports
    // would otherwise make the national package some 300 MB.
    Array metrics;
    addMetric(metrics, "physicalProgress", "Reported physical progress (month ends)",
              monthEnds(curves.actualPhysical), *curves.first, false);
    addMetric(metrics, "financialProgress", "Reported disbursement (month ends)",
              monthEnds(curves.actualDisbursement), *curves.first, true);
    if (metrics.size() > 0)
        json.set("metrics", metrics);
}

// A source address as a document URL: without a session id (";jsessionid=…", which
// only worked for whoever found the page).
std::string withoutSession(std::string url)
{
    const auto session = url.find(";jsessionid=");
    if (session == std::string::npos)
        return url;
    const auto end = url.find_first_of("?#", session);
    return url.erase(session, end == std::string::npos ? std::string::npos : end - session);
}

// The registry's sources, one document each: the seed lists several as "URL ; URL".
Array sourceDocuments(const Cluster& c)
{
    Array documents;
    std::size_t from = 0;
    int n = 0;
    while (from < c.sourceUrl.size())
    {
        auto to = c.sourceUrl.find(" ; ", from);
        if (to == std::string::npos)
            to = c.sourceUrl.size();
        const std::string url = withoutSession(c.sourceUrl.substr(from, to - from));
        from = to + 3;
        if (url.empty())
            continue;
        Object source;
        source.set("id", "registry-source-" + std::to_string(++n));
        source.set("documentType", "projectScope");
        source.set("title", "Nguồn thông tin đăng ký — registry source");
        source.set("url", url);
        documents.add(source);
    }
    return documents;
}

Object project(const ClusterDetail& detail, const DistrictMap& map, const Date& today)
{
    const Cluster& c = detail.summary.cluster;
    Object json;
    json.set("id", kIdPrefix + c.code);
    json.set("title", c.nameVi);
    std::string description = "Hạ tầng kỹ thuật " + c.nameVi + ", " + c.district + ", Hà Nội.";
    if (!detail.items.empty() && detail.items.front().provenance == Provenance::Illustrative)
        description += " Hạng mục, báo cáo và tiến độ là dữ liệu minh họa, không phải số liệu "
                       "thật. Work items, reports and progress are illustrative, not real.";
    json.set("description", description);
    json.set("status", std::string(code(c.status)));
    Array sector;
    sector.add("industrial");
    json.set("sector", sector);
    json.set("type", "construction");
    Array locations;
    locations.add(location(c, map));
    json.set("locations", locations);
    if (c.plannedInvestment)
    {
        Object budget;
        budget.set("amount", vnd(*c.plannedInvestment));
        json.set("budget", budget);
    }
    json.set("parties", parties(c));
    setProgress(json, detail, today);
    if (const auto documents = sourceDocuments(c); documents.size() > 0)
        json.set("documents", documents);
    return json;
}
} // namespace

namespace
{
Object packageHeader(const Date& today, const std::string& publicBaseUrl)
{
    Object package;
    package.set("uri", publicBaseUrl + "/api/v1/oc4ids.json");
    package.set("publishedDate", instant(today));
    Object publisher;
    publisher.set("name", "Hanoi industrial-cluster tracker");
    package.set("publisher", publisher);
    package.set("version", "0.9");
    package.set("license", "https://creativecommons.org/licenses/by/4.0/");
    package.set("publicationPolicy", publicBaseUrl + "/publication-policy");
    return package;
}
} // namespace

std::string oc4idsProjectText(const ClusterDetail& detail, const DistrictMap& map,
                              const Date& today)
{
    std::ostringstream text;
    project(detail, map, today).stringify(text);
    return text.str();
}

std::string oc4idsPackageText(const std::vector<std::shared_ptr<const std::string>>& projects,
                              const Date& today, const std::string& publicBaseUrl)
{
    std::ostringstream header;
    packageHeader(today, publicBaseUrl).stringify(header);
    std::string text = header.str();
    std::size_t size = text.size() + 16;
    for (const auto& project : projects)
        size += project->size() + 1;
    text.reserve(size);
    text.pop_back(); // the header's closing brace
    text += ",\"projects\":[";
    for (std::size_t i = 0; i < projects.size(); ++i)
        text.append(i ? "," : "").append(*projects[i]);
    text += "]}";
    return text;
}

Object oc4idsPackage(const std::vector<ClusterDetail>& details, const DistrictMap& map,
                     const Date& today, const std::string& publicBaseUrl)
{
    Object package = packageHeader(today, publicBaseUrl);
    Array projects;
    for (const auto& detail : details)
        projects.add(project(detail, map, today));
    package.set("projects", projects);
    return package;
}

} // namespace tracker::net
