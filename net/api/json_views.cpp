#include "net/api/json_views.h"

#include "net/views/places.h"
#include "tracker/decimal.h"
#include "tracker/earned_value.h"
#include "tracker/enums.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <cmath>
#include <sstream>

namespace tracker::net
{
namespace
{
using Poco::Dynamic::Var;

Var nullable(const std::optional<std::int64_t>& value)
{
    return value ? Var(static_cast<Poco::Int64>(*value)) : Var();
}

Var nullableText(const std::string& value)
{
    return value.empty() ? Var() : Var(value);
}

Var nullableDate(const std::optional<Date>& value)
{
    return value ? Var(value->iso()) : Var();
}

// Hectares as a JSON number with only the digits the m² figure holds (30.6, not 30.600001).
Var hectares(const std::optional<SquareMetres>& area)
{
    if (!area)
        return Var();
    return Var(std::stod(formatScaledDecimal(*area, 4, 4, '.', "")));
}

Var percent(const std::optional<double>& value)
{
    return value ? Var(std::round(*value * 10) / 10) : Var();
}

Poco::JSON::Object labelled(std::string_view code, std::string_view vi, std::string_view en)
{
    Poco::JSON::Object object;
    object.set("code", std::string(code));
    object.set("label_vi", std::string(vi));
    object.set("label_en", std::string(en));
    return object;
}

Poco::JSON::Object provenanceJson(const ClusterSummary& s, bool hasIllustrativeRecords)
{
    Poco::JSON::Object provenance;
    provenance.set("registry", std::string(code(s.cluster.provenance)));
    provenance.set("status", std::string(code(s.cluster.statusProvenance)));
    provenance.set("progress_and_tenants", hasIllustrativeRecords
                                               ? "illustrative"
                                               : std::string(code(Provenance::Sourced)));
    provenance.set("source_url", nullableText(s.cluster.sourceUrl));
    return provenance;
}

Poco::JSON::Object workItemJson(const WorkItem& item)
{
    Poco::JSON::Object json;
    json.set("id", static_cast<Poco::Int64>(item.id));
    json.set("kind", labelled(code(item.kind), labelVi(item.kind), labelEn(item.kind)));
    json.set("planned_start", item.plannedStart.iso());
    json.set("planned_finish", item.plannedFinish.iso());
    json.set("budget_vnd", static_cast<Poco::Int64>(item.budget));
    json.set("percent_done", item.percentDone);
    json.set("provenance", std::string(code(item.provenance)));
    return json;
}

Poco::JSON::Object reportJson(const ProgressReport& report)
{
    Poco::JSON::Object json;
    json.set("id", static_cast<Poco::Int64>(report.id));
    json.set("date", report.date.iso());
    json.set("disbursed_vnd", static_cast<Poco::Int64>(report.disbursedToDate));
    json.set("note", nullableText(report.note));
    json.set("author", report.author);
    json.set("provenance", std::string(code(report.provenance)));
    // What its author confirmed when the figures were questioned, and why (or null).
    json.set("confirmed_doubts", nullableText(report.confirmedDoubts));
    Poco::JSON::Array lines;
    for (const auto& line : report.lines)
    {
        Poco::JSON::Object entry;
        entry.set("work_item", static_cast<Poco::Int64>(line.workItemId));
        entry.set("percent", line.percent);
        lines.add(entry);
    }
    json.set("items", lines);
    return json;
}

Poco::JSON::Object tenantJson(const Tenant& tenant)
{
    Poco::JSON::Object json;
    json.set("id", static_cast<Poco::Int64>(tenant.id));
    json.set("company_name", tenant.companyName);
    json.set("tax_code", tenant.taxCode);
    json.set("sector", nullableText(tenant.sector));
    json.set("supporting_industry", tenant.supportingIndustry);
    json.set("foreign_invested", tenant.foreignInvested);
    json.set("leased_area_m2", static_cast<Poco::Int64>(tenant.leasedArea));
    json.set("leased_area_ha", hectares(tenant.leasedArea));
    json.set("registered_capital_vnd", static_cast<Poco::Int64>(tenant.registeredCapital));
    json.set("jobs", tenant.jobs);
    json.set("status",
             labelled(code(tenant.status), labelVi(tenant.status), labelEn(tenant.status)));
    json.set("lease_start", nullableDate(tenant.leaseStart));
    json.set("provenance", std::string(code(tenant.provenance)));
    json.set("confirmed_doubts", nullableText(tenant.confirmedDoubts));
    return json;
}

void setOccupancy(Poco::JSON::Object& json, const ClusterSummary& s)
{
    const auto occupied = occupancy(s.cluster, s.leased);
    json.set("leased_area_m2", static_cast<Poco::Int64>(s.leased));
    json.set("occupancy_percent", occupied ? percent(occupied->percent) : Var());
    json.set("occupancy_basis",
             !occupied ? Var()
                       : Var(occupied->basis == OccupancyBasis::IndustrialLand ? "industrial_land"
                                                                               : "total_area"));
}
// The current xã/phường, sure ones first; a candidate says so.
Poco::JSON::Array communesJson(const Cluster& c)
{
    Poco::JSON::Array units;
    for (const auto* unit : unitsOf(c))
    {
        Poco::JSON::Object json;
        json.set("code", unit->code);
        json.set("name", unit->name);
        json.set("type", unit->type);
        json.set("slug", unit->slug);
        const auto placed = std::find_if(c.units.begin(), c.units.end(),
                                         [&](const PlacedUnit& p) { return p.code == unit->code; });
        json.set("certain", placed != c.units.end() && placed->certain);
        units.add(json);
    }
    return units;
}

// How sure the placement is, in words for both languages, and where it comes from.
Poco::JSON::Object placementJson(const Cluster& c)
{
    Poco::JSON::Object json;
    json.set("basis", std::string(code(c.unitBasis)));
    json.set("verified", !isUncertain(c.unitBasis) &&
                             std::all_of(c.units.begin(), c.units.end(),
                                         [](const PlacedUnit& p) { return p.certain; }));
    json.set("text_vi", placementText(c, Language::Vi));
    json.set("text_en", placementText(c, Language::En));
    json.set("since", "2025-07-01");
    json.set("source", nullableText(c.unitSource));
    json.set("note", nullableText(c.unitNote));
    return json;
}
} // namespace

Poco::JSON::Object clusterSummaryJson(const ClusterSummary& s)
{
    const Cluster& c = s.cluster;
    Poco::JSON::Object json;
    json.set("code", c.code);
    json.set("name", c.nameVi);
    json.set("communes", communesJson(c));
    json.set("placement", placementJson(c));
    json.set("district", c.district); // the former district, kept for existing clients
    json.set("commune", nullableText(c.commune));
    json.set("former_district", c.district);
    json.set("former_commune", nullableText(c.commune));
    json.set("cohort", c.cohort);
    json.set("total_area_m2", nullable(c.totalArea));
    json.set("total_area_ha", hectares(c.totalArea));
    json.set("industrial_area_m2", nullable(c.industrialArea));
    json.set("industrial_area_ha", hectares(c.industrialArea));
    json.set("planned_investment_vnd", nullable(c.plannedInvestment));
    json.set("disbursed_vnd", nullable(s.disbursed));
    json.set("developer", nullableText(c.developer));
    json.set("decision_number", nullableText(c.decisionNumber));
    json.set("decision_date", nullableText(c.decisionDate));
    json.set("status", labelled(code(c.status), labelVi(c.status), labelEn(c.status)));
    json.set("planned_start", nullableDate(c.plannedStart));
    json.set("planned_finish", nullableDate(c.plannedFinish));
    json.set("latitude", c.latitudeMicrodegrees ? Var(*c.latitudeMicrodegrees / 1e6) : Var());
    json.set("longitude", c.longitudeMicrodegrees ? Var(*c.longitudeMicrodegrees / 1e6) : Var());
    json.set("progress_percent", percent(s.progressPercent));
    json.set("planned_progress_percent", percent(s.plannedPercent));
    json.set("overdue_work_items", s.overdueItems);
    json.set("last_report_date", nullableDate(s.lastReportDate));
    json.set("tenant_count", s.tenantCount);
    setOccupancy(json, s);
    json.set("provenance", provenanceJson(s, s.progressPercent.has_value() || s.tenantCount > 0));
    json.set("version", c.version);
    return json;
}

namespace
{
Var spiAt(const std::vector<WorkItem>& items, const Date& asOf, const std::optional<Vnd>& disbursed)
{
    const auto spi = earnedValue(items, asOf, disbursed).spi;
    return spi ? Var(std::round(*spi * 100) / 100) : Var();
}

// Which plan planned_progress_percent, the SPI and the behind-schedule rule use, and after a
// re-baselining the same figures against the original plan.
Poco::JSON::Object planBasisJson(const ClusterDetail& detail, const Date& asOf)
{
    const auto& plan = detail.plan;
    Poco::JSON::Object json;
    json.set("baseline", plan.rebaselined() ? plan.number : 1);
    json.set("rebaselined", plan.rebaselined());
    json.set("name_vi", basisName(plan, true));
    json.set("name_en", basisName(plan, false));
    json.set("approved_at", plan.rebaselined() ? Var(plan.approvedAt) : Var());
    json.set("reason", plan.rebaselined() ? Var(plan.reason) : Var());
    json.set("planned_progress_percent", percent(detail.summary.plannedPercent));
    json.set("spi", spiAt(detail.items, asOf, detail.summary.disbursed));
    Var original;
    if (plan.rebaselined())
    {
        Poco::JSON::Object figures;
        figures.set("baseline", 1);
        figures.set("planned_progress_percent",
                    percent(plannedProgressPercent(plan.original, asOf)));
        figures.set("spi", spiAt(plan.original, asOf, detail.summary.disbursed));
        original = figures;
    }
    json.set("original_plan", original);
    json.set("as_of", asOf.iso());
    return json;
}
} // namespace

Poco::JSON::Object clusterDetailJson(const ClusterDetail& detail, const Date& asOf)
{
    Poco::JSON::Object json = clusterSummaryJson(detail.summary);
    json.set("plan_basis", planBasisJson(detail, asOf));
    Poco::JSON::Array items, reports, tenants;
    for (const auto& item : detail.items)
        items.add(workItemJson(item));
    for (const auto& report : detail.reports)
        reports.add(reportJson(report));
    for (const auto& tenant : detail.tenants)
        tenants.add(tenantJson(tenant));
    json.set("work_items", items);
    json.set("latest_reports", reports);
    json.set("tenants", tenants);
    return json;
}

Poco::JSON::Object portfolioJson(const std::vector<ClusterSummary>& summaries,
                                 const std::vector<ReportedTotals>& reported)
{
    const PortfolioTotals totals = portfolioTotals(summaries);
    Poco::JSON::Object sums;
    sums.set("cluster_count", totals.clusterCount);
    sums.set("total_area_m2", static_cast<Poco::Int64>(totals.totalArea));
    sums.set("total_area_ha", hectares(totals.totalArea));
    sums.set("clusters_with_area", totals.clustersWithArea);
    sums.set("planned_investment_vnd", static_cast<Poco::Int64>(totals.plannedInvestment));
    sums.set("clusters_with_investment", totals.clustersWithInvestment);
    sums.set("disbursed_vnd", static_cast<Poco::Int64>(totals.disbursed));
    sums.set("average_progress_percent", percent(totals.averageProgressPercent));
    sums.set("leased_area_m2", static_cast<Poco::Int64>(totals.leased));
    sums.set("tenant_count", totals.tenantCount);
    Poco::JSON::Array reportedJson;
    for (const auto& r : reported)
    {
        Poco::JSON::Object entry;
        entry.set("year", r.year);
        entry.set("cluster_count", r.clusterCount);
        entry.set("area_ha", hectares(r.area));
        entry.set("investment_vnd", static_cast<Poco::Int64>(r.investment));
        entry.set("qualifier", r.qualifier);
        entry.set("source", r.source);
        reportedJson.add(entry);
    }
    Poco::JSON::Object portfolio;
    portfolio.set("sum_of_records", sums);
    portfolio.set("reported_totals", reportedJson);
    return portfolio;
}

Poco::JSON::Object districtJson(const DistrictGroup& district, bool withClusters)
{
    Poco::JSON::Object json;
    json.set("name", district.name);
    json.set("slug", district.slug);
    json.set("cluster_count", district.totals.clusterCount);
    json.set("total_area_m2", static_cast<Poco::Int64>(district.totals.totalArea));
    json.set("total_area_ha", hectares(district.totals.totalArea));
    json.set("planned_investment_vnd",
             district.totals.clustersWithInvestment > 0
                 ? Var(static_cast<Poco::Int64>(district.totals.plannedInvestment))
                 : Var());
    json.set("disbursed_vnd", static_cast<Poco::Int64>(district.totals.disbursed));
    json.set("average_progress_percent", percent(district.totals.averageProgressPercent));
    json.set("behind_count", district.behind);
    if (withClusters)
    {
        Poco::JSON::Array clusters;
        for (const auto& s : district.clusters)
            clusters.add(clusterSummaryJson(s));
        json.set("clusters", clusters);
    }
    return json;
}

Poco::JSON::Object delayJson(const DelayFlag& flag)
{
    Poco::JSON::Object json;
    json.set("id", static_cast<Poco::Int64>(flag.id));
    json.set("cluster_code", flag.clusterCode);
    json.set("cluster_name", flag.clusterName);
    json.set("district", flag.district);
    json.set("rule", labelled(code(flag.rule), labelVi(flag.rule), labelEn(flag.rule)));
    json.set("severity",
             labelled(code(flag.severity), labelVi(flag.severity), labelEn(flag.severity)));
    json.set("subject", nullableText(flag.subject));
    json.set("measure", flag.measure);
    json.set("measure_vi", flag.measureVi);
    const Date since = flag.lateSince.value_or(flag.raisedOn);
    json.set("since", since.iso());
    json.set("raised_on", flag.raisedOn.iso());
    json.set("resolved_on", nullableDate(flag.resolvedOn));
    json.set("days_late",
             flag.daysLate ? Var(static_cast<Poco::Int64>(*flag.daysLate)) : Var()); // as measured
    Poco::JSON::Object acknowledged;
    if (flag.acknowledgedOn)
    {
        acknowledged.set("by", flag.acknowledgedBy);
        acknowledged.set("on", flag.acknowledgedOn->iso());
        acknowledged.set("comment", flag.acknowledgement);
        json.set("acknowledged", acknowledged);
    }
    else
        json.set("acknowledged", Var());
    json.set("version", flag.version); // send it back when acknowledging (409 if stale)
    return json;
}

std::string toJsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

} // namespace tracker::net
