#pragma once

#include "tracker/model.h"
#include "tracker/progress_curves.h"

#include <optional>
#include <vector>

namespace tracker
{

// Earned value of a cluster at a date, in VND, against its baseline work items:
// planned value PV (budget × planned share), earned value EV (budget × share done) and
// actual cost AC (disbursed to date). SPI = EV/PV and CPI = EV/AC, when defined.
struct EarnedValue
{
    Vnd planned = 0;
    Vnd earned = 0;
    std::optional<Vnd> actual;
    std::optional<double> spi;
    std::optional<double> cpi;
};

EarnedValue earnedValue(const std::vector<WorkItem>& items, const Date& asOf,
                        std::optional<Vnd> disbursed);

// When the cluster will reach 100 %, from the pace of its recent reports: a least-squares
// line through the last `lastReports` points of reported physical progress, extended to
// 100 %. None ("cannot forecast") with fewer than 3 reports, less than 30 days between the
// first and last of them, or no progress in that time. A cluster already at 100 % is
// forecast to finish on the first report that said so.
std::optional<Date> forecastFinish(const std::vector<CurvePoint>& reportedProgress,
                                   int lastReports = 6);

} // namespace tracker
