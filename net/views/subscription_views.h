#pragma once

#include "net/views/locale.h"
#include "tracker/admin_units.h"
#include "tracker/subscription.h"

#include <string>

namespace tracker::net
{

// What a subscription follows, in words: "Xã Kiều Phú (10369)", "khu vực huyện Thạch Thất
// cũ" (a former district says it is one), "cụm huu-bang", "mọi cụm", or a saved search of
// /land ("đất công nghiệp ≥ 2 ha · sẵn sàng ngay").
std::string scopeLabel(const Subscription& s, const AdminUnits& units, Language language);

} // namespace tracker::net
