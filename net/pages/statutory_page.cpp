#include "net/operations/statutory_operations.h"
#include "net/pages/pages.h"
#include "net/views/statutory_views.h"

namespace tracker::net
{

// An accepted Biểu 03 or 04, for anyone; anything else is not there (a firm's Biểu 01 or
// 02 is never public, and a summary not yet accepted may still change).
std::string statutoryPage(PageRequest& page)
{
    const auto& p = page.match.parameters;
    const auto target = resolveStatutoryTarget(page.site.database, page.site.units, p.at("form"),
                                               p.at("unit"), p.at("period"));
    if (!target)
        return notFoundPage(page);
    const auto view = openStatutory(page.site.database, Account{}, *target);
    if (!isPublicStatutory(view))
        return notFoundPage(page);
    const StatutoryPageInput input{view.report, view.summary ? &*view.summary : nullptr,
                                   target->unitName, false};
    auto data = statutoryPageView(input, page.language);
    const auto base =
        std::string(code(target->form)) + "/" + target->unitKey + "/" + target->period.code();
    data.set("json_href", "/api/v1/statutory-reports/" + base);
    data.set("xlsx_href", "/api/v1/statutory-reports/" + base + "?format=xlsx");
    data.set("print_href", "/statutory-reports/" + base);
    return page.render("statutory", data,
                       "Biểu số " + std::string(code(target->form)) + " — " + target->unitName);
}

} // namespace tracker::net
