#include "tracker/statutory_report.h"

#include "tracker/code_table.h"

#include <algorithm>

namespace tracker
{
namespace
{
constexpr CodeTable<FilingState, 4> kStates{{{
    {FilingState::Draft, "draft", "Bản nháp", "Draft"},
    {FilingState::Submitted, "submitted", "Đã gửi, chờ duyệt", "Submitted"},
    {FilingState::Returned, "returned", "Bị trả lại", "Returned"},
    {FilingState::Accepted, "accepted", "Đã chấp nhận", "Accepted"},
}}};

bool listed(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool inCommunes(const Account& account, const Cluster& cluster)
{
    return std::any_of(cluster.units.begin(), cluster.units.end(),
                       [&](const PlacedUnit& unit) { return listed(account.communes, unit.code); });
}
} // namespace

std::string_view code(FilingState state)
{
    return kStates.names(state).code;
}

std::optional<FilingState> filingStateFromCode(std::string_view text)
{
    return kStates.fromCode(text);
}

std::string_view labelVi(FilingState state)
{
    return kStates.names(state).vi;
}

std::string_view labelEn(FilingState state)
{
    return kStates.names(state).en;
}

std::optional<FilingAction> filingActionFromCode(std::string_view text)
{
    if (text == "save")
        return FilingAction::Save;
    if (text == "submit")
        return FilingAction::Submit;
    if (text == "accept")
        return FilingAction::Accept;
    if (text == "return")
        return FilingAction::Return;
    return std::nullopt;
}

std::optional<FilingState> afterAction(FilingState from, FilingAction action)
{
    const bool editable = from == FilingState::Draft || from == FilingState::Returned;
    switch (action)
    {
    case FilingAction::Save:
        return editable ? std::optional(from) : std::nullopt;
    case FilingAction::Submit:
        return editable ? std::optional(FilingState::Submitted) : std::nullopt;
    case FilingAction::Accept:
        return from == FilingState::Submitted ? std::optional(FilingState::Accepted) : std::nullopt;
    case FilingAction::Return:
        return from == FilingState::Submitted ? std::optional(FilingState::Returned) : std::nullopt;
    }
    return std::nullopt;
}

const IndicatorValue* StatutoryReport::value(std::string_view no) const
{
    const auto found = std::find_if(values.begin(), values.end(),
                                    [&](const IndicatorValue& v) { return v.no == no; });
    return found == values.end() ? nullptr : &*found;
}

bool mayFile(const Account& account, StatutoryForm form, const Cluster* cluster,
             const std::string& unitCode)
{
    if (account.role == Role::Admin)
        return true;
    switch (form)
    {
    case StatutoryForm::Tenant01:
    case StatutoryForm::Developer02:
        return cluster && account.role == Role::Developer &&
               listed(account.clusters, cluster->code);
    case StatutoryForm::Commune03:
        return account.role == Role::CommuneOfficial && listed(account.communes, unitCode);
    case StatutoryForm::City04:
        return account.role == Role::CityOfficial;
    }
    return false;
}

bool mayReview(const Account& account, StatutoryForm form, const Cluster* cluster,
               const std::string& unitCode)
{
    (void)unitCode;
    if (account.role == Role::Admin)
        return true;
    switch (form)
    {
    case StatutoryForm::Tenant01:
    case StatutoryForm::Developer02:
        return account.role == Role::CityOfficial ||
               (cluster && account.role == Role::CommuneOfficial && inCommunes(account, *cluster));
    case StatutoryForm::Commune03:
        return account.role == Role::CityOfficial;
    case StatutoryForm::City04:
        return false; // only an administrator accepts the city's own report
    }
    return false;
}

} // namespace tracker
