#pragma once

#include <memory>
#include <string>

namespace tracker::net
{

// Signs outgoing mail with DKIM (RFC 6376) through Debian's libopendkim: rsa-sha256,
// relaxed/relaxed, covering From, To, Subject, Date, Message-ID, the MIME headers, List-Id,
// Auto-Submitted and both List-Unsubscribe headers (RFC 8058 asks for those two to be
// signed, so that a one-click unsubscribe cannot be forged onto a message).
class DkimSigner
{
public:
    // `privateKeyPem` is the RSA key in PEM; `domain` and `selector` name its DNS record
    // (selector._domainkey.domain). Throws std::runtime_error when the library refuses them.
    DkimSigner(std::string domain, std::string selector, std::string privateKeyPem);
    ~DkimSigner();
    DkimSigner(const DkimSigner&) = delete;
    DkimSigner& operator=(const DkimSigner&) = delete;

    // The whole message (headers, blank line, body; CRLF line ends) with its DKIM-Signature
    // header first.
    std::string sign(const std::string& message) const;

private:
    struct Library;
    std::unique_ptr<Library> _library;
    std::string _domain, _selector, _key;
};

// The signer the configuration asks for (mail.dkim.*), or none when mail.dkim.domain is
// empty. Throws std::runtime_error naming the key file when it cannot be read.
std::shared_ptr<const DkimSigner> dkimSignerFromFiles(const std::string& domain,
                                                      const std::string& selector,
                                                      const std::string& keyFile);

} // namespace tracker::net
