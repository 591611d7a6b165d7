#pragma once

#include "tracker/model.h"

#include <Poco/JSON/Object.h>
#include <string>

namespace tracker::net
{

// What the write API answers with: the record as stored, in the fields a write sends.
Poco::JSON::Object reportJson(const ProgressReport& report, const std::string& clusterCode);
Poco::JSON::Object clusterJson(const Cluster& cluster);
Poco::JSON::Object tenantJson(const Tenant& tenant);

} // namespace tracker::net
