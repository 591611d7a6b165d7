#include "tracker/plausibility.h"

#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>

namespace tracker
{
namespace
{
// Disbursement above this share of the plan is questioned: a typo of a few zeros is the
// usual cause (999,999,999,999 VND on a plan of 2.8 bn).
constexpr double kMostOfPlan = 1.2;

std::string itemField(std::size_t index)
{
    return "items[" + std::to_string(index) + "].percent";
}

std::string money(Vnd amount)
{
    std::string digits = std::to_string(amount), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += '.';
        grouped += digits[i];
    }
    return grouped;
}

std::optional<int> percentOf(const ProgressReport& report, std::int64_t item)
{
    for (const auto& line : report.lines)
        if (line.workItemId == item)
            return line.percent;
    return std::nullopt;
}

// The nearest report on record before `date` (by date, then id) that names `item`, or any
// report when item is 0.
const ProgressReport* nearestBefore(const std::vector<ProgressReport>& onRecord, const Date& date,
                                    std::int64_t item)
{
    const ProgressReport* best = nullptr;
    for (const auto& r : onRecord)
        if (r.date < date && (item == 0 || percentOf(r, item)) &&
            (!best || best->date < r.date || (best->date == r.date && best->id < r.id)))
            best = &r;
    return best;
}

// The later report (after `date`) that says least of `item` (of the disbursement when item is
// 0): progress and spending only grow, so any later report below a new one contradicts it.
const ProgressReport* lowestAfter(const std::vector<ProgressReport>& onRecord, const Date& date,
                                  std::int64_t item)
{
    const ProgressReport* lowest = nullptr;
    const auto value = [item](const ProgressReport& r)
    { return item == 0 ? r.disbursedToDate : static_cast<Vnd>(*percentOf(r, item)); };
    for (const auto& r : onRecord)
        if (date < r.date && (item == 0 || percentOf(r, item)) &&
            (!lowest || value(r) < value(*lowest)))
            lowest = &r;
    return lowest;
}

const ProgressReport* nearestAfter(const std::vector<ProgressReport>& onRecord, const Date& date,
                                   std::int64_t item)
{
    const ProgressReport* best = nullptr;
    for (const auto& r : onRecord)
        if (date < r.date && (item == 0 || percentOf(r, item)) && (!best || r.date < best->date))
            best = &r;
    return best;
}

void progressAgainstRecord(const ProgressReport& report,
                           const std::vector<ProgressReport>& onRecord, std::vector<Doubt>& doubts)
{
    for (std::size_t i = 0; i < report.lines.size(); ++i)
    {
        const auto& line = report.lines[i];
        const std::string now = std::to_string(line.percent) + " %";
        if (const auto* before = nearestBefore(onRecord, report.date, line.workItemId))
            if (const int earlier = *percentOf(*before, line.workItemId); earlier > line.percent)
                doubts.push_back({itemField(i), "progress_decrease",
                                  "Tiến độ hạng mục giảm từ " + std::to_string(earlier) +
                                      " % (báo cáo ngày " + before->date.vietnamese() + ") xuống " +
                                      now + ".",
                                  "The item's progress falls from " + std::to_string(earlier) +
                                      " % (report of " + before->date.iso() + ") to " + now + "."});
        if (const auto* after = lowestAfter(onRecord, report.date, line.workItemId))
            if (const int later = *percentOf(*after, line.workItemId); later < line.percent)
                doubts.push_back(
                    {itemField(i), "contradicts_later",
                     "Báo cáo sau đó, ngày " + after->date.vietnamese() + ", ghi hạng mục này " +
                         std::to_string(later) + " %, thấp hơn " + now + " ở đây.",
                     "A later report, of " + after->date.iso() + ", puts this item at " +
                         std::to_string(later) + " %, below the " + now + " here."});
    }
}

void disbursedAgainstRecord(const ProgressReport& report,
                            const std::vector<ProgressReport>& onRecord, std::vector<Doubt>& doubts)
{
    const std::string now = money(report.disbursedToDate) + " đồng";
    if (const auto* before = nearestBefore(onRecord, report.date, 0);
        before && before->disbursedToDate > report.disbursedToDate)
        doubts.push_back(
            {"disbursed_vnd", "disbursed_decrease",
             "Giải ngân lũy kế giảm từ " + money(before->disbursedToDate) + " đồng (báo cáo ngày " +
                 before->date.vietnamese() + ") xuống " + now + ".",
             "Cumulative disbursement falls from " + std::to_string(before->disbursedToDate) +
                 " VND (report of " + before->date.iso() + ") to " +
                 std::to_string(report.disbursedToDate) + " VND."});
    if (const auto* after = lowestAfter(onRecord, report.date, 0);
        after && after->disbursedToDate < report.disbursedToDate)
        doubts.push_back({"disbursed_vnd", "contradicts_later",
                          "Báo cáo sau đó, ngày " + after->date.vietnamese() +
                              ", ghi giải ngân lũy kế " + money(after->disbursedToDate) +
                              " đồng, thấp hơn " + now + " ở đây.",
                          "A later report, of " + after->date.iso() + ", puts disbursement at " +
                              std::to_string(after->disbursedToDate) + " VND, below the " +
                              std::to_string(report.disbursedToDate) + " VND here."});
}

// "2020", "2020-06" or "2020-06-15": the first day it can mean.
std::optional<Date> earliestDay(const std::string& partial)
{
    if (partial.size() < 4)
        return std::nullopt;
    std::string iso = partial;
    if (iso.size() == 4)
        iso += "-01-01";
    else if (iso.size() == 7)
        iso += "-01";
    return Date::parseIso(iso);
}
} // namespace

