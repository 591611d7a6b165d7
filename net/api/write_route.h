#pragma once

#include "net/http/router.h"
#include "net/operations/edit_operations.h"
#include "net/site_context.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>
#include <functional>
#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// Thrown for a body that is not what the route takes; answered with 400 or 413.
struct BadBody
{
    Poco::Net::HTTPResponse::HTTPStatus status;
    std::string message;
};

// The JSON object a write sends, at most 1 MiB.
Poco::JSON::Object::Ptr readBody(Poco::Net::HTTPServerRequest& request,
                                 Poco::Net::HTTPServerResponse& response);
// A scalar member as the text a form would send; a missing or null member is "".
std::string field(const Poco::JSON::Object::Ptr& object, const std::string& name);
// [{"field", "message", "message_vi"}…]: field errors, or notices, as the API writes them.
Poco::JSON::Array fieldErrorsJson(const FieldErrors& errors);
// The member if present, otherwise what the record holds now: a PATCH changes only what
// it names.
std::string fieldOr(const Poco::JSON::Object::Ptr& object, const std::string& name,
                    const std::string& now);
Poco::JSON::Array::Ptr arrayOf(const Poco::JSON::Object::Ptr& object, const std::string& name);
int versionOf(const Poco::JSON::Object::Ptr& body);

// Answers every outcome but success; true when the caller should send the success.
bool answerFailure(EditStatus status, const FieldErrors& errors, const FieldChanges& conflicts,
                   const Poco::JSON::Object& current, Poco::Net::HTTPServerResponse& response);
template <typename Record>
bool answerFailure(const EditResult<Record>& result, Poco::Net::HTTPServerResponse& response,
                   const std::function<Poco::JSON::Object(const Record&)>& show)
{
    if (result.status == EditStatus::Done)
        return true;
    const auto current =
        result.status == EditStatus::Conflict ? show(result.record) : Poco::JSON::Object{};
    return answerFailure(result.status, result.errors, result.conflicts, current, response);
}

// A create's success: 201, or 200 with Idempotent-Replayed when its Idempotency-Key had
// been used by the same request before (nothing was written twice).
void sendCreated(Poco::Net::HTTPServerResponse& response, bool replayed,
                 const Poco::JSON::Object& body);

// A write route: authentication (token, or session with its CSRF header), the body, the
// operation, and its answer.
using WriteAction = std::function<void(const Editor&, const Poco::JSON::Object::Ptr&,
                                       const RouteMatch&, Poco::Net::HTTPServerResponse&)>;
RouteAction writeRoute(SiteContext& site, WriteAction action);

} // namespace tracker::net
