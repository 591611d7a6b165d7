#pragma once

#include "net/clock.h"
#include "net/router.h"
#include "persistence/cluster_repository.h"
#include "persistence/database.h"

namespace tracker::net
{

// The JSON API's first routes: health and the cluster registry.
void addApiRoutes(Router& router, persistence::Database& database, const Clock& clock);

} // namespace tracker::net
