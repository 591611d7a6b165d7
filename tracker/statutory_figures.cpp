#include "tracker/statutory_figures.h"

#include "tracker/metrics.h"

#include <algorithm>

namespace tracker
{
namespace
{
bool leasedBy(const Tenant& tenant, const Date& cutOff)
{
    return tenant.status != TenantStatus::Left && tenant.leaseStart && *tenant.leaseStart <= cutOff;
}

IndicatorValue known(const std::string& no, long long value, std::string note)
{
    return {no, value, std::move(note)};
}

IndicatorValue unknown(const std::string& no, std::string note)
{
    return {no, std::nullopt, std::move(note)};
}

// "2020-06" or "2025-03-11" → the last day it can mean; nothing when empty or unreadable.
std::optional<Date> decidedBy(const std::string& text)
{
    if (const auto full = Date::parseIso(text))
        return full;
    if (text.size() == 7)
        if (const auto month = Date::parseIso(text + "-01"))
            return month->plusDays(31).plusDays(-(month->plusDays(31).day));
    return std::nullopt;
}

std::optional<Date> decidedFrom(const std::string& text)
{
    if (const auto full = Date::parseIso(text))
        return full;
    if (text.size() == 7)
        return Date::parseIso(text + "-01");
    return std::nullopt;
}

bool isEnterprise(const std::string& developer)
{
    return developer.rfind("Công ty", 0) == 0 || developer.rfind("Tổng công ty", 0) == 0;
}

bool isCraftVillage(const ClusterFiling& f)
{
    return f.facts.craftVillage.value_or(f.cluster.nameVi.find("làng nghề") != std::string::npos);
}
} // namespace

std::vector<IndicatorValue> prefillDeveloper02(const ClusterRecords& r, const ReportPeriod& period)
{
    const Date cutOff = period.lastDay();
    const Cluster& c = r.cluster;
    std::vector<IndicatorValue> values;
    values.push_back(c.plannedInvestment
                         ? known("1", *c.plannedInvestment, "Theo hồ sơ đăng ký: " + c.sourceUrl)
                         : unknown("1", "Hồ sơ đăng ký chưa có tổng mức đầu tư"));
    const ProgressReport* last = nullptr;
    for (const auto& report : r.reports)
        if (report.date <= cutOff && (!last || last->date < report.date))
            last = &report;
    values.push_back(
        last ? known("2", last->disbursedToDate,
                     "Báo cáo tiến độ ngày " + last->date.vietnamese() +
                         (last->provenance == Provenance::Illustrative ? " (minh họa)" : ""))
             : unknown("2", "Chưa có báo cáo tiến độ đến ngày chốt số liệu"));
    const auto& facts = r.facts;
    values.push_back(facts.readyToLease
                         ? known("3", *facts.readyToLease, "Hồ sơ cụm: " + facts.source)
                         : unknown("3", "Chủ đầu tư nhập: đất công nghiệp đã có hạ tầng, đủ điều "
                                        "kiện cho thuê"));
    SquareMetres leased = 0;
    int leasing = 0, operating = 0, foreign = 0;
    for (const auto& tenant : r.tenants)
        if (leasedBy(tenant, cutOff))
        {
            leased += tenant.leasedArea, ++leasing;
            operating += tenant.status == TenantStatus::Operating ? 1 : 0;
            foreign += tenant.foreignInvested ? 1 : 0;
        }
    const std::string tenantsNote = "Từ " + std::to_string(leasing) +
                                    " nhà đầu tư thứ cấp đã thuê đất đến " + cutOff.vietnamese();
    values.push_back(known("4", leased, tenantsNote));
    if (c.industrialArea && *c.industrialArea > 0)
        values.push_back(known("5", leased * 10000 / *c.industrialArea,
                               "Điều 2 khoản 7 NĐ 32/2024: đất đã cho thuê / đất công nghiệp "
                               "theo quy hoạch chi tiết"));
    else
        values.push_back(unknown("5", "Chưa có diện tích đất công nghiệp theo quy hoạch chi tiết "
                                      "nên không tính (Điều 2 khoản 7 NĐ 32/2024)"));
    values.push_back(known("6", leasing, tenantsNote));
    values.push_back(
        known("7", foreign, "Nhà đầu tư thứ cấp được ghi là có vốn đầu tư nước ngoài"));
    values.push_back(known("8", operating, "Nhà đầu tư thứ cấp có trạng thái đang hoạt động"));
    for (const char* no : {"9", "10", "11", "12"})
        values.push_back(unknown(no, "Chủ đầu tư nhập số liệu của kỳ báo cáo"));
    const auto plant =
        std::find_if(r.items.begin(), r.items.end(),
                     [](const WorkItem& w) { return w.kind == WorkKind::WastewaterPlant; });
    if (facts.wastewater)
        values.push_back(known("13", *facts.wastewater == WastewaterState::None ? 0 : 1,
                               "Hồ sơ cụm: trạm " + std::string(code(*facts.wastewater))));
    else if (plant == r.items.end())
        values.push_back(known("13", 0, "Kế hoạch không có hạng mục trạm xử lý nước thải"));
    else
        values.push_back(
            known("13", plant->plannedStart <= cutOff && plant->percentDone > 0 ? 1 : 0,
                  "Hạng mục trạm xử lý nước thải: " + std::to_string(plant->percentDone) +
                      " % theo báo cáo"));
    values.push_back(
        facts.wastewaterCompliant
            ? known("14", *facts.wastewaterCompliant ? 1 : 0, "Hồ sơ cụm: " + facts.source)
            : unknown("14", "Chủ đầu tư nhập: trạm đạt tiêu chuẩn môi trường (1/0)"));
    return values;
}

std::vector<DelayFinding> statutoryOverdueFindings(const std::map<std::string, FilingState>& states,
                                                   const Date& asOf, const ReportPeriod& first)
{
    std::vector<DelayFinding> findings;
    for (ReportPeriod period = first; period.firstDay() <= asOf; period = period.next())
    {
        const Date due = period.dueBefore(StatutoryForm::Developer02);
        if (asOf < due)
            continue;
        const auto state = states.find(period.code());
        if (state != states.end() &&
            (state->second == FilingState::Submitted || state->second == FilingState::Accepted))
            continue;
        DelayFinding finding;
        finding.rule = DelayRuleKind::StatutoryReportOverdue;
        finding.severity = Severity::Medium;
        finding.subject = "bieu02:" + period.code();
        finding.lateSince = due;
        finding.daysLate = daysLateSince(due, asOf);
        finding.measureVi = "Biểu 02 kỳ " + period.code() + " chưa gửi; hạn trước ngày " +
                            due.vietnamese() + " (Thông tư 14/2024/TT-BCT)";
        finding.measure = "Biểu 02 for " + period.code() + " not filed; due before " + due.iso() +
                          " (Circular 14/2024/TT-BCT)";
        findings.push_back(finding);
    }
    return findings;
}

bool countedInCommune(const Cluster& cluster, const std::string& unitCode)
{
    if (isUncertain(cluster.unitBasis))
        return false;
    const auto first = std::find_if(cluster.units.begin(), cluster.units.end(),
                                    [](const PlacedUnit& u) { return u.certain; });
    return first != cluster.units.end() && first->code == unitCode;
}

bool mayBeInCommune(const Cluster& cluster, const std::string& unitCode)
{
    return std::any_of(cluster.units.begin(), cluster.units.end(),
                       [&](const PlacedUnit& u) { return u.code == unitCode; });
}

namespace
{
// Sums and counts over the clusters, remembering which clusters each row rests on.
class Summer
{
public:
    explicit Summer(const std::vector<ClusterFiling>& filings) : _filings(filings) {}

