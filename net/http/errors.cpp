#include "net/http/errors.h"

#include "net/http/bounded_body.h"
#include "net/http/responses.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

struct FailureText
{
    const char* code;
    const char* message;
};

FailureText textOf(Failure failure)
{
    switch (failure)
    {
    case Failure::BadRequest:
        return {"bad_request", "Yêu cầu không hợp lệ. The request is malformed."};
    case Failure::BadForm:
        return {"bad_form",
                "Biểu mẫu không hợp lệ hoặc quá lớn. The form is malformed or too large."};
    case Failure::TooLarge:
        return {"too_large", "Nội dung gửi lên quá lớn. The body is larger than this route takes."};
    case Failure::NotFound:
        return {"not_found", "Không tìm thấy trang. No such page."};
    case Failure::MethodNotAllowed:
        return {"method_not_allowed", "Phương thức không được hỗ trợ. Method not allowed."};
    case Failure::Unavailable:
        return {"database_unavailable", "Cơ sở dữ liệu tạm thời không truy cập được. The database "
                                        "is unavailable; try again shortly."};
    case Failure::Busy:
        return {"busy",
                "Máy chủ đang bận; vui lòng thử lại. The server is busy; try again shortly."};
    case Failure::Internal:
        break;
    }
    return {"internal_error", "Lỗi máy chủ. An internal error occurred."};
}
} // namespace

HTTPResponse::HTTPStatus statusOf(Failure failure)
{
    switch (failure)
    {
    case Failure::BadRequest:
    case Failure::BadForm:
        return HTTPResponse::HTTP_BAD_REQUEST;
    case Failure::TooLarge:
        return HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE;
    case Failure::NotFound:
        return HTTPResponse::HTTP_NOT_FOUND;
    case Failure::MethodNotAllowed:
        return HTTPResponse::HTTP_METHOD_NOT_ALLOWED;
    case Failure::Unavailable:
    case Failure::Busy:
        return HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
    case Failure::Internal:
        break;
    }
    return HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
}

Failure ErrorAnswers::classify(const std::exception& error) const
{
    if (dynamic_cast<const BodyTooLarge*>(&error))
        return Failure::TooLarge;
    if (dynamic_cast<const Poco::Net::HTMLFormException*>(&error))
        return Failure::BadForm;
    if (dynamic_cast<const Poco::Net::MessageException*>(&error))
        return Failure::BadRequest;
    return Failure::Internal;
}

void ErrorAnswers::answer(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response,
                          Failure failure, const std::string& allowed) const
{
    if (!allowed.empty())
        response.set("Allow", allowed);
    sendJsonFailure(response, failure);
}

void ErrorAnswers::answerBadParameter(Poco::Net::HTTPServerRequest&,
                                      Poco::Net::HTTPServerResponse& response,
                                      const BadParameter& bad) const
{
    auto body = errorBody(HTTPResponse::HTTP_BAD_REQUEST, "bad_parameter",
                          "Giá trị không hợp lệ của tham số '" + bad.parameter +
                              "'. Bad value of the parameter '" + bad.parameter + "': it takes " +
                              bad.allowed + ".");
    body.set("parameter", bad.parameter);
    body.set("allowed", bad.allowed);
    sendJson(response, HTTPResponse::HTTP_BAD_REQUEST, body);
}

void sendJsonFailure(Poco::Net::HTTPServerResponse& response, Failure failure)
{
    if (failure == Failure::Unavailable || failure == Failure::Busy)
        response.set("Retry-After", "5");
    const auto text = textOf(failure);
    sendJsonError(response, statusOf(failure), text.code, text.message);
}

} // namespace tracker::net