std::vector<Doubt> reportDoubts(const ProgressReport& report, const Cluster& cluster,
                                const std::vector<WorkItem>& items,
                                const std::vector<ProgressReport>& onRecord)
{
    std::vector<Doubt> doubts;
    progressAgainstRecord(report, onRecord, doubts);
    disbursedAgainstRecord(report, onRecord, doubts);
    const Vnd budgets = std::accumulate(items.begin(), items.end(), Vnd{0},
                                        [](Vnd sum, const WorkItem& w) { return sum + w.budget; });
    const Vnd plan = budgets > 0 ? budgets : cluster.plannedInvestment.value_or(0);
    if (plan > 0 &&
        static_cast<double>(report.disbursedToDate) > kMostOfPlan * static_cast<double>(plan))
        doubts.push_back({"disbursed_vnd", "disbursed_above_plan",
                          "Giải ngân " + money(report.disbursedToDate) + " đồng vượt xa kế hoạch " +
                              money(plan) + " đồng (hơn 120 %): kiểm tra số chữ số 0.",
                          "Disbursed " + std::to_string(report.disbursedToDate) +
                              " VND is far above the plan of " + std::to_string(plan) +
                              " VND (over 120 %): check the number of zeros."});
    if (const auto founded = earliestDay(cluster.decisionDate); founded && report.date < *founded)
        doubts.push_back(
            {"date", "before_cluster",
             "Ngày báo cáo trước ngày quyết định thành lập cụm (" + cluster.decisionDate + ").",
             "The report is dated before the cluster's establishing decision (" +
                 cluster.decisionDate + ")."});
    return doubts;
}

std::string olderReportNotice(const ProgressReport& report,
                              const std::vector<ProgressReport>& onRecord, bool vietnamese)
{
    const auto* after = nearestAfter(onRecord, report.date, 0);
    if (!after)
        return {};
    Date newest = after->date;
    for (const auto& r : onRecord)
        newest = std::max(newest, r.date);
    return vietnamese ? "Báo cáo này cũ hơn báo cáo gần nhất (ngày " + newest.vietnamese() +
                            "): số liệu hiện tại vẫn theo báo cáo đó; báo cáo này được xếp vào "
                            "lịch sử theo ngày của nó."
                      : "This report is older than the latest (of " + newest.iso() +
                            "): the current figures stay as that one says; this one takes its "
                            "place in the history by its date.";
}

SquareMetres leasedByOthers(const Tenant& tenant, const std::vector<Tenant>& clusterTenants)
{
    SquareMetres leased = 0;
    for (const auto& other : clusterTenants)
        if (other.id != tenant.id && other.status != TenantStatus::Left)
            leased += other.leasedArea;
    return leased;
}