    template <typename Test> SummaryRow count(const char* no, Test test, std::string note) const
    {
        SummaryRow row{{no, 0, std::move(note)}, {}};
        for (const auto& f : _filings)
            if (test(f))
                *row.value.value += 1, row.clusters.push_back(f.cluster.code);
        return row;
    }

    // Σ of `valueOf` over the clusters passing `test`; the note counts those without a value.
    template <typename Test, typename Value>
    SummaryRow sum(const char* no, Test test, Value valueOf, const std::string& note) const
    {
        SummaryRow row{{no, 0, note}, {}};
        int without = 0;
        for (const auto& f : _filings)
        {
            if (!test(f))
                continue;
            const std::optional<long long> v = valueOf(f);
            if (v)
                *row.value.value += *v, row.clusters.push_back(f.cluster.code);
            else
                ++without;
        }
        if (without > 0)
            row.value.note += (row.value.note.empty() ? "" : "; ") + std::to_string(without) +
                              " cụm chưa có số liệu";
        return row;
    }

private:
    const std::vector<ClusterFiling>& _filings;
};

std::optional<long long> filed(const ClusterFiling& f, const char* no)
{
    if (!f.accepted02)
        return std::nullopt;
    const auto* v = f.accepted02->value(no);
    return v ? v->value : std::nullopt;
}

bool operating(const ClusterFiling& f)
{
    const auto projects = filed(f, "6");
    return projects && *projects > 0;
}
} // namespace

SummaryFigures summarise(const std::vector<ClusterFiling>& filings, const ReportPeriod& period)
{
    const Summer s(filings);
    const auto all = [](const ClusterFiling&) { return true; };
    const auto area = [](const ClusterFiling& f) -> std::optional<long long>
    { return f.cluster.totalArea; };
    const auto established = [&](const ClusterFiling& f)
    {
        const auto by = decidedBy(f.cluster.decisionDate);
        return !by || *by <= period.lastDay(); // a cluster in the registry is established
    };
    const auto inPeriod = [&](const ClusterFiling& f)
    {
        const auto from = decidedFrom(f.cluster.decisionDate);
        const auto by = decidedBy(f.cluster.decisionDate);
        return from && by && period.firstDay() <= *from && *by <= period.lastDay();
    };
    const auto enterprise = [](const ClusterFiling& f)
    { return isEnterprise(f.cluster.developer); };
    const auto craft = [](const ClusterFiling& f) { return operating(f) && isCraftVillage(f); };
    const auto specialised = [](const ClusterFiling& f)
    { return operating(f) && f.facts.specialised.value_or(false); };
    const auto approvedBy = [&](const std::optional<Date>& day)
    { return day && *day <= period.lastDay(); };
    const auto plan = [&](const ClusterFiling& f)
    { return approvedBy(f.facts.detailedPlanApproved); };
    const auto project = [&](const ClusterFiling& f)
    { return approvedBy(f.facts.infraProjectApproved); };
    int noPlanDate = 0, noProjectDate = 0, noSpecialised = 0;
    for (const auto& f : filings)
    {
        noPlanDate += f.facts.detailedPlanApproved ? 0 : 1;
        noProjectDate += f.facts.infraProjectApproved ? 0 : 1;
        noSpecialised += f.facts.specialised ? 0 : 1;
    }
    const auto unknownOf = [](int n, const std::string& what)
    { return n == 0 ? std::string() : "; " + std::to_string(n) + " cụm chưa có " + what; };
    const char* registry = "Theo danh mục cụm công nghiệp của hệ thống";
    const char* fromFilings = "Tổng các Biểu 02 đã được chấp nhận";
    SummaryFigures out;
    auto& rows = out.rows;
    rows.push_back({{"I", std::nullopt, ""}, {}});
    rows.push_back(s.count("1", all, "Phương án phát triển chưa được nhập: số cụm trong danh mục"));
    rows.push_back(
        s.sum("2", all, area, "Phương án phát triển chưa được nhập: diện tích trong danh mục"));
    rows.push_back({{"II", std::nullopt, ""}, {}});
    rows.push_back(s.count("3", established, registry));
    rows.push_back(s.sum("4", established, area, registry));
    rows.push_back(s.count("5", inPeriod,
                           "Quyết định thành lập trong kỳ " + period.firstDay().vietnamese() + "–" +
                               period.lastDay().vietnamese()));
    rows.push_back(s.sum("6", inPeriod, area, "Quyết định thành lập trong kỳ"));
    rows.push_back(s.count("7", enterprise, "Chủ đầu tư là công ty"));
    rows.push_back(s.sum("8", enterprise, area, "Chủ đầu tư là công ty"));
    const auto knownOrNot = [&](SummaryRow row, int unknownCount)
    {
        if (unknownCount == static_cast<int>(filings.size()) && unknownCount > 0)
            row.value.value.reset(); // nobody's date is known: unknown, not zero
        return row;
    };
    const auto planNote = "Hồ sơ cụm: ngày phê duyệt quy hoạch chi tiết" +
                          unknownOf(noPlanDate, "ngày phê duyệt quy hoạch chi tiết");
    const auto projectNote = "Hồ sơ cụm: ngày phê duyệt dự án đầu tư hạ tầng" +
                             unknownOf(noProjectDate, "ngày phê duyệt dự án");
    rows.push_back(knownOrNot(s.count("9", plan, planNote), noPlanDate));
    rows.push_back(knownOrNot(s.sum("10", plan, area, planNote), noPlanDate));
    rows.push_back(knownOrNot(s.count("11", project, projectNote), noProjectDate));
    rows.push_back(knownOrNot(s.sum("12", project, area, projectNote), noProjectDate));
    rows.push_back(s.sum(
        "13", all,
        [](const ClusterFiling& f) -> std::optional<long long> {
            return filed(f, "1") ? filed(f, "1")
                                 : std::optional<long long>(f.cluster.plannedInvestment);
        },
        "Biểu 02 đã chấp nhận, hoặc hồ sơ đăng ký"));
    rows.push_back(s.sum(
        "14", all, [](const ClusterFiling& f) { return filed(f, "2"); }, fromFilings));
    rows.push_back({{"III", std::nullopt, ""}, {}});
    rows.push_back(s.count("15", operating, "Cụm có dự án đầu tư theo Biểu 02 (15.1+15.2)"));
    rows.push_back(s.count("15.1", operating, "Mọi cụm trong danh mục đã được thành lập"));
    rows.push_back({{"15.2", 0, "Danh mục chỉ gồm cụm đã thành lập"}, {}});
    rows.push_back(s.count("15.3", craft, "Hồ sơ cụm, hoặc tên cụm có \"làng nghề\""));
    const auto specialisedNote = "Cụm có ≥ 60 % đất công nghiệp cho cùng ngành nghề" +
                                 unknownOf(noSpecialised, "thông tin cụm chuyên ngành");
    rows.push_back(knownOrNot(s.count("15.4", specialised, specialisedNote), noSpecialised));
    rows.push_back(s.sum("16", operating, area, "16.1+16.2"));
    rows.push_back(s.sum("16.1", operating, area, ""));
    rows.push_back({{"16.2", 0, "Danh mục chỉ gồm cụm đã thành lập"}, {}});
    rows.push_back(s.sum("16.3", craft, area, ""));
    rows.push_back(knownOrNot(s.sum("16.4", specialised, area, specialisedNote), noSpecialised));
    rows.push_back(s.sum(
        "17", operating,
        [](const ClusterFiling& f) -> std::optional<long long> { return f.cluster.industrialArea; },
        "Đất công nghiệp theo quy hoạch chi tiết"));
    rows.push_back(s.sum(
        "18", all, [](const ClusterFiling& f) { return filed(f, "4"); }, fromFilings));
    // 19: the mean of the operating clusters' occupancy, in hundredths of a per cent.
    auto mean = s.sum(
        "19", operating, [](const ClusterFiling& f) { return filed(f, "5"); },
        "Bình quân tỷ lệ lấp đầy (Biểu 02) của các cụm đã hoạt động");
    if (!mean.clusters.empty())
        *mean.value.value /= static_cast<long long>(mean.clusters.size());
    else
        mean.value.value.reset();
    rows.push_back(mean);
    rows.push_back(s.sum(
        "20", all, [](const ClusterFiling& f) { return filed(f, "6"); }, fromFilings));
    rows.push_back(s.sum(
        "21", all, [](const ClusterFiling& f) { return filed(f, "7"); }, fromFilings));
    rows.push_back(s.sum(
        "22", all, [](const ClusterFiling& f) { return filed(f, "8"); }, fromFilings));
    int tenants = 0, filed01 = 0;
    for (const auto& f : filings)
        tenants += f.tenants, filed01 += static_cast<int>(f.accepted01.size());
    const std::string of01 = "Tổng " + std::to_string(filed01) + " Biểu 01 đã chấp nhận, trên " +
                             std::to_string(tenants) + " nhà đầu tư thứ cấp";
    for (const auto& [no, from] : {std::pair{"23", "1"}, {"24", "2"}, {"25", "3"}})
    {
        SummaryRow row{{no, std::nullopt, of01}, {}};
        for (const auto& f : filings)
            for (const auto* tenantForm : f.accepted01)
                if (const auto* v = tenantForm->value(from); v && v->value)
                {
                    row.value.value = row.value.value.value_or(0) + *v->value;
                    if (row.clusters.empty() || row.clusters.back() != f.cluster.code)
                        row.clusters.push_back(f.cluster.code);
                }
        rows.push_back(row);
    }
    rows.push_back(s.count(
        "26", [](const ClusterFiling& f) { return filed(f, "13") == 1LL; }, fromFilings));
    rows.push_back(s.count(
        "27", [](const ClusterFiling& f) { return filed(f, "14") == 1LL; }, fromFilings));
    for (const auto& f : filings)
    {
        out.clusters.push_back(f.cluster.code);
        if (!f.accepted02)
            out.missing.push_back("Biểu 02 của " + f.cluster.nameVi + " (" + f.cluster.code +
                                  ") chưa được chấp nhận");
    }
    return out;
}

} // namespace tracker
