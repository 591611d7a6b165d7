#include "net/operations/known_scopes.h"

#include "persistence/cluster_repository.h"

namespace tracker::net
{

KnownScopes::KnownScopes(persistence::Database& database)
{
    for (const auto& s : persistence::ClusterRepository(database).listSummaries(Date{}))
        _districts.insert(s.cluster.district), _clusters.insert(s.cluster.code);
}

bool KnownScopes::contains(const DigestScope& scope) const
{
    if (scope.kind == "district")
        return hasDistrict(scope.value);
    if (scope.kind == "cluster")
        return hasCluster(scope.value);
    return scope.kind == "all";
}

FieldErrors KnownScopes::unknownIn(const Account& account) const
{
    FieldErrors errors;
    for (const auto& district : account.districts)
        if (!hasDistrict(district))
            errors.push_back({"districts", "Không có cụm nào ở quận/huyện “" + district + "”.",
                              "No cluster is in the district “" + district + "”."});
    for (const auto& cluster : account.clusters)
        if (!hasCluster(cluster))
            errors.push_back({"clusters", "Không có cụm mã “" + cluster + "”.",
                              "No cluster has the code “" + cluster + "”."});
    return errors;
}

} // namespace tracker::net
