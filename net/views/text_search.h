#pragma once

#include <string>
#include <vector>

namespace tracker::net
{

// Search that ignores case and diacritics, so that "huu bang", "HỮU BẰNG" and "Huu Bang"
// all find "Hữu Bằng" and "d" matches "đ". The folding is ICU's (Latin-ASCII and case
// folding), not a hand-made table.
std::string foldForSearch(const std::string& utf8);

// True when every word of the folded query occurs in the folded text.
bool matchesAllWords(const std::string& foldedText, const std::string& foldedQuery);

} // namespace tracker::net
