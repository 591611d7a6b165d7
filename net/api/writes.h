#pragma once

#include "net/http/router.h"
#include "net/operations/edit_operations.h"

#include <Poco/JSON/Object.h>

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace tracker::net
{

// The write API, one handler per resource and verb; each runs inside writeRoute()
// (net/api/write_route.h), which has already identified the caller and read the body.
using WriteBody = Poco::JSON::Object::Ptr;

// POST /api/v1/clusters/{code}/reports
// net/api/statutory_api.cpp: save, submit, accept or return a statutory form
void postStatutory(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                   Poco::Net::HTTPServerResponse& response);
void postReport(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                Poco::Net::HTTPServerResponse& response);
// PATCH /api/v1/clusters/{code}
void patchCluster(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                  Poco::Net::HTTPServerResponse& response);
// POST /api/v1/clusters/{code}/tenants
void postTenant(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                Poco::Net::HTTPServerResponse& response);
// PATCH /api/v1/tenants/{id}
void patchTenant(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                 Poco::Net::HTTPServerResponse& response);
// POST /api/v1/clusters/{code}/baselines
void postBaseline(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                  Poco::Net::HTTPServerResponse& response);
// POST /api/v1/delays/{id}/acknowledge
void postDelayAcknowledgement(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                              Poco::Net::HTTPServerResponse& response);
// net/api/token_api.cpp: the caller's own API tokens
// POST /api/v1/tokens: a new one, its secret in this answer only
void postToken(const Editor& editor, const WriteBody& body, const RouteMatch& match,
               Poco::Net::HTTPServerResponse& response);
// DELETE /api/v1/tokens/{id}: revoked at once
void deleteToken(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                 Poco::Net::HTTPServerResponse& response);

} // namespace tracker::net
