#include "net/api/write_route.h"

#include "net/access/auth.h"
#include "net/http/bounded_body.h"
#include "net/http/responses.h"
#include "tracker/text_checks.h"

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <sstream>

namespace tracker::net
{
Poco::JSON::Array fieldErrorsJson(const FieldErrors& errors)
{
    Poco::JSON::Array list;
    for (const auto& error : errors)
    {
        Poco::JSON::Object item;
        item.set("field", error.field);
        item.set("message", error.en);
        item.set("message_vi", error.vi);
        list.add(item);
    }
    return list;
}

namespace
{
using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::size_t kMaxBody = 1 << 20;
constexpr std::size_t kMaxKeyLength = 100;

bool isKeyCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '-';
}

// The client's Idempotency-Key (a UUID, say), scoped to its account so that two accounts
// never share one, with a fingerprint of what it came with: the method, the path and the
// body as parsed (members in name order, so spacing does not matter).
std::optional<persistence::RequestKey> requestKeyOf(const HTTPServerRequest& request,
                                                    const Account& account, const Object::Ptr& body)
{
    // A copy: with a default, get() may return a reference to that temporary.
    const std::string key = request.get("Idempotency-Key", "");
    if (key.empty() && !request.has("Idempotency-Key"))
        return std::nullopt;
    if (key.empty() || key.size() > kMaxKeyLength ||
        !std::all_of(key.begin(), key.end(), isKeyCharacter))
        throw BadBody{HTTPResponse::HTTP_BAD_REQUEST,
                      "Idempotency-Key phải gồm 1–100 chữ cái không dấu, chữ số, '.', '_', ':' "
                      "hoặc '-'. Idempotency-Key must be 1–100 letters, digits, '.', '_', ':' "
                      "or '-'."};
    std::ostringstream request_text;
    request_text << request.getMethod() << ' ' << request.getURI() << '\n';
    body->stringify(request_text);
    Poco::SHA2Engine sha256;
    sha256.update(request_text.str());
    return persistence::RequestKey{std::to_string(account.id) + ":" + key,
                                   Poco::DigestEngine::digestToHex(sha256.digest())};
}

Object fieldErrorsBody(const FieldErrors& errors)
{
    auto body = errorBody(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "invalid",
                          "Dữ liệu không hợp lệ. The input is not valid.");
    body.set("fields", fieldErrorsJson(errors));
    return body;
}

// 401 or nothing: the caller behind the token or the session (with its CSRF header).
std::optional<Caller> apiCaller(SiteContext& ctx, HTTPServerRequest& request,
                                HTTPServerResponse& response)
{
    const Caller caller = identify(ctx, request);
    const bool sessionOk = !caller.viaToken && csrfMatches(caller, request.get("X-CSRF-Token", ""));
    if (caller.signedIn() && (caller.viaToken || sessionOk))
        return caller;
    response.set("WWW-Authenticate", "Bearer realm=\"tracker\"");
    sendJsonError(response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized",
                  "Cần đăng nhập hoặc mã truy cập hợp lệ. A valid API token is required.");
    return std::nullopt;
}
} // namespace

Object::Ptr readBody(HTTPServerRequest& request, HTTPServerResponse& response)
{
    std::string text;
    try
    {
        BoundedBody body(request, kMaxBody, &response);
        Poco::StreamCopier::copyToString(body, text, 8192);
        body.check();
    }
    catch (const BodyTooLarge&)
    {
        throw BadBody{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "Nội dung quá lớn. The body is larger than 1 MiB."};
    }
    try
    {
        Poco::JSON::Parser parser;
        auto parsed = parser.parse(text);
        if (parsed.type() == typeid(Object::Ptr))
            return parsed.extract<Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
    }
    throw BadBody{HTTPResponse::HTTP_BAD_REQUEST,
                  "Nội dung phải là một đối tượng JSON. The body must be a JSON object."};
}

std::string field(const Object::Ptr& object, const std::string& name)
{
    if (!object || !object->has(name) || object->isNull(name))
        return {};
    const auto value = object->get(name);
    if (value.isString() || value.isNumeric() || value.isBoolean())
        return value.convert<std::string>();
    return "\x01"; // an object or array where a scalar belongs: fails every check
}

std::string fieldOr(const Object::Ptr& object, const std::string& name, const std::string& now)
{
    return object->has(name) ? field(object, name) : now;
}

Array::Ptr arrayOf(const Object::Ptr& object, const std::string& name)
{
    if (!object->has(name))
        return nullptr;
    return object->getArray(name);
}

int versionOf(const Object::Ptr& body)
{
    return static_cast<int>(parseWholeNumberOrZero(field(body, "version")));
}

bool answerFailure(EditStatus status, const FieldErrors& errors, const FieldChanges& conflicts,
                   const Object& current, HTTPServerResponse& response)
{
    switch (status)

    {
    case EditStatus::Done:
        return true;
    case EditStatus::NotFound:
        sendJsonError(response, HTTPResponse::HTTP_NOT_FOUND, "not_found",
                      "Không tìm thấy. No such record.");
        return false;
    case EditStatus::Forbidden:
        sendJsonError(response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                      "Tài khoản này không được sửa bản ghi này. "
                      "This account may not change this record.");
        return false;
    case EditStatus::Invalid:
        sendJson(response, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, fieldErrorsBody(errors));
        return false;
    case EditStatus::Conflict:
    {
        auto body = errorBody(HTTPResponse::HTTP_CONFLICT, "conflict",
                              "Người khác đã lưu bản mới và cũng sửa các trường này; chưa có gì "
                              "được lưu. Someone saved a newer version and changed these fields "
                              "too; nothing was written. Send the values you want with the "
                              "current version.");
        body.set("current", current);
        Array changed;
        for (const auto& change : conflicts)
        {
            Object item;
            item.set("field", change.field);
            item.set("current", change.before);
            item.set("yours", change.after);
            changed.add(item);
        }
        body.set("changed", changed);
        sendJson(response, HTTPResponse::HTTP_CONFLICT, body);
        return false;
    }
    }
    return false;
}

void sendCreated(HTTPServerResponse& response, bool replayed, const Object& body)
{
    if (replayed)
        response.set("Idempotent-Replayed", "true");
    sendJson(response, replayed ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_CREATED, body);
}

RouteAction writeRoute(SiteContext& ctx, WriteAction action)
{
    return [&ctx, action](HTTPServerRequest& request, HTTPServerResponse& response,
                          const RouteMatch& match)
    {
        response.set("Cache-Control", "no-store");
        const auto caller = apiCaller(ctx, request, response);
        if (!caller)
            return;
        const auto& account = *caller->account;
        try
        {
            // A DELETE names its record in the path and needs no body.
            const bool bodiless = request.getMethod() == "DELETE" &&
                                  request.getContentLength64() <= 0 &&
                                  !request.getChunkedTransferEncoding();
            const auto body = bodiless ? Object::Ptr(new Object) : readBody(request, response);
            auto editor = editorFor(ctx, account, request);
            editor.requestKey = requestKeyOf(request, account, body);
            editor.viaToken = caller->viaToken;
            editor.tokenExpiresAt = caller->tokenExpiresAt;
            action(editor, body, match, response);
        }
        catch (const BadBody& bad)
        {
            sendJsonError(response, bad.status, "bad_request", bad.message);
        }
    };
}

} // namespace tracker::net
