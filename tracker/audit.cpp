#include "tracker/audit.h"

#include "tracker/enums.h"

#include <cstdio>

namespace tracker
{
namespace
{
std::string show(const std::optional<std::int64_t>& value)
{
    return value ? std::to_string(*value) : std::string();
}

std::string show(const std::optional<Date>& value)
{
    return value ? value->iso() : std::string();
}

// Collects the fields that differ, each turned to text the same way on both sides.
class Differ
{
public:
    template <typename T> void operator()(const char* field, const T& before, const T& after)
    {
        if (before != after)
            _changes.push_back({field, text(before), text(after)});
    }
    FieldChanges take() { return std::move(_changes); }

private:
    static std::string text(const std::string& value) { return value; }
    static std::string text(const std::optional<std::int64_t>& value) { return show(value); }
    static std::string text(const std::optional<Date>& value) { return show(value); }
    static std::string text(const Date& value) { return value.iso(); }
    static std::string text(long long value) { return std::to_string(value); }
    static std::string text(long value) { return std::to_string(value); }
    static std::string text(int value) { return std::to_string(value); }
    static std::string text(bool value) { return value ? "1" : "0"; }
    static std::string text(ProjectStatus value) { return std::string(code(value)); }
    static std::string text(TenantStatus value) { return std::string(code(value)); }
    FieldChanges _changes;
};
} // namespace

FieldChanges changesBetween(const Cluster& a, const Cluster& b)
{
    Differ d;
    d("name_vi", a.nameVi, b.nameVi);
    d("commune", a.commune, b.commune);
    d("developer", a.developer, b.developer);
    d("total_area_m2", a.totalArea, b.totalArea);
    d("industrial_area_m2", a.industrialArea, b.industrialArea);
    d("planned_investment_vnd", a.plannedInvestment, b.plannedInvestment);
    d("status", a.status, b.status);
    d("planned_start", a.plannedStart, b.plannedStart);
    d("planned_finish", a.plannedFinish, b.plannedFinish);
    d("decision_number", a.decisionNumber, b.decisionNumber);
    d("source_url", a.sourceUrl, b.sourceUrl);
    d("source_notes", a.sourceNotes, b.sourceNotes);
    d("unit_codes", formatPlacedUnits(a.units), formatPlacedUnits(b.units));
    d("unit_basis", std::string(code(a.unitBasis)), std::string(code(b.unitBasis)));
    d("unit_note", a.unitNote, b.unitNote);
    return d.take();
}

FieldChanges changesBetween(const Tenant& a, const Tenant& b)
{
    Differ d;
    d("company_name", a.companyName, b.companyName);
    d("tax_code", a.taxCode, b.taxCode);
    d("sector", a.sector, b.sector);
    d("supporting_industry", a.supportingIndustry, b.supportingIndustry);
    d("foreign_invested", a.foreignInvested, b.foreignInvested);
    d("leased_area_m2", a.leasedArea, b.leasedArea);
    d("registered_capital_vnd", a.registeredCapital, b.registeredCapital);
    d("jobs", a.jobs, b.jobs);
    d("status", a.status, b.status);
    d("lease_start", a.leaseStart, b.leaseStart);
    d("confirmed_doubts", a.confirmedDoubts, b.confirmedDoubts); // what was confirmed, and why
    return d.take();
}

FieldChanges changesBetween(const WorkItem& a, const WorkItem& b)
{
    Differ d;
    d("planned_start", a.plannedStart, b.plannedStart);
    d("planned_finish", a.plannedFinish, b.plannedFinish);
    d("budget_vnd", a.budget, b.budget);
    d("percent_done", a.percentDone, b.percentDone);
    return d.take();
}

FieldChanges creationOf(const Tenant& tenant)
{
    Tenant nothing;
    nothing.status =
        tenant.status == TenantStatus::Registered ? TenantStatus::Left : TenantStatus::Registered;
    auto changes = changesBetween(nothing, tenant);
    for (auto& change : changes)
        change.before.clear();
    return changes;
}

FieldChanges creationOf(const WorkItem& item)
{
    return {{"kind", "", std::string(code(item.kind))},
            {"planned_start", "", item.plannedStart.iso()},
            {"planned_finish", "", item.plannedFinish.iso()},
            {"budget_vnd", "", std::to_string(item.budget)}};
}

FieldChanges creationOf(const ProgressReport& report)
{
    FieldChanges changes{{"report_date", "", report.date.iso()},
                         {"disbursed_vnd", "", std::to_string(report.disbursedToDate)}};
    for (const auto& line : report.lines)
        changes.push_back({"work_item:" + std::to_string(line.workItemId) + ".percent", "",
                           std::to_string(line.percent)});
    if (!report.note.empty())
        changes.push_back({"note", "", report.note});
    if (!report.confirmedDoubts.empty())
        changes.push_back({"confirmed_doubts", "", report.confirmedDoubts});
    return changes;
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (byte < 0x20 || c == '<' || c == '>' || c == '&')
        {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        }
        else
            out += c;
    }
    return out + "\"";
}

std::string toJson(const FieldChanges& changes)
{
    std::string out = "{";
    for (const auto& change : changes)
    {
        if (out.size() > 1)
            out += ',';
        out += jsonString(change.field) + ":{\"old\":" + jsonString(change.before) +
               ",\"new\":" + jsonString(change.after) + "}";
    }
    return out + "}";
}

} // namespace tracker
