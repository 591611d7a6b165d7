#include "net/http/bounded_body.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>
#include <algorithm>

namespace tracker::net
{

BoundedBody::BoundedBody(Poco::Net::HTTPServerRequest& request, std::size_t limit,
                         Poco::Net::HTTPServerResponse* response)
    : std::istream(nullptr), _buffer(request.stream(), limit), _limit(limit)
{
    rdbuf(&_buffer);
    const auto declared = request.getContentLength();
    if (declared != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH &&
        static_cast<std::size_t>(declared) > limit)
        throw BodyTooLarge(limit);
    if (response && request.getExpectContinue())
        response->sendContinue();
}

void BoundedBody::check() const
{
    if (exceeded())
        throw BodyTooLarge(_limit);
}

BoundedBody::Buffer::int_type BoundedBody::Buffer::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    // One byte more than is left: a body of exactly `limit` bytes is fine, one more is not.
    const auto wanted = static_cast<std::streamsize>(std::min(sizeof chunk, left + 1));
    source.read(chunk, wanted);
    const auto got = static_cast<std::size_t>(source.gcount());
    if (got == 0)
        return traits_type::eof();
    if (got > left)
    {
        exceeded = true;
        left = 0;
        return traits_type::eof();
    }
    left -= got;
    setg(chunk, chunk, chunk + got);
    return traits_type::to_int_type(*gptr());
}

void loadBoundedForm(Poco::Net::HTMLForm& form, Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response, std::size_t limit,
                     Poco::Net::PartHandler* files)
{
    BoundedBody body(request, limit, &response);
    try
    {
        if (files)
            form.load(request, body, *files);
        else
            form.load(request, body);
    }
    catch (const Poco::SyntaxException&)
    {
        body.check();
        // "%zz" in a field: the form's fault, not the server's
        throw Poco::Net::HTMLFormException("malformed percent-encoding in the form");
    }
    catch (const Poco::Exception&)
    {
        body.check();
        throw;
    }
    body.check();
}

void loadQuery(Poco::Net::HTMLForm& form, const Poco::Net::HTTPServerRequest& request)
{
    constexpr std::size_t kMostFields = 100; // HTMLForm's own default limit
    try
    {
        const auto parameters = Poco::URI(request.getURI()).getQueryParameters();
        if (parameters.size() > kMostFields)
            throw Poco::Net::HTMLFormException("too many fields in the query string");
        form.clear();
        for (const auto& [name, value] : parameters)
            form.add(name, value);
    }
    catch (const Poco::SyntaxException&)
    {
        throw Poco::Net::HTMLFormException("malformed percent-encoding in the query string");
    }
}

} // namespace tracker::net
