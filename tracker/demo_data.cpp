#include "tracker/demo_data.h"

#include "tracker/tax_code.h"

#include <algorithm>
#include <array>
#include <random>
#include <string_view>

namespace tracker
{
namespace
{
// Share of the infrastructure budget and window (as fractions of the whole schedule).
struct ItemTemplate
{
    WorkKind kind;
    int budgetShare; // percent of the infrastructure budget
    double startFraction;
    double finishFraction;
};

constexpr std::array<ItemTemplate, 9> kItems{{
    {WorkKind::SiteClearance, 20, 0.00, 0.30},
    {WorkKind::Levelling, 15, 0.20, 0.45},
    {WorkKind::InternalRoads, 18, 0.40, 0.85},
    {WorkKind::Drainage, 10, 0.40, 0.80},
    {WorkKind::WaterSupply, 7, 0.50, 0.85},
    {WorkKind::Power, 9, 0.55, 0.90},
    {WorkKind::WastewaterPlant, 12, 0.50, 0.95},
    {WorkKind::LightingFenceFire, 5, 0.80, 1.00},
    {WorkKind::Other, 4, 0.10, 1.00},
}};

constexpr std::array<std::string_view, 10> kSectors{"Cơ khí chính xác",  "Dệt may",
                                                    "Chế biến gỗ",       "Thực phẩm",
                                                    "Điện tử",           "Bao bì, in ấn",
                                                    "Vật liệu xây dựng", "Gốm sứ mỹ nghệ",
                                                    "Nhựa và cao su",    "Dược phẩm, hóa chất"};

constexpr std::array<std::string_view, 12> kCompanyStems{
    "Minh Phát", "Hòa Bình",  "Thành Đạt", "An Khánh",   "Phú Thịnh",  "Đức Long",
    "Việt Tiến", "Sông Hồng", "Tân Phát",  "Hưng Thịnh", "Quang Minh", "Đại Nam"};

constexpr std::array<std::string_view, 4> kCompanyForms{"Công ty TNHH", "Công ty CP",
                                                        "Công ty TNHH MTV", "Công ty CP Sản xuất"};

// Uniform integers from mt19937's raw output: std::uniform_int_distribution is not
// specified bit-for-bit, and the demo must be the same on every machine.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint32_t seed) : _engine(seed) {}
    long between(long low, long high) // inclusive
    {
        return low + static_cast<long>(_engine() % static_cast<std::uint32_t>(high - low + 1));
    }
    double fraction() { return static_cast<double>(_engine()) / 4294967296.0; }

private:
    std::mt19937 _engine;
};

std::uint32_t mixSeed(std::uint32_t seed, const std::string& code)
{
    std::uint32_t hash = 2166136261u; // FNV-1a over the code keeps each cluster's draw stable
    for (const unsigned char c : code)
        hash = (hash ^ c) * 16777619u;
    return hash ^ seed;
}

DemoScenario pickScenario(DemoRandom& random)
{
    const long draw = random.between(0, 99);
    if (draw < 10)
        return DemoScenario::NotStarted;
    if (draw < 38)
        return DemoScenario::OnTrack;
    if (draw < 63)
        return DemoScenario::Late;
    if (draw < 73)
        return DemoScenario::StaleReports;
    return DemoScenario::FinishedFillingUp;
}

Vnd infrastructureBudget(const Cluster& cluster)
{
    if (cluster.plannedInvestment)
        return *cluster.plannedInvestment / 10 * 8;
    const SquareMetres area = cluster.totalArea.value_or(100000);
    return area * 200000; // about 20 billion VND per hectare, a typical CCN figure
}

std::vector<WorkItem> planItems(const Date& start, long durationDays, Vnd budget)
{
    std::vector<WorkItem> items;
    for (const auto& t : kItems)
    {
        WorkItem item;
        item.id = static_cast<std::int64_t>(items.size());
        item.kind = t.kind;
        item.plannedStart = start.plusDays(static_cast<long>(t.startFraction * durationDays));
        item.plannedFinish = start.plusDays(static_cast<long>(t.finishFraction * durationDays));
        item.budget = budget / 100 * t.budgetShare;
        items.push_back(item);
    }
    return items;
}

struct Pace
{
    double factor;  // actual progress = planned × factor
    long stopAfter; // days before asOf after which no report is filed
};

Pace paceFor(DemoScenario scenario, DemoRandom& random)
{
    switch (scenario)
    {
    case DemoScenario::OnTrack:
        return {0.97 + random.fraction() * 0.08, 0};
    case DemoScenario::Late:
        return {0.45 + random.fraction() * 0.3, 0};
    case DemoScenario::StaleReports:
        return {0.8 + random.fraction() * 0.15, random.between(75, 160)};
    default:
        return {1.0, 0};
    }
}

void fileReports(DemoPlan& plan, const Cluster& cluster, const Date& start, const Date& lastDay,
                 const Pace& pace, DemoRandom& random)
{
    std::vector<int> done(plan.items.size(), 0);
    const Vnd investment = cluster.plannedInvestment.value_or(infrastructureBudget(cluster));
    for (Date day = start.plusDays(30); day <= lastDay; day = day.plusDays(30))
    {
        ProgressReport report;
        report.clusterId = cluster.id;
        report.date = day;
        long double earned = 0;
        long double total = 0;
        for (std::size_t i = 0; i < plan.items.size(); ++i)
        {
            const double planned = plannedPercentAt(plan.items[i], day);
            const int actual = std::clamp(static_cast<int>(planned * pace.factor), 0, 100);
            done[i] = std::max(done[i], actual); // progress never goes backwards
            report.lines.push_back({plan.items[i].id, done[i]});
            earned += static_cast<long double>(plan.items[i].budget) * done[i] / 100;
            total += static_cast<long double>(plan.items[i].budget);
        }
        const double spendRatio = 0.8 + random.fraction() * 0.2;
        report.disbursedToDate =
            static_cast<Vnd>(investment * (earned / total) * spendRatio) / 1000000 * 1000000;
        if (!plan.reports.empty())
            report.disbursedToDate =
                std::max(report.disbursedToDate, plan.reports.back().disbursedToDate);
        report.note = "Báo cáo định kỳ (dữ liệu minh họa)";
        report.author = "Ban quản lý dự án (minh họa)";
        plan.reports.push_back(report);
    }
    for (std::size_t i = 0; i < plan.items.size(); ++i)
        plan.items[i].percentDone = done[i];
}

std::string illustrativeTaxCode(DemoRandom& random)
{
    for (;;)
    {
        std::string nine = "01" + std::to_string(random.between(1000000, 9999999)); // 01 = Hà Nội
        const int check = taxCodeCheckDigit(nine);
        if (check >= 0)
            return nine + static_cast<char>('0' + check);
    }
}

Tenant makeTenant(const Cluster& cluster, const Date& asOf, bool settled, DemoRandom& random)
{
    Tenant tenant;
    tenant.clusterId = cluster.id;
    tenant.companyName = std::string(kCompanyForms[random.between(0, 3)]) + " " +
                         std::string(kCompanyStems[random.between(0, 11)]) + " " +
                         std::to_string(random.between(1, 99));
    tenant.taxCode = illustrativeTaxCode(random);
    tenant.sector = std::string(kSectors[random.between(0, 9)]);
    tenant.supportingIndustry = random.between(0, 2) == 0;
    tenant.leasedArea = random.between(3, 20) * 1000;
    tenant.registeredCapital = random.between(20, 400) * 1000000000LL;
    tenant.jobs = static_cast<int>(random.between(30, 450));
    // Illustrative like the rest, and drawn from what is already drawn (the tax code's check
    // digit) so that adding it changed none of the demo's other figures.
    tenant.foreignInvested = tenant.taxCode.back() == '7';
    tenant.leaseStart = asOf.plusDays(-random.between(settled ? 60 : 10, settled ? 700 : 200));
    tenant.status =
        settled ? (random.between(0, 9) == 0 ? TenantStatus::Building : TenantStatus::Operating)
                : TenantStatus::Registered;
    return tenant;
}

void addTenants(DemoPlan& plan, const Cluster& cluster, const Date& asOf, DemoRandom& random)
{
    const SquareMetres area = cluster.totalArea.value_or(50000);
    const bool finished = plan.scenario == DemoScenario::FinishedFillingUp;
    const double targetShare = finished ? 0.25 + random.fraction() * 0.5 : random.fraction() * 0.08;
    SquareMetres leased = 0;
    while (leased < static_cast<SquareMetres>(area * targetShare))
    {
        plan.tenants.push_back(makeTenant(cluster, asOf, finished, random));
        leased += plan.tenants.back().leasedArea;
    }
}
} // namespace

