#include "net/operations/known_scopes.h"

#include "persistence/cluster_repository.h"

namespace tracker::net
{

KnownScopes::KnownScopes(persistence::Database& database, const AdminUnits& units) : _units(units)
{
    for (const auto& s : persistence::ClusterRepository(database).listSummaries(Date{}))
    {
        _districts.insert(s.cluster.district), _clusters.insert(s.cluster.code);
        for (const auto& unit : s.cluster.units)
            _communes.insert(unit.code);
    }
}

bool KnownScopes::contains(const DigestScope& scope) const
{
    if (scope.kind == "district")
        return hasDistrict(scope.value);
    if (scope.kind == "cluster")
        return hasCluster(scope.value);
    if (scope.kind == "commune")
        return _communes.count(scope.value) > 0;
    return scope.kind == "all";
}

FieldErrors KnownScopes::unknownIn(const Account& account) const
{
    FieldErrors errors;
    for (const auto& district : account.districts)
        if (!hasDistrict(district))
            errors.push_back({"districts", "Không có cụm nào ở huyện cũ “" + district + "”.",
                              "No cluster is in the district “" + district + "”."});
    for (const auto& commune : account.communes)
        if (!_units.byCode(commune))
            errors.push_back({"communes", "Không có xã, phường mã “" + commune + "”.",
                              "No commune or ward has the code “" + commune + "”."});
    for (const auto& cluster : account.clusters)
        if (!hasCluster(cluster))
            errors.push_back({"clusters", "Không có cụm mã “" + cluster + "”.",
                              "No cluster has the code “" + cluster + "”."});
    return errors;
}

} // namespace tracker::net
