#include "tracker/merge.h"

#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <algorithm>

namespace tracker
{
namespace
{
const std::string* valueOf(const FieldValues& fields, const std::string& name)
{
    const auto found = std::find_if(fields.begin(), fields.end(),
                                    [&](const auto& field) { return field.first == name; });
    return found == fields.end() ? nullptr : &found->second;
}

std::string optionalText(const std::optional<std::int64_t>& value)
{
    return value ? std::to_string(*value) : std::string();
}

std::string optionalText(const std::optional<Date>& value)
{
    return value ? value->iso() : std::string();
}

// The field names and the draft members they fill, one table per draft, so that the
// conversions both ways cannot drift apart.
template <typename Draft> using Members = std::vector<std::pair<const char*, std::string Draft::*>>;

const Members<RegistryDraft>& registryMembers()
{
    static const Members<RegistryDraft> members{
        {"name_vi", &RegistryDraft::nameVi},
        {"commune", &RegistryDraft::commune},
        {"developer", &RegistryDraft::developer},
        {"total_area_m2", &RegistryDraft::totalArea},
        {"industrial_area_m2", &RegistryDraft::industrialArea},
        {"planned_investment_vnd", &RegistryDraft::plannedInvestment},
        {"status", &RegistryDraft::status},
        {"planned_start", &RegistryDraft::plannedStart},
        {"planned_finish", &RegistryDraft::plannedFinish},
        {"decision_number", &RegistryDraft::decisionNumber},
        {"source_url", &RegistryDraft::sourceUrl},
        {"source_notes", &RegistryDraft::sourceNotes}};
    return members;
}

// The confirmation is a question about one edit, never a field of the record.
const Members<TenantDraft>& tenantMembers()
{
    static const Members<TenantDraft> members{
        {"company_name", &TenantDraft::companyName},
        {"tax_code", &TenantDraft::taxCode},
        {"sector", &TenantDraft::sector},
        {"supporting_industry", &TenantDraft::supportingIndustry},
        {"leased_area_m2", &TenantDraft::leasedArea},
        {"registered_capital_vnd", &TenantDraft::registeredCapital},
        {"jobs", &TenantDraft::jobs},
        {"status", &TenantDraft::status},
        {"lease_start", &TenantDraft::leaseStart},
        {"foreign_invested", &TenantDraft::foreignInvested}};
    return members;
}

template <typename Draft> FieldValues valuesOf(const Draft& draft, const Members<Draft>& members)
{
    FieldValues fields;
    for (const auto& [name, member] : members)
        fields.emplace_back(name, draft.*member);
    return fields;
}

template <typename Draft> Draft draftFrom(const FieldValues& fields, const Members<Draft>& members)
{
    Draft draft{};
    for (const auto& [name, member] : members)
        if (const auto* value = valueOf(fields, name))
            draft.*member = *value;
    return draft;
}
} // namespace

ThreeWayMerge mergeThreeWay(const std::optional<FieldValues>& base, const FieldValues& theirs,
                            FieldValues yours, const std::set<std::string>& keepTheirs)
{
    for (auto& [name, value] : yours)
        if (keepTheirs.count(name))
        {
            const auto* was = base ? valueOf(*base, name) : nullptr;
            const auto* their = valueOf(theirs, name);
            value = was ? *was : their ? *their : value;
        }
    ThreeWayMerge merge;
    for (const auto& [name, their] : theirs)
    {
        const auto* yourValue = valueOf(yours, name);
        const std::string& your = yourValue ? *yourValue : their;
        const auto* was = base ? valueOf(*base, name) : nullptr;
        if (your == their)
            merge.merged.emplace_back(name, their);
        else if (was && *was == your) // only they changed it
        {
            merge.merged.emplace_back(name, their);
            merge.theirsKept.push_back(name);
        }
        else if (was && *was == their) // only you changed it
            merge.merged.emplace_back(name, your);
        else
        {
            merge.merged.emplace_back(name, your);
            merge.clashes.push_back({name, their, your});
        }
    }
    return merge;
}

FieldValues fieldValues(const RegistryDraft& draft)
{
    return valuesOf(draft, registryMembers());
}

FieldValues fieldValues(const TenantDraft& draft)
{
    return valuesOf(draft, tenantMembers());
}

namespace
{
std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out;
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start < text.size())
    {
        const auto comma = text.find(", ", start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start)
            values.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return values;
}
} // namespace

FieldValues placementValues(const Cluster& c)
{
    return {{"unit_codes", formatPlacedUnits(c.units)},
            {"unit_basis", std::string(code(c.unitBasis))}};
}

FieldValues fieldValues(const Account& a)
{
    return {{"name", a.name},
            {"role", std::string(code(a.role))},
            {"districts", joined(a.districts)},
            {"communes", joined(a.communes)},
            {"clusters", joined(a.clusters)}};
}

Account accountWith(Account account, const FieldValues& fields)
{
    for (const auto& [name, value] : fields)
        if (name == "name")
            account.name = value;
        else if (name == "role")
            account.role = roleFromCode(value).value_or(account.role);
        else if (name == "districts")
            account.districts = split(value);
        else if (name == "communes")
            account.communes = split(value);
        else if (name == "clusters")
            account.clusters = split(value);
    return account;
}

RegistryDraft registryDraftOf(const FieldValues& fields)
{
    return draftFrom(fields, registryMembers());
}

TenantDraft tenantDraftOf(const FieldValues& fields)
{
    return draftFrom(fields, tenantMembers());
}

std::vector<PlanDraft> planWith(std::vector<PlanDraft> plan, const FieldValues& values)
{
    for (const auto& [name, value] : values)
    {
        const auto close = name.find("].");
        if (!name.starts_with("items[") || close == std::string::npos)
            continue;
        const auto i = static_cast<std::size_t>(parseWholeNumberOrZero(name.substr(6, close - 6)));
        const auto field = name.substr(close + 2);
        if (i >= plan.size())
            continue;
        auto& draft = plan[i];
        (field == "planned_start"    ? draft.plannedStart
         : field == "planned_finish" ? draft.plannedFinish
                                     : draft.budget) = value;
    }
    return plan;
}

RegistryDraft draftOf(const Cluster& c)
{
    return {c.nameVi,
            c.commune,
            c.developer,
            optionalText(c.totalArea),
            optionalText(c.industrialArea),
            optionalText(c.plannedInvestment),
            std::string(code(c.status)),
            optionalText(c.plannedStart),
            optionalText(c.plannedFinish),
            c.decisionNumber,
            c.sourceUrl,
            c.sourceNotes};
}

TenantDraft draftOf(const Tenant& t)
{
    return {t.companyName,
            t.taxCode,
            t.sector,
            t.supportingIndustry ? "1" : "",
            std::to_string(t.leasedArea),
            std::to_string(t.registeredCapital),
            std::to_string(t.jobs),
            std::string(code(t.status)),
            optionalText(t.leaseStart),
            t.foreignInvested ? "1" : ""};
}

} // namespace tracker
