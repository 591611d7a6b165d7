#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace tracker::net
{

struct CachedResponse
{
    std::string body;
    std::string contentType;
    std::string etag; // strong, quoted
    std::uint64_t dataVersion = 0;
    std::string downloadName; // for Content-Disposition; empty for pages
};

// Rendered responses per route, query and language, so that pages cost about as much as
// serving a file. Every write bumps the data version, and an entry rendered for an older
// version is never served.
class ResponseCache
{
public:
    std::uint64_t dataVersion() const { return _version.load(); }
    void invalidate() { ++_version; }

    std::shared_ptr<const CachedResponse> find(const std::string& key) const;
    std::shared_ptr<const CachedResponse> store(const std::string& key, std::string body,
                                                std::string contentType,
                                                std::uint64_t renderedAtVersion,
                                                std::string downloadName = {});

private:
    std::atomic<std::uint64_t> _version{1};
    mutable std::shared_mutex _mutex;
    std::unordered_map<std::string, std::shared_ptr<const CachedResponse>> _entries;
};

std::string strongEtag(const std::string& body, std::uint64_t version);

} // namespace tracker::net
