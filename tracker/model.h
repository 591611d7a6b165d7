#pragma once

#include "tracker/admin_units.h"
#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracker
{

using Vnd = std::int64_t;          // Vietnamese đồng have no minor unit
using SquareMetres = std::int64_t; // 1 ha = 10 000 m², so every published area is exact

constexpr int kSquareMetresPerHectareDigits = 4; // 10^4
constexpr int kVndPerBillionDigits = 9;          // 10^9 (tỷ đồng)

// OC4IDS projectStatus codelist.
enum class ProjectStatus
{
    Identification,
    Preparation,
    Implementation,
    Completion,
    Completed,
    Cancelled
};

// Whether a record comes from a public source or was generated to show the product.
enum class Provenance
{
    Sourced,
    Illustrative
};

enum class WorkKind
{
    SiteClearance, // giải phóng mặt bằng
    Levelling,
    InternalRoads,
    Drainage,
    WaterSupply,
    Power,
    WastewaterPlant,
    LightingFenceFire,
    Other
};

enum class TenantStatus
{
    Registered,
    Building,
    Operating,
    Left
};

struct Cluster
{
    std::int64_t id = 0;
    std::string code; // URL slug, stable
    std::string nameVi;
    std::string district;          // the former district (before 1/7/2025), Vietnamese name
    std::string commune;           // the former commune as the source gives it; empty when unknown
    std::vector<PlacedUnit> units; // the current xã/phường (tracker/admin_units.h)
    UnitBasis unitBasis = UnitBasis::Unmapped;
    std::string unitSource; // where the current units come from
    std::string unitNote;   // the source's reasoning, for a reader who doubts it
    int cohort = 2022;      // 2022's reported list, or the year a later cluster was established
    std::optional<SquareMetres> totalArea;
    std::optional<SquareMetres> industrialArea;
    std::optional<Vnd> plannedInvestment;
    std::string developer;
    std::string decisionNumber;
    std::string decisionDate; // ISO, possibly partial ("2020-06") as the source gives it
    ProjectStatus status = ProjectStatus::Preparation;
    Provenance statusProvenance = Provenance::Sourced; // the demo derives status from its plan
    std::optional<Date> plannedStart;
    std::optional<Date> plannedFinish;
    std::optional<std::int64_t> latitudeMicrodegrees;
    std::optional<std::int64_t> longitudeMicrodegrees;
    std::string sourceUrl;
    std::string sourceNotes;
    Provenance provenance = Provenance::Sourced;
    int version = 1;
};

struct WorkItem
{
    std::int64_t id = 0;
    std::int64_t clusterId = 0;
    WorkKind kind = WorkKind::Other;
    Date plannedStart;
    Date plannedFinish;
    Vnd budget = 0;      // also the item's weight in the cluster's progress
    int percentDone = 0; // 0..100, as of the latest report
    Provenance provenance = Provenance::Illustrative;
    int version = 1;
};

struct ReportLine
{
    std::int64_t workItemId = 0;
    int percent = 0;
};

// Append-only: a correction is a new report.
struct ProgressReport
{
    std::int64_t id = 0;
    std::int64_t clusterId = 0;
    Date date;
    std::vector<ReportLine> lines;
    Vnd disbursedToDate = 0;
    std::string note;
    std::string author;
    Provenance provenance = Provenance::Illustrative;
    std::string confirmedDoubts; // what its author confirmed, and why (tracker/plausibility.h)
};

struct Tenant
{
    std::int64_t id = 0;
    std::int64_t clusterId = 0;
    std::string companyName;
    std::string taxCode; // MST, validated by tracker/tax_code.h
    std::string sector;
    bool supportingIndustry = false;
    SquareMetres leasedArea = 0;
    Vnd registeredCapital = 0;
    int jobs = 0;
    TenantStatus status = TenantStatus::Registered;
    std::optional<Date> leaseStart;
    bool foreignInvested = false; // a project with foreign investment (Biểu 02 chỉ tiêu 7)
    Provenance provenance = Provenance::Illustrative;
    int version = 1;
    std::string confirmedDoubts; // what its editor confirmed, and why (tracker/plausibility.h)
};

// Headline figures a source reported for the whole portfolio, kept beside our own sums.
struct ReportedTotals
{
    int year = 0;
    int clusterCount = 0;
    SquareMetres area = 0;
    Vnd investment = 0;
    std::string qualifier; // e.g. "khoảng" (about)
    std::string source;
};

} // namespace tracker
