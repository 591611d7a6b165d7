#include "net/api/exports.h"

#include "net/views/labels.h"
#include "net/views/places.h"
#include "net/views/svg_charts.h"
#include "tracker/decimal.h"
#include "tracker/enums.h"

#include <Poco/Net/HTMLForm.h>
#include <sstream>

namespace tracker::net
{
namespace
{
Cell optionalInteger(const std::optional<std::int64_t>& value)
{
    return value ? Cell(*value) : Cell();
}

Cell optionalPercent(const std::optional<double>& value)
{
    return value ? Cell(*value) : Cell();
}

// "09895 09910" — the codes only; whether each is sure is in the unit column's words.
std::string unitCodes(const Cluster& c)
{
    std::string codes;
    for (const auto& unit : c.units)
        codes += (codes.empty() ? "" : " ") + unit.code;
    return codes;
}

// Midnight in Hanoi as an RFC 3339 instant.
std::string hanoiMidnight(const Date& date)
{
    return date.iso() + "T00:00:00+07:00";
}
} // namespace

Table clustersTable(const std::vector<ClusterSummary>& summaries, Language language)
{
    const auto t = [language](const char* key) { return label(language, key); };
    Table table;
    table.sheetName = language == Language::Vi ? "Cum cong nghiep" : "Clusters";
    table.header = {t("code"),
                    t("name"),
                    t("current_unit"),
                    t("unit_code"),
                    t("district"),
                    t("commune"),
                    t("cohort"),
                    t("status"),
                    t("total_area") + " (ha)",
                    t("industrial_area") + " (ha)",
                    t("planned_investment") + " (VND)",
                    t("disbursed") + " (VND)",
                    t("progress") + " (%)",
                    t("planned") + " (%)",
                    t("overdue"),
                    t("tenants"),
                    t("leased_area") + " (ha)",
                    t("last_report"),
                    t("developer"),
                    t("source")};
    for (const auto& s : summaries)
    {
        const Cluster& c = s.cluster;
        table.rows.push_back({c.code,
                              c.nameVi,
                              placementText(c, language),
                              unitCodes(c),
                              c.district,
                              c.commune,
                              static_cast<std::int64_t>(c.cohort),
                              enumLabel(c.status, language),
                              hectaresCell(c.totalArea),
                              hectaresCell(c.industrialArea),
                              optionalInteger(c.plannedInvestment),
                              optionalInteger(s.disbursed),
                              optionalPercent(s.progressPercent),
                              optionalPercent(s.plannedPercent),
                              static_cast<std::int64_t>(s.overdueItems),
                              static_cast<std::int64_t>(s.tenantCount),
                              hectaresCell(s.leased),
                              s.lastReportDate ? Cell(*s.lastReportDate) : Cell(),
                              c.developer,
                              c.sourceUrl});
    }
    return table;
}

Table tenantsTable(const std::vector<ClusterDetail>& details, Language language)
{
    const auto t = [language](const char* key) { return label(language, key); };
    Table table;
    table.sheetName = language == Language::Vi ? "Nha dau tu thu cap" : "Tenants";
    table.header = {t("code"),
                    t("name"),
                    t("company"),
                    t("tax_code"),
                    t("sector"),
                    t("status"),
                    t("leased_area") + " (ha)",
                    t("jobs"),
                    t("illustrative")};
    for (const auto& detail : details)
    {
        for (const auto& tenant : detail.tenants)
            table.rows.push_back(
                {detail.summary.cluster.code, detail.summary.cluster.nameVi, tenant.companyName,
                 tenant.taxCode, tenant.sector, enumLabel(tenant.status, language),
                 hectaresCell(tenant.leasedArea), static_cast<std::int64_t>(tenant.jobs),
                 std::string(tenant.provenance == Provenance::Illustrative ? "x" : "")});
    }
    return table;
}

std::string delaysAtom(const std::vector<DelayFlag>& flags, const Date& today, Language language,
                       const std::string& publicBaseUrl)
{
    const Formatter format(language);
    const std::string inLanguage = language == Language::En ? "?lang=en" : "";
    const auto link = [&](const std::string& path)
    { return xmlEscape(publicBaseUrl + path + inLanguage); };
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        << "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" << code(language) << "\">"
        << "<title>" << xmlEscape(label(language, "delays_title")) << "</title>"
        << "<id>tag:ccn-tracker.hanoi,2026:delays</id>"
        << "<link rel=\"alternate\" type=\"text/html\" href=\"" << link("/delays") << "\"/>"
        << "<link rel=\"self\" href=\"" << link("/delays.atom") << "\"/>"
        << "<updated>" << hanoiMidnight(today) << "</updated>"
        << "<author><name>" << xmlEscape(label(language, "site_name")) << "</name></author>";
    for (const auto& flag : flags)
    {
        const Date since = flag.lateSince.value_or(flag.raisedOn);
        const std::string measure =
            language == Language::Vi && !flag.measureVi.empty() ? flag.measureVi : flag.measure;
        xml << "<entry><title>"
            << xmlEscape(flag.clusterName + ": " + enumLabel(flag.rule, language))
            << "</title><id>tag:ccn-tracker.hanoi,2026:flag/" << flag.id << "</id>"
            << "<link href=\"" << link("/clusters/" + flag.clusterCode) << "\"/>"
            << "<updated>" << hanoiMidnight(flag.raisedOn) << "</updated><summary>"
            << xmlEscape(label(language, "since") + " " + format.date(since) + " · " + measure +
                         " · " + flag.district)
            << "</summary></entry>";
    }
    xml << "</feed>\n";
    return xml.str();
}

} // namespace tracker::net
