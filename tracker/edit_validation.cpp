#include "tracker/edit_validation.h"

#include "tracker/enums.h"
#include "tracker/field_checks.h"
#include "tracker/tax_code.h"
#include "tracker/text_checks.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace tracker
{
namespace
{
constexpr long long kMaxVnd = 1'000'000'000'000'000LL; // a million billion đồng
constexpr long long kMaxArea = 100'000'000LL;          // 10,000 ha in m²
constexpr std::size_t kMaxNote = 2000;

const WorkItem* findItem(const std::vector<WorkItem>& items, const std::string& idText)
{
    const auto id = parseWholeNumberOrZero(idText);
    const auto found = std::find_if(items.begin(), items.end(),
                                    [id](const WorkItem& item) { return item.id == id; });
    return found == items.end() ? nullptr : &*found;
}

std::string lineField(std::size_t index, const char* name)
{
    return "items[" + std::to_string(index) + "]." + name;
}

void checkLines(const ReportDraft& draft, const std::vector<WorkItem>& items, FieldChecks& checks,
                ProgressReport& report)
{
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < draft.lines.size(); ++i)
    {
        const auto& line = draft.lines[i];
        const WorkItem* item = findItem(items, line.workItem);
        if (!item)
        {
            checks.add(lineField(i, "work_item"), "Hạng mục không thuộc cụm này.",
                       "No such work item in this cluster.");
            continue;
        }
        if (!seen.insert(item->id).second)
            checks.add(lineField(i, "work_item"), "Hạng mục bị nhập hai lần.",
                       "The work item is given twice.");
        const auto percent = checks.whole(lineField(i, "percent"), line.percent, true, 1000);
        if (percent && *percent > 100)
            checks.add(lineField(i, "percent"), "Phần trăm hoàn thành không được quá 100.",
                       "The percentage done cannot exceed 100.");
        else if (percent)
            report.lines.push_back({item->id, static_cast<int>(*percent)});
    }
}
} // namespace

std::variant<ProgressReport, FieldErrors> validateReport(const ReportDraft& draft,
                                                         const Cluster& cluster,
                                                         const std::vector<WorkItem>& items,
                                                         const Date& today)
{
    FieldChecks checks;
    ProgressReport report;
    report.clusterId = cluster.id;
    report.provenance = Provenance::Sourced;
    const auto date = checks.date("date", draft.date, true);
    if (date && *date > today)
        checks.add("date",
                   "Ngày báo cáo không được ở tương lai (hôm nay là " + today.vietnamese() + ").",
                   "The report cannot be dated in the future (today is " + today.iso() + ").");
    const auto disbursed = checks.whole("disbursed_vnd", draft.disbursed, true, kMaxVnd);
    report.note = checks.text("note", draft.note, kMaxNote, false);
    checkLines(draft, items, checks, report);
    if (draft.lines.empty() && !disbursed)
        checks.add("items", "Cần ít nhất một hạng mục hoặc số vốn đã giải ngân.",
                   "Give at least one work item or the amount disbursed.");
    if (!checks.ok())
        return std::move(checks.errors());
    report.date = *date;
    report.disbursedToDate = *disbursed;
    return report;
}

namespace
{
// A yes/no field as a form (a ticked box sends "1" or "on"), the API (true/false) or a CSV
// cell ("có", "không", "x") may write it; anything else is refused rather than read as
// "no" without a word.
bool yesOrNo(FieldChecks& checks, const char* field, const std::string& text)
{
    std::string value;
    for (const char c : trimmedCopy(text))
        value += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* yes : {"1", "true", "on", "yes", "x", "có", "co"})
        if (value == yes)
            return true;
    for (const char* no : {"", "0", "false", "off", "no", "không", "khong"})
        if (value == no)
            return false;
    checks.add(field, "Giá trị có/không không hợp lệ: ghi 1 (có) hoặc 0 (không).",
               "Not a yes/no value: write 1 (yes) or 0 (no).");
    return false;
}
} // namespace

std::variant<Tenant, FieldErrors> validateTenant(const TenantDraft& draft, const Date& today)
{
    FieldChecks checks;
    Tenant tenant;
    tenant.provenance = Provenance::Sourced;
    tenant.companyName = checks.text("company_name", draft.companyName, 300, true);
    tenant.sector = checks.text("sector", draft.sector, 200, false);
    const auto problem = checkTaxCode(draft.taxCode);
    if (problem != TaxCodeProblem::None)
        checks.add("tax_code", std::string(describeVi(problem)), std::string(describeEn(problem)));
    else
        tenant.taxCode = normaliseTaxCode(draft.taxCode);
    tenant.supportingIndustry = yesOrNo(checks, "supporting_industry", draft.supportingIndustry);
    tenant.foreignInvested = yesOrNo(checks, "foreign_invested", draft.foreignInvested);
    const auto leased = checks.whole("leased_area_m2", draft.leasedArea, true, kMaxArea);
    const auto capital =
        checks.whole("registered_capital_vnd", draft.registeredCapital, true, kMaxVnd);
    const auto jobs = checks.whole("jobs", draft.jobs, false, 1'000'000);
    const auto status = tenantStatusFromCode(draft.status);
    if (!status)
        checks.add("status", "Trạng thái không hợp lệ.", "Unknown status.");
    tenant.leaseStart = checks.date("lease_start", draft.leaseStart, false);
    if (tenant.leaseStart && *tenant.leaseStart > today.plusDays(366))
        checks.add("lease_start", "Ngày thuê quá xa trong tương lai.",
                   "The lease start is too far in the future.");
    if (!checks.ok())
        return std::move(checks.errors());
    tenant.leasedArea = *leased;
    tenant.registeredCapital = *capital;
    tenant.jobs = static_cast<int>(jobs.value_or(0));
    tenant.status = *status;
    return tenant;
}

