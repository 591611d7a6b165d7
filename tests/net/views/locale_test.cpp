#include "net/views/locale.h"
#include "net/views/text_search.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::net;

TEST_CASE("figures print the Vietnamese and the English way", "[net][locale]")
{
    const Formatter vi(Language::Vi), en(Language::En);
    CHECK(vi.hectares(306000) == "30,6 ha");
    CHECK(en.hectares(12345678) == "1,234.57 ha");
    CHECK(vi.billionsVnd(16000000000000LL) == "16.000 tỷ đồng");
    CHECK(en.billionsVnd(326243000000LL) == "VND 326.2 bn");
    CHECK(vi.date(Date{2024, 6, 5}) == "05/06/2024");
    CHECK(vi.percent(40.84) == "40,8 %");
    CHECK(en.percent(40.84) == "40.8%");
    CHECK(vi.hectares(std::nullopt) == "chưa có số liệu");
    CHECK(en.billionsVnd(std::nullopt) == "no data");
}

TEST_CASE("search ignores case and diacritics, and d matches đ", "[net][search]")
{
    const std::string name = foldForSearch("Cụm công nghiệp làng nghề Hữu Bằng");
    CHECK(matchesAllWords(name, foldForSearch("huu bang")));
    CHECK(matchesAllWords(name, foldForSearch("HỮU BẰNG")));
    CHECK(matchesAllWords(name, foldForSearch("Huu Bang")));
    CHECK_FALSE(matchesAllWords(name, foldForSearch("huu binh")));
    CHECK(matchesAllWords(foldForSearch("Đông Anh"), foldForSearch("dong anh")));
    CHECK(matchesAllWords(foldForSearch("Đông Anh"), foldForSearch("đông")));
    CHECK_FALSE(matchesAllWords(name, foldForSearch("   ")));
}
