#include "net/jobs/dkim_signer.h"

#include "net/http/files.h"

#include <array>
#include <atomic>
#include <stdexcept>
#include <vector>

// dkim.h is C99 and names C's boolean type, which C++ spells bool (same size and ABI).
#define _Bool bool
extern "C"
{
#include <opendkim/dkim.h>
}
#undef _Bool

namespace tracker::net
{
namespace
{
// Header fields signed when present; the list ends with a null pointer, as libopendkim wants.
constexpr std::array<const char*, 16> kSignedHeaders{"from",
                                                     "to",
                                                     "subject",
                                                     "date",
                                                     "message-id",
                                                     "mime-version",
                                                     "content-type",
                                                     "content-language",
                                                     "list-id",
                                                     "list-unsubscribe",
                                                     "list-unsubscribe-post",
                                                     "auto-submitted",
                                                     "reply-to",
                                                     "cc",
                                                     "precedence",
                                                     nullptr};

std::string withCrlf(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\r')
            continue;
        if (text[i] == '\n')
            out += "\r\n";
        else
            out += text[i];
    }
    return out;
}

// The header fields of a message, each with its continuation lines, without the final CRLF.
std::vector<std::string> headerFields(const std::string& headers)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start < headers.size())
    {
        std::size_t end = headers.find("\r\n", start);
        if (end == std::string::npos)
            end = headers.size();
        const std::string line = headers.substr(start, end - start);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !fields.empty())
            fields.back() += "\r\n" + line;
        else if (!line.empty())
            fields.push_back(line);
        start = end + 2;
    }
    return fields;
}

void require(DKIM_STAT status, const char* step)
{
    if (status != DKIM_STAT_OK)
        throw std::runtime_error(std::string("DKIM signing failed at ") + step + ": " +
                                 dkim_getresultstr(status));
}
} // namespace

struct DkimSigner::Library
{
    DKIM_LIB* handle = nullptr;
};

DkimSigner::DkimSigner(std::string domain, std::string selector, std::string privateKeyPem)
    : _library(std::make_unique<Library>()), _domain(std::move(domain)),
      _selector(std::move(selector)), _key(std::move(privateKeyPem))
{
    _library->handle = dkim_init(nullptr, nullptr);
    if (!_library->handle)
        throw std::runtime_error("libopendkim did not start");
    auto headers = kSignedHeaders;
    // The option takes the list itself and, as its length, the size of a pointer to it.
    require(dkim_options(_library->handle, DKIM_OP_SETOPT, DKIM_OPTS_SIGNHDRS, headers.data(),
                         sizeof(const char**)),
            "its header list");
    sign("From: a@" + _domain + "\r\n\r\ncheck\r\n"); // a bad key fails here, at start-up
}

DkimSigner::~DkimSigner()
{
    if (_library->handle)
        dkim_close(_library->handle);
}

std::string DkimSigner::sign(const std::string& message) const
{
    const std::string text = withCrlf(message);
    const auto split = text.find("\r\n\r\n");
    if (split == std::string::npos)
        throw std::invalid_argument("a message to sign needs headers and a body");
    static std::atomic<unsigned> jobs{0};
    const std::string job = "tracker-" + std::to_string(++jobs);
    DKIM_STAT status = DKIM_STAT_OK;
    DKIM* dkim =
        dkim_sign(_library->handle, reinterpret_cast<const unsigned char*>(job.c_str()), nullptr,
                  reinterpret_cast<dkim_sigkey_t>(const_cast<char*>(_key.c_str())),
                  reinterpret_cast<const unsigned char*>(_selector.c_str()),
                  reinterpret_cast<const unsigned char*>(_domain.c_str()), DKIM_CANON_RELAXED,
                  DKIM_CANON_RELAXED, DKIM_SIGN_RSASHA256, -1, &status);
    if (!dkim)
        require(status == DKIM_STAT_OK ? DKIM_STAT_INTERNAL : status, "its start");
    std::unique_ptr<DKIM, decltype(&dkim_free)> owned(dkim, &dkim_free);
    for (auto& field : headerFields(text.substr(0, split)))
        require(dkim_header(dkim, reinterpret_cast<unsigned char*>(field.data()), field.size()),
                "a header");
    require(dkim_eoh(dkim), "the end of the headers");
    std::string body = text.substr(split + 4);
    require(dkim_body(dkim, reinterpret_cast<unsigned char*>(body.data()), body.size()),
            "the body");
    require(dkim_eom(dkim, nullptr), "the end of the message");
    unsigned char* signature = nullptr;
    std::size_t length = 0;
    const std::string name = "DKIM-Signature: ";
    require(dkim_getsighdr_d(dkim, name.size(), &signature, &length), "the signature");
    return withCrlf(name + std::string(reinterpret_cast<char*>(signature), length)) + "\r\n" + text;
}

std::shared_ptr<const DkimSigner> dkimSignerFromFiles(const std::string& domain,
                                                      const std::string& selector,
                                                      const std::string& keyFile)
{
    if (domain.empty())
        return nullptr;
    std::string key;
    try
    {
        key = readFile(keyFile);
    }
    catch (const std::exception&)
    {
        throw std::runtime_error("mail.dkim.keyFile: cannot read the DKIM key '" + keyFile + "'");
    }
    return std::make_shared<const DkimSigner>(domain, selector, key);
}

} // namespace tracker::net
