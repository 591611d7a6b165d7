#pragma once

#include "tracker/report_period.h"
#include "tracker/roles.h"
#include "tracker/statutory_forms.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

// A filed form moves draft → submitted → accepted, or is returned with a comment and
// submitted again; once accepted it is frozen.
enum class FilingState
{
    Draft,
    Submitted,
    Returned,
    Accepted
};

std::string_view code(FilingState state);
std::optional<FilingState> filingStateFromCode(std::string_view code);
std::string_view labelVi(FilingState state);
std::string_view labelEn(FilingState state);

enum class FilingAction
{
    Save,   // change the figures (draft or returned)
    Submit, // send it to the reviewer
    Accept, // the reviewer takes it; it is frozen
    Return  // the reviewer sends it back with a comment
};

std::optional<FilingAction> filingActionFromCode(std::string_view code);
// The state an action leads to, or nothing when it may not be taken from `from`.
std::optional<FilingState> afterAction(FilingState from, FilingAction action);

// One row's figure (in the indicator's base unit; empty when unknown) and its note.
struct IndicatorValue
{
    std::string no;
    std::optional<long long> value;
    std::string note;
};

struct StatutoryReport
{
    std::int64_t id = 0;
    StatutoryForm form = StatutoryForm::Developer02;
    std::string unitKey; // a cluster code (02), tenant id (01), commune code (03), "hanoi" (04)
    ReportPeriod period;
    FilingState state = FilingState::Draft;
    std::vector<IndicatorValue> values;
    std::string reviewComment;
    std::string filedBy;
    std::string reviewedBy;
    int version = 1;

    const IndicatorValue* value(std::string_view no) const;
};

// Who files and who reviews each form, for the unit it is about. `cluster` is the cluster a
// Biểu 01 or 02 belongs to; `unitCode` the commune of a Biểu 03.
//   Biểu 01, 02: the cluster's developer (for its tenants too: tenants have no accounts of
//                their own), reviewed by an official of the cluster's commune or the city.
//   Biểu 03: the commune's official, reviewed by the city (Sở Công Thương).
//   Biểu 04: the city official, reviewed by an administrator.
// Administrators may do both.
bool mayFile(const Account& account, StatutoryForm form, const Cluster* cluster,
             const std::string& unitCode);
bool mayReview(const Account& account, StatutoryForm form, const Cluster* cluster,
               const std::string& unitCode);

} // namespace tracker