std::vector<Doubt> tenantDoubts(const Tenant& tenant, const Cluster& cluster,
                                const std::vector<Tenant>& clusterTenants,
                                const std::vector<Tenant>& sameTaxCode)
{
    return tenantDoubts(tenant, cluster, leasedByOthers(tenant, clusterTenants), sameTaxCode);
}

std::vector<Doubt> tenantDoubts(const Tenant& tenant, const Cluster& cluster,
                                SquareMetres leasedByOthers, const std::vector<Tenant>& sameTaxCode)
{
    std::vector<Doubt> doubts;
    const auto land = cluster.industrialArea ? cluster.industrialArea : cluster.totalArea;
    if (land && tenant.status != TenantStatus::Left)
    {
        const SquareMetres leased = tenant.leasedArea + leasedByOthers;
        if (leased > *land)
            doubts.push_back({"leased_area_m2", "lease_above_land",
                              "Tổng diện tích thuê (" + money(leased) + " m²) vượt quá diện tích " +
                                  (cluster.industrialArea ? "đất công nghiệp" : "của cụm") + " (" +
                                  money(*land) + " m²).",
                              "The leases add up to " + std::to_string(leased) +
                                  " m², more than the " +
                                  (cluster.industrialArea ? "industrial land" : "cluster's area") +
                                  " (" + std::to_string(*land) + " m²)."});
    }
    const auto sameName = [](std::string a, std::string b)
    {
        const auto fold = [](std::string s)
        {
            std::transform(s.begin(), s.end(), s.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return s;
        };
        return fold(std::move(a)) == fold(std::move(b));
    };
    for (const auto& other : sameTaxCode)
        if (other.id != tenant.id && other.taxCode == tenant.taxCode &&
            !sameName(other.companyName, tenant.companyName))
        {
            doubts.push_back(
                {"tax_code", "duplicate_tax_code",
                 "Mã số thuế " + tenant.taxCode + " đã thuộc về “" + other.companyName + "”.",
                 "The tax code " + tenant.taxCode + " already belongs to “" + other.companyName +
                     "”."});
            break;
        }
    return doubts;
}

Confirmation confirmationOf(const std::string& confirm, const std::string& reason)
{
    std::string box = confirm;
    std::transform(box.begin(), box.end(), box.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return {box == "1" || box == "true" || box == "on" || box == "yes", trimmedCopy(reason)};
}

FieldErrors unconfirmedDoubts(const std::vector<Doubt>& doubts, const Confirmation& confirmation)
{
    const auto& reason = confirmation.reason;
    const bool reasonUsable = !reason.empty() && reason.size() <= 1000 && isValidUtf8(reason) &&
                              !hasControlCharacters(reason);
    if (doubts.empty() || (confirmation.confirmed && reasonUsable))
        return {};
    FieldErrors errors;
    for (const auto& doubt : doubts)
        errors.push_back({doubt.field, doubt.vi, doubt.en});
    errors.push_back({"confirm_reason",
                      "Sửa các số trên, hoặc đánh dấu “Xác nhận” và ghi lý do (tối đa 1000 ký "
                      "tự): lý do được lưu và hiển thị cùng số liệu.",
                      "Correct the figures above, or tick “Confirm” and give the reason (at "
                      "most 1000 characters): it is stored and shown with the figures."});
    return errors;
}

Confirmation confirmedBefore(const std::vector<Doubt>& doubts, const std::string& stored)
{
    const auto colon = stored.find(": ");
    if (colon == std::string::npos)
        return {};
    const std::string codes = ", " + stored.substr(0, colon) + ",";
    for (const auto& doubt : doubts)
        if (codes.find(", " + doubt.code + ",") == std::string::npos)
            return {};
    return {true, stored.substr(colon + 2)};
}

std::string confirmedDoubtText(const std::vector<Doubt>& doubts, const Confirmation& confirmation)
{
    if (doubts.empty())
        return {};
    std::string codes;
    for (const auto& doubt : doubts)
        if (codes.find(doubt.code) == std::string::npos)
            codes += (codes.empty() ? "" : ", ") + doubt.code;
    return codes + ": " + confirmation.reason;
}

} // namespace tracker
