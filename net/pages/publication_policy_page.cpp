#include "net/pages/pages.h"
#include "net/views/labels.h"

namespace tracker::net
{

// What is published, how, under which licence, with which identifiers: the page the
// OC4IDS package's publicationPolicy points at.
std::string publicationPolicyPage(PageRequest& page)
{
    return page.render("publication_policy", kainjow::mustache::data{},
                       label(page.language, "policy_title"));
}

} // namespace tracker::net
