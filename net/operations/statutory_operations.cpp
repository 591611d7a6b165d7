#include "net/operations/statutory_operations.h"

#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/statutory_repository.h"
#include "persistence/tenant_repository.h"
#include "tracker/text_checks.h"

#include <algorithm>

namespace tracker::net
{
namespace
{
constexpr int kAllReports = 100000; // every report of a cluster, for the cut-off's last one
constexpr std::size_t kMaxNote = 500;

std::optional<ClusterDetail> clusterAt(persistence::Database& database, const std::string& code,
                                       const ReportPeriod& period)
{
    return persistence::ClusterRepository(database).findDetail(code, kAllReports, period.lastDay());
}

const Cluster* clusterOf(const StatutoryTarget& target)
{
    return target.cluster ? &target.cluster->summary.cluster : nullptr;
}

std::string communeCode(const StatutoryTarget& target)
{
    return target.commune ? target.commune->code : std::string();
}

// Biểu 03 or 04 computed now from the registry and the accepted Biểu 02 of the period.
SummaryFigures summaryOf(persistence::Database& database, const StatutoryTarget& target)
{
    persistence::StatutoryRepository statutory(database);
    std::map<std::string, StatutoryReport> accepted, tenantForms;
    for (auto& report : statutory.listFor(StatutoryForm::Developer02, target.period))
        if (report.state == FilingState::Accepted)
            accepted.emplace(report.unitKey, std::move(report));
    for (auto& report : statutory.listFor(StatutoryForm::Tenant01, target.period))
        if (report.state == FilingState::Accepted)
            tenantForms.emplace(report.unitKey, std::move(report));
    std::vector<ClusterFiling> filings;
    std::vector<std::string> unplaced;
    const auto facts = persistence::ClusterFactsRepository(database).all();
    for (const auto& detail :
         persistence::ClusterRepository(database).listDetails(1, target.period.lastDay()))
    {
        const Cluster& c = detail.summary.cluster;
        if (target.form == StatutoryForm::Commune03 && !countedInCommune(c, target.commune->code))
        {
            if (mayBeInCommune(c, target.commune->code))
                unplaced.push_back(c.nameVi + " (" + c.code +
                                   ") có thể thuộc xã, phường này nhưng chưa xác minh; xác nhận "
                                   "tại /admin/clusters/" +
                                   c.code + "/units");
            continue;
        }
        const auto found = accepted.find(c.code);
        ClusterFiling filing{c,
                             found == accepted.end() ? nullptr : &found->second,
                             {},
                             static_cast<int>(detail.tenants.size()),
                             {}};
        if (const auto known = facts.find(c.id); known != facts.end())
            filing.facts = known->second;
        for (const auto& tenant : detail.tenants)
            if (const auto form = tenantForms.find(std::to_string(tenant.id));
                form != tenantForms.end())
                filing.accepted01.push_back(&form->second);
        filings.push_back(std::move(filing));
    }
    auto figures = summarise(filings, target.period);
    figures.missing.insert(figures.missing.end(), unplaced.begin(), unplaced.end());
    return figures;
}

std::vector<IndicatorValue> valuesOf(const SummaryFigures& figures)
{
    std::vector<IndicatorValue> values;
    for (const auto& row : figures.rows)
        values.push_back(row.value);
    return values;
}

std::vector<IndicatorValue> blankTenant01()
{
    std::vector<IndicatorValue> values;
    for (const auto& indicator : definitionOf(StatutoryForm::Tenant01).indicators)
        values.push_back({std::string(indicator.no), std::nullopt, "Doanh nghiệp nhập số liệu"});
    return values;
}

std::string actionCode(FilingAction action)
{
    switch (action)
    {
    case FilingAction::Save:
        return "save";
    case FilingAction::Submit:
        return "submit";
    case FilingAction::Accept:
        return "accept";
    case FilingAction::Return:
        return "return";
    }
    return "";
}

std::string actionVi(FilingAction action)
{
    switch (action)
    {
    case FilingAction::Save:
        return "lưu";
    case FilingAction::Submit:
        return "gửi";
    case FilingAction::Accept:
        return "chấp nhận";
    case FilingAction::Return:
        return "trả lại";
    }
    return "";
}

// Figures that cannot all be true together: a part larger than its whole, a plant that
// meets the standard without being built.
void checkConsistency(const StatutoryReport& report, FieldErrors& errors)
{
    const auto at = [&](const char* no)
    {
        const auto* v = report.value(no);
        return v ? v->value : std::nullopt;
    };
    const auto notAbove =
        [&](const char* part, const char* whole, const std::string& vi, const std::string& en)
    {
        if (at(part) && at(whole) && *at(part) > *at(whole))
            errors.push_back({std::string("value_") + part, vi, en});
    };
    notAbove("7", "6", "Chỉ tiêu 7 (dự án có vốn nước ngoài) lớn hơn chỉ tiêu 6 (tổng số dự án).",
             "Indicator 7 (foreign-invested) exceeds indicator 6 (all projects).");
    notAbove("8", "6", "Chỉ tiêu 8 (dự án đang hoạt động) lớn hơn chỉ tiêu 6 (tổng số dự án).",
             "Indicator 8 (operating) exceeds indicator 6 (all projects).");
    notAbove("2", "1",
             "Chỉ tiêu 2 (vốn đã đầu tư) lớn hơn chỉ tiêu 1 (tổng mức đầu tư được duyệt).",
             "Indicator 2 (invested) exceeds indicator 1 (approved total investment).");
    notAbove(
        "14", "13",
        "Chỉ tiêu 14 ghi 1 (trạm đạt tiêu chuẩn) nhưng chỉ tiêu 13 ghi 0 (chưa đầu tư trạm).",
        "Indicator 14 says the plant meets the standard, but indicator 13 says none is built.");
}

// The typed figures over the current ones; what cannot be read, per field.
FieldErrors applyTyped(StatutoryReport& report, const StatutoryRequest& request)
{
    FieldErrors errors;
    for (const auto& indicator : definitionOf(report.form).indicators)
    {
        if (indicator.kind == IndicatorKind::Section)
            continue;
        const std::string no(indicator.no);
        auto current = std::find_if(report.values.begin(), report.values.end(),
                                    [&](const IndicatorValue& v) { return v.no == no; });
        if (current == report.values.end())
            current = report.values.insert(report.values.end(), {no, std::nullopt, ""});
        if (const auto typed = request.values.find(no); typed != request.values.end())
        {
            const auto text = trimmedCopy(typed->second);
            const auto value = parseIndicator(indicator.kind, text);
            if (!text.empty() && !value)
                errors.push_back({"value_" + no,
                                  "Chỉ tiêu " + no + ": “" + text +
                                      "” không phải là số hợp lệ (đơn vị: " +
                                      std::string(indicator.unitVi) + ").",
                                  "Indicator " + no + ": “" + text + "” is not a valid number (" +
                                      std::string(indicator.unitEn) + ")."});
            current->value = text.empty() ? std::nullopt : value;
        }
        if (const auto note = request.notes.find(no); note != request.notes.end())
        {
            if (note->second.size() > kMaxNote || !isValidUtf8(note->second) ||
                hasControlCharacters(note->second))
                errors.push_back({"note_" + no, "Ghi chú tối đa 500 ký tự.",
                                  "A note is at most 500 characters."});
            current->note = note->second;
        }
    }
    if (errors.empty() && report.form == StatutoryForm::Developer02)
        checkConsistency(report, errors);
    return errors;
}
} // namespace

std::optional<StatutoryTarget> resolveStatutoryTarget(persistence::Database& database,
                                                      const AdminUnits& units,
                                                      const std::string& form,
                                                      const std::string& unitKey,
                                                      const std::string& period)
{
    const auto parsedForm = statutoryFormFromCode(form);
    const auto parsedPeriod = ReportPeriod::parse(period);
    if (!parsedForm || !parsedPeriod)
        return std::nullopt;
    StatutoryTarget target{*parsedForm, unitKey, *parsedPeriod, std::nullopt, nullptr, ""};
    switch (*parsedForm)
    {
    case StatutoryForm::Developer02:
        target.cluster = clusterAt(database, unitKey, *parsedPeriod);
        if (!target.cluster)
            return std::nullopt;
        target.unitName = target.cluster->summary.cluster.developer.empty()
                              ? "Chủ đầu tư " + target.cluster->summary.cluster.nameVi
                              : target.cluster->summary.cluster.developer;
        return target;
    case StatutoryForm::Tenant01:
    {
        const auto id = parseWholeNumberOrZero(unitKey);
        const auto tenant =
            id > 0 ? persistence::TenantRepository(database).findTenant(id) : std::nullopt;
        const auto owner =
            tenant ? persistence::RegistryRepository(database).findClusterById(tenant->clusterId)
                   : std::nullopt;
        if (!owner)
            return std::nullopt;
        target.cluster = clusterAt(database, owner->code, *parsedPeriod);
        target.unitName = tenant->companyName;
        return target.cluster ? std::optional(target) : std::nullopt;
    }
    case StatutoryForm::Commune03:
        target.commune = units.byCode(unitKey);
        if (!target.commune)
            return std::nullopt;
        target.unitName = "Ủy ban nhân dân " + target.commune->nameInText();
        return target;
    case StatutoryForm::City04:
        if (unitKey != "hanoi")
            return std::nullopt;
        target.unitName = "Sở Công Thương thành phố Hà Nội";
        return target;
    }
    return std::nullopt;
}

bool isPublicStatutory(const StatutoryView& view)
{
    return view.report.state == FilingState::Accepted &&
           (view.report.form == StatutoryForm::Commune03 ||
            view.report.form == StatutoryForm::City04);
}

StatutoryView openStatutory(persistence::Database& database, const Account& account,
                            const StatutoryTarget& target)
{
    StatutoryView view;
    view.mayFile = mayFile(account, target.form, clusterOf(target), communeCode(target));
    view.mayReview = mayReview(account, target.form, clusterOf(target), communeCode(target));
    const auto stored =
        persistence::StatutoryRepository(database).find(target.form, target.unitKey, target.period);
    view.stored = stored.has_value();
    if (stored)
        view.report = *stored;
    else
    {
        view.report.form = target.form;
        view.report.unitKey = target.unitKey;
        view.report.period = target.period;
        view.report.version = 0;
    }
    const bool summary =
        target.form == StatutoryForm::Commune03 || target.form == StatutoryForm::City04;
    if (summary)
    {
        view.summary = summaryOf(database, target);
        const bool open =
            view.report.state == FilingState::Draft || view.report.state == FilingState::Returned;
        if (open)
            view.report.values = valuesOf(*view.summary);
    }
    else if (!stored && target.form == StatutoryForm::Developer02)
    {
        const auto& detail = *target.cluster;
        view.report.values = prefillDeveloper02(
            {detail.summary.cluster, detail.items, detail.reports, detail.tenants,
             persistence::ClusterFactsRepository(database).find(detail.summary.cluster.id)},
            target.period);
    }
    else if (!stored)
        view.report.values = blankTenant01();
    return view;
}

EditResult<ClusterFacts> updateClusterFacts(const Editor& editor, const std::string& clusterCode,
                                            const ClusterFactsDraft& draft, int expectedVersion)
{
    EditResult<ClusterFacts> result;
    const auto editable = persistence::RegistryRepository(editor.database).findCluster(clusterCode);
    if (!editable)
    {
        result.status = EditStatus::NotFound;
        return result;
    }
    const Cluster* found = &editable->cluster;
    if (!may(editor.account, ClusterAction::EditRegistry, *found))
    {
        result.status = EditStatus::Forbidden;
        return result;
    }
    persistence::ClusterFactsRepository repository(editor.database);
    const auto current = repository.find(found->id);
    auto checked = validateFacts(draft, current, *found, editor.clock.todayInHanoi());
    if (auto* errors = std::get_if<FieldErrors>(&checked))
    {
        result.status = EditStatus::Invalid;
        result.errors = std::move(*errors);
        return result;
    }
    auto saved = repository.save(std::get<ClusterFacts>(checked), expectedVersion, editor.audit());
    result.record = saved.current;
    if (!saved.saved)
    {
        result.status = EditStatus::Conflict;
        return result;
    }
    if (editor.written)
        editor.written(clusterCode);
    return result;
}

EditResult<StatutoryReport> actOnStatutory(const Editor& editor, const StatutoryTarget& target,
                                           const StatutoryRequest& request)
{
    EditResult<StatutoryReport> result;
    auto view = openStatutory(editor.database, editor.account, target);
    const bool filing =
        request.action == FilingAction::Save || request.action == FilingAction::Submit;
    if (!(filing ? view.mayFile : view.mayReview))
    {
        result.status = EditStatus::Forbidden;
        return result;
    }
    const auto next = afterAction(view.report.state, request.action);
    if (!next)
    {
        result.status = EditStatus::Invalid;
        result.errors.push_back(
            {"action",
             view.report.state == FilingState::Accepted
                 ? std::string("Biểu đã được chấp nhận nên không thể sửa hay gửi lại.")
                 : "Không thể " + actionVi(request.action) + " biểu ở trạng thái “" +
                       std::string(labelVi(view.report.state)) + "”.",
             view.report.state == FilingState::Accepted
                 ? std::string("The form was accepted and is frozen.")
                 : "This action is not possible in the state “" +
                       std::string(labelEn(view.report.state)) + "”."});
        return result;
    }
    StatutoryReport changed = view.report;
    const bool summary = view.summary.has_value();
    if (filing && !summary)
        result.errors = applyTyped(changed, request);
    if (request.action == FilingAction::Return && trimmedCopy(request.comment).empty())
        result.errors.push_back({"comment", "Ghi lý do trả lại để bên gửi biết cần sửa gì.",
                                 "Say why it is returned, so that the sender knows what to fix."});
    if (!result.errors.empty())
    {
        result.status = EditStatus::Invalid;
        return result;
    }
    changed.state = *next;
    if (request.action == FilingAction::Submit)
        changed.filedBy = editor.account.email;
    if (request.action == FilingAction::Accept || request.action == FilingAction::Return)
    {
        changed.reviewedBy = editor.account.email;
        changed.reviewComment = trimmedCopy(request.comment);
    }
    persistence::StatutoryRepository repository(editor.database);
    int expected = request.expectedVersion;
    if (!view.stored)
    {
        if (expected != 0)
        {
            result.status = EditStatus::Conflict;
            return result;
        }
        const auto created = repository.createDraft(view.report, editor.audit());
        changed.id = created.id;
        expected = created.version;
        if (created.state != FilingState::Draft ||
            created.values.size() != view.report.values.size())
        {
            // Someone else created it first: let the person look again.
            result.status = EditStatus::Conflict;
            result.record = created;
            return result;
        }
    }
    auto saved = repository.save(changed, expected, actionCode(request.action), editor.audit());
    if (!saved.saved)
    {
        result.status = EditStatus::Conflict;
        result.record = std::move(saved.current);
        return result;
    }
    if (editor.written)
        editor.written(target.cluster ? target.cluster->summary.cluster.code : std::string());
    result.record = std::move(saved.current);
    return result;
}

} // namespace tracker::net
