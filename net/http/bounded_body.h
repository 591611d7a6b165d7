#pragma once

#include <cstddef>
#include <istream>
#include <stdexcept>
#include <streambuf>

namespace Poco::Net
{
class HTMLForm;
class HTTPServerRequest;
class HTTPServerResponse;
class PartHandler;
} // namespace Poco::Net

namespace tracker::net
{

// A body longer than its route takes: answered 413, and the rest is never read.
class BodyTooLarge : public std::runtime_error
{
public:
    explicit BodyTooLarge(std::size_t limit)
        : std::runtime_error("the body is larger than " + std::to_string(limit) + " bytes"),
          _limit(limit)
    {
    }
    std::size_t limit() const { return _limit; }

private:
    std::size_t _limit;
};

// A request's body read through a byte counter, whatever its framing (Content-Length or
// chunked): past `limit` bytes it ends, as if the body had, and exceeded() says so. A
// declared Content-Length over the limit is refused before a byte is read. Every reader of
// a body goes through one of these; the Content-Length alone said nothing of a chunked
// upload, which was read whole into memory before anyone looked at who sent it.
class BoundedBody : public std::istream
{
public:
    // `response`, when given, answers a client's "Expect: 100-continue" now that the body is
    // wanted: a client that waits for it sends nothing a route refuses before reading.
    BoundedBody(Poco::Net::HTTPServerRequest& request, std::size_t limit,
                Poco::Net::HTTPServerResponse* response = nullptr);
    bool exceeded() const { return _buffer.exceeded; }
    // Throws BodyTooLarge when the body went past the limit.
    void check() const;

private:
    struct Buffer : std::streambuf
    {
        Buffer(std::istream& source, std::size_t limit) : source(source), left(limit) {}
        int_type underflow() override;
        std::istream& source;
        std::size_t left;
        bool exceeded = false;
        char chunk[8192];
    };
    Buffer _buffer;
    std::size_t _limit;
};

// Loads a POST's form through a BoundedBody: a form cut off at the limit is BodyTooLarge
// (413), not a malformed form. `files` receives multipart file parts.
void loadBoundedForm(Poco::Net::HTMLForm& form, Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response, std::size_t limit,
                     Poco::Net::PartHandler* files = nullptr);

// The query string's parameters, as HTMLForm reads them (at most 100): malformed
// percent-encoding ("?q=%zz") is a malformed form (400), never an internal error (it was a
// 500 on every page until the fuzzers found it).
void loadQuery(Poco::Net::HTMLForm& form, const Poco::Net::HTTPServerRequest& request);

} // namespace tracker::net