DemoPlan generateDemoPlan(const Cluster& cluster, const Date& asOf, std::uint32_t seed)
{
    DemoRandom random(mixSeed(seed, cluster.code));
    DemoPlan plan;
    plan.scenario = pickScenario(random);
    const long duration = random.between(600, 1000);
    long startOffset = random.between(200, 550); // days before asOf
    if (plan.scenario == DemoScenario::NotStarted)
        startOffset = -random.between(60, 300);
    else if (plan.scenario == DemoScenario::FinishedFillingUp)
        startOffset = duration + random.between(120, 600);
    const Date start = asOf.plusDays(-startOffset);
    plan.items = planItems(start, duration, infrastructureBudget(cluster));
    const Pace pace = paceFor(plan.scenario, random);
    const Date lastDay = std::min(asOf.plusDays(-pace.stopAfter), start.plusDays(duration + 30));
    fileReports(plan, cluster, start, lastDay, pace, random);
    addTenants(plan, cluster, asOf, random);
    switch (plan.scenario)
    {
    case DemoScenario::NotStarted:
        plan.status = ProjectStatus::Preparation;
        break;
    case DemoScenario::FinishedFillingUp:
        plan.status = ProjectStatus::Completion;
        break;
    default:
        plan.status = ProjectStatus::Implementation;
    }
    return plan;
}

} // namespace tracker
