#pragma once

#include "net/views/land_views.h"
#include "net/views/locale.h"

#include <string>

namespace Poco::Net
{
class NameValueCollection;
}

namespace tracker::net
{

// A search of /land as it is saved for alerts and feeds: only the parameters /land reads,
// in a fixed order, each as given ("commune=10369&min_ha=2&ready=now"), so that one search
// is one subscription however its link was written. Throws BadParameter like /land.
std::string canonicalLandSearch(const Poco::Net::NameValueCollection& form, const Date& today);
// The same text read back as a form.
Poco::Net::NameValueCollection landSearchForm(const std::string& canonical);
// What the search asks, for a reader: "≥ 2 ha · xã Kiều Phú · sẵn sàng ngay".
std::string describeLandSearch(const std::string& canonical, Language language);

} // namespace tracker::net