std::variant<Cluster, FieldErrors> validateRegistry(const RegistryDraft& draft,
                                                    const Cluster& current)
{
    FieldChecks checks;
    Cluster next = current;
    next.nameVi = checks.text("name_vi", draft.nameVi, 300, true);
    next.commune = checks.text("commune", draft.commune, 200, false);
    next.developer = checks.text("developer", draft.developer, 300, false);
    next.decisionNumber = checks.text("decision_number", draft.decisionNumber, 100, false);
    next.sourceNotes = checks.text("source_notes", draft.sourceNotes, kMaxNote, false);
    next.sourceUrl = checks.text("source_url", draft.sourceUrl, 1000, false);
    if (!next.sourceUrl.empty() && next.sourceUrl.rfind("https://", 0) != 0 &&
        next.sourceUrl.rfind("http://", 0) != 0)
        checks.add("source_url", "Nguồn phải là địa chỉ http(s)://.",
                   "The source must be an http(s):// address.");
    next.totalArea = checks.whole("total_area_m2", draft.totalArea, false, kMaxArea);
    next.industrialArea = checks.whole("industrial_area_m2", draft.industrialArea, false, kMaxArea);
    if (next.totalArea && next.industrialArea && *next.industrialArea > *next.totalArea)
        checks.add("industrial_area_m2", "Diện tích công nghiệp lớn hơn tổng diện tích.",
                   "The industrial area is larger than the total area.");
    next.plannedInvestment =
        checks.whole("planned_investment_vnd", draft.plannedInvestment, false, kMaxVnd);
    const auto status = projectStatusFromCode(draft.status);
    if (!status)
        checks.add("status", "Trạng thái không hợp lệ.", "Unknown status.");
    next.plannedStart = checks.date("planned_start", draft.plannedStart, false);
    next.plannedFinish = checks.date("planned_finish", draft.plannedFinish, false);
    if (next.plannedStart && next.plannedFinish && *next.plannedFinish < *next.plannedStart)
        checks.add("planned_finish", "Ngày kết thúc trước ngày bắt đầu.",
                   "The finish is before the start.");
    if (!checks.ok())
        return std::move(checks.errors());
    next.status = *status;
    next.statusProvenance = Provenance::Sourced;
    return next;
}

namespace
{
// Dates and budget of one plan line, written into `item` when they are valid.
void checkPlan(const PlanDraft& draft, const std::string& prefix, FieldChecks& checks,
               WorkItem& item)
{
    const auto start = checks.date(prefix + "planned_start", draft.plannedStart, true);
    const auto finish = checks.date(prefix + "planned_finish", draft.plannedFinish, true);
    const auto budget = checks.whole(prefix + "budget_vnd", draft.budget, true, kMaxVnd);
    if (start && finish && *finish < *start)
        checks.add(prefix + "planned_finish", "Ngày kết thúc trước ngày bắt đầu.",
                   "The finish is before the start.");
    else if (start && finish && budget)
        item.plannedStart = *start, item.plannedFinish = *finish, item.budget = *budget;
}

std::optional<WorkItem> newItem(const PlanDraft& draft, const std::string& prefix,
                                FieldChecks& checks)
{
    const auto kind = workKindFromCode(draft.kind);
    if (!kind)
    {
        checks.add(prefix + "kind", "Chọn loại hạng mục.", "Choose the kind of work.");
        return std::nullopt;
    }
    WorkItem item;
    item.kind = *kind;
    item.provenance = Provenance::Sourced; // entered by an accountable official
    checkPlan(draft, prefix, checks, item);
    return item;
}
} // namespace

std::variant<std::vector<WorkItem>, FieldErrors>
validateRebaseline(const std::vector<PlanDraft>& drafts, const std::string& reason,
                   const std::vector<WorkItem>& items)
{
    FieldChecks checks;
    checks.text("reason", reason, kMaxNote, true);
    std::vector<WorkItem> plan = items;
    std::vector<WorkItem> added;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < drafts.size(); ++i)
    {
        const auto prefix = "items[" + std::to_string(i) + "].";
        if (drafts[i].workItem.empty())
        {
            if (auto item = newItem(drafts[i], prefix, checks))
                added.push_back(*item);
            continue;
        }
        auto found = std::find_if(plan.begin(), plan.end(),
                                  [&](const WorkItem& item) {
                                      return item.id == parseWholeNumberOrZero(drafts[i].workItem);
                                  });
        if (found == plan.end() || !seen.insert(found->id).second)
        {
            checks.add(prefix + "work_item", "Hạng mục không thuộc cụm này hoặc bị lặp.",
                       "No such work item in this cluster, or given twice.");
            continue;
        }
        checkPlan(drafts[i], prefix, checks, *found);
    }
    if (drafts.empty())
        checks.add("items", "Kế hoạch mới không có hạng mục nào.", "The new plan has no items.");
    if (!checks.ok())
        return std::move(checks.errors());
    plan.insert(plan.end(), added.begin(), added.end());
    return plan;
}

FieldErrors validateAcknowledgement(const std::string& comment, bool flagResolved)
{
    FieldChecks checks;
    checks.text("comment", comment, kMaxNote, true);
    if (flagResolved)
        checks.add("flag", "Cảnh báo này đã hết; không còn gì để xác nhận.",
                   "This flag is resolved; there is nothing left to acknowledge.");
    return std::move(checks.errors());
}

} // namespace tracker
