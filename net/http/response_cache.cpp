#include "net/http/response_cache.h"

#include <cstdio>
#include <mutex>

namespace tracker::net
{

std::string strongEtag(const std::string& body, std::uint64_t version)
{
    std::uint64_t hash = 1469598103934665603ULL; // FNV-1a: fast and stable, not a secret
    for (const unsigned char c : body)
        hash = (hash ^ c) * 1099511628211ULL;
    char text[64];
    std::snprintf(text, sizeof text, "\"%llx-%llx\"", static_cast<unsigned long long>(version),
                  static_cast<unsigned long long>(hash));
    return text;
}

std::shared_ptr<const CachedResponse> ResponseCache::find(const std::string& key) const
{
    std::shared_lock lock(_mutex);
    const auto found = _entries.find(key);
    if (found == _entries.end() || found->second->dataVersion != _version.load())
        return nullptr;
    return found->second;
}

std::shared_ptr<const CachedResponse> ResponseCache::store(const std::string& key, std::string body,
                                                           std::string contentType,
                                                           std::uint64_t renderedAtVersion,
                                                           std::string downloadName)
{
    auto entry = std::make_shared<CachedResponse>();
    entry->etag = strongEtag(body, renderedAtVersion);
    entry->body = std::move(body);
    entry->contentType = std::move(contentType);
    entry->dataVersion = renderedAtVersion;
    entry->downloadName = std::move(downloadName);
    std::unique_lock lock(_mutex);
    if (_entries.size() > 4096) // bounded: queries are user-controlled
        _entries.clear();
    _entries[key] = entry;
    return entry;
}

} // namespace tracker::net
