#include "tracker/baseline.h"

#include "tracker/date.h"

#include <algorithm>

namespace tracker
{

std::vector<WorkItem> asPlannedIn(const std::vector<WorkItem>& items,
                                  const std::vector<WorkItem>& plan)
{
    std::vector<WorkItem> planned;
    for (const auto& item : items)
    {
        const auto then = std::find_if(plan.begin(), plan.end(),
                                       [&](const WorkItem& p) { return p.id == item.id; });
        if (then == plan.end())
            continue;
        WorkItem asThen = item;
        asThen.plannedStart = then->plannedStart;
        asThen.plannedFinish = then->plannedFinish;
        asThen.budget = then->budget;
        planned.push_back(asThen);
    }
    return planned;
}

std::string basisName(const PlanBasis& basis, bool vietnamese)
{
    if (!basis.rebaselined())
        return vietnamese ? "kế hoạch gốc" : "the original plan";
    const auto day = Date::parseIso(basis.approvedAt.substr(0, 10));
    const std::string number = std::to_string(basis.number);
    if (vietnamese)
        return "kế hoạch số " + number +
               (day ? " (điều chỉnh ngày " + day->vietnamese() + ")" : std::string());
    return "baseline " + number + (day ? " (approved " + day->iso() + ")" : std::string());
}

} // namespace tracker
