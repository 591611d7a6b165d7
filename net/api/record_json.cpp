#include "net/api/record_json.h"

#include "net/operations/edit_operations.h"
#include "tracker/enums.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{
using Poco::JSON::Array;
using Poco::JSON::Object;

Object reportJson(const ProgressReport& report, const std::string& clusterCode)
{
    Object out;
    out.set("id", report.id);
    out.set("cluster", clusterCode);
    out.set("date", report.date.iso());
    out.set("disbursed_vnd", report.disbursedToDate);
    out.set("note", report.note);
    out.set("author", report.author);
    out.set("confirmed_doubts", report.confirmedDoubts);
    Array items;
    for (const auto& line : report.lines)
    {
        Object item;
        item.set("work_item", line.workItemId);
        item.set("percent", line.percent);
        items.add(item);
    }
    out.set("items", items);
    return out;
}

Object clusterJson(const Cluster& c)
{
    Object out;
    const auto draft = draftOf(c);
    out.set("code", c.code);
    out.set("version", c.version);
    out.set("name_vi", draft.nameVi);
    out.set("commune", draft.commune);
    out.set("developer", draft.developer);
    out.set("total_area_m2", draft.totalArea);
    out.set("industrial_area_m2", draft.industrialArea);
    out.set("planned_investment_vnd", draft.plannedInvestment);
    out.set("status", draft.status);
    out.set("planned_start", draft.plannedStart);
    out.set("planned_finish", draft.plannedFinish);
    out.set("decision_number", draft.decisionNumber);
    out.set("source_url", draft.sourceUrl);
    out.set("source_notes", draft.sourceNotes);
    return out;
}

Object tenantJson(const Tenant& t)
{
    Object out;
    out.set("id", t.id);
    out.set("version", t.version);
    out.set("company_name", t.companyName);
    out.set("tax_code", t.taxCode);
    out.set("sector", t.sector);
    out.set("supporting_industry", t.supportingIndustry);
    out.set("foreign_invested", t.foreignInvested);
    out.set("leased_area_m2", t.leasedArea);
    out.set("registered_capital_vnd", t.registeredCapital);
    out.set("jobs", t.jobs);
    out.set("status", std::string(code(t.status)));
    out.set("lease_start", t.leaseStart ? t.leaseStart->iso() : std::string());
    out.set("confirmed_doubts", t.confirmedDoubts);
    return out;
}

} // namespace tracker::net
