#include "net/pages/pages.h"
#include "net/views/labels.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

std::string notFoundPage(PageRequest& page)
{
    page.status = Poco::Net::HTTPResponse::HTTP_NOT_FOUND;
    return page.render("not_found", kainjow::mustache::data{},
                       label(page.language, "not_found_title"));
}

} // namespace tracker::net
