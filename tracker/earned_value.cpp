#include "tracker/earned_value.h"

#include "tracker/schedule.h"

#include <cmath>

namespace tracker
{
namespace
{
constexpr int kMinimumReports = 3;
constexpr long kMinimumSpanDays = 30;
constexpr double kDone = 100.0;
constexpr double kDoneTolerance = 1e-9;
} // namespace

EarnedValue earnedValue(const std::vector<WorkItem>& items, const Date& asOf,
                        std::optional<Vnd> disbursed)
{
    long double planned = 0;
    long double earned = 0;
    for (const auto& item : items)
    {
        planned += static_cast<long double>(item.budget) * plannedPercentAt(item, asOf) / 100;
        earned += static_cast<long double>(item.budget) * item.percentDone / 100;
    }
    EarnedValue value;
    value.planned = static_cast<Vnd>(std::llround(static_cast<double>(planned)));
    value.earned = static_cast<Vnd>(std::llround(static_cast<double>(earned)));
    value.actual = disbursed;
    if (value.planned > 0)
        value.spi = static_cast<double>(earned / planned);
    if (disbursed && *disbursed > 0)
        value.cpi = static_cast<double>(earned / static_cast<long double>(*disbursed));
    return value;
}

std::optional<Date> forecastFinish(const std::vector<CurvePoint>& reportedProgress, int lastReports)
{
    for (const auto& point : reportedProgress)
    {
        if (point.value >= kDone - kDoneTolerance)
            return point.date;
    }
    if (static_cast<int>(reportedProgress.size()) < kMinimumReports)
        return std::nullopt;
    const std::size_t first =
        reportedProgress.size() -
        std::min<std::size_t>(reportedProgress.size(), static_cast<std::size_t>(lastReports));
    const Date origin = reportedProgress[first].date;
    if (origin.daysUntil(reportedProgress.back().date) < kMinimumSpanDays)
        return std::nullopt;
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = first; i < reportedProgress.size(); ++i)
    {
        const double x = static_cast<double>(origin.daysUntil(reportedProgress[i].date));
        const double y = reportedProgress[i].value;
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    if (denominator <= 0)
        return std::nullopt;
    const double slope = (n * sxy - sx * sy) / denominator; // percent per day
    if (slope <= 0)
        return std::nullopt;
    const double intercept = (sy - slope * sx) / n;
    const double day = std::ceil((kDone - intercept) / slope);
    constexpr double kFarFuture = 365.0 * 100; // a pace that slow is no forecast
    if (day > kFarFuture)
        return std::nullopt;
    return origin.plusDays(static_cast<long>(day));
}

} // namespace tracker
