#include "tracker/audit.h"
#include "tracker/edit_validation.h"
#include "tracker/text_checks.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
const Date kToday{2026, 11, 27};

std::pair<Cluster, std::vector<WorkItem>> clusterWithItems()
{
    Cluster cluster;
    cluster.id = 7;
    cluster.code = "huu-bang";
    std::vector<WorkItem> items(2);
    items[0].id = 11;
    items[0].kind = WorkKind::Drainage;
    items[1].id = 12;
    items[1].kind = WorkKind::Power;
    return {cluster, items};
}

FieldErrors errorsOf(const std::variant<ProgressReport, FieldErrors>& result)
{
    return std::holds_alternative<FieldErrors>(result) ? std::get<FieldErrors>(result)
                                                       : FieldErrors{};
}

bool hasField(const FieldErrors& errors, const std::string& field)
{
    for (const auto& error : errors)
        if (error.field == field)
            return true;
    return false;
}
} // namespace

TEST_CASE("UTF-8 checks refuse overlongs, surrogates and cut sequences", "[domain][input]")
{
    CHECK(isValidUtf8("Hữu Bằng, Thạch Thất"));
    CHECK(isValidUtf8("\xF0\x9F\x8F\xAD"));   // 🏭
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));     // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80")); // a UTF-16 surrogate
    CHECK_FALSE(isValidUtf8("Th\xE1\xBA"));   // cut short
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK_FALSE(isValidUtf8("a\xEF\xBF\xBF")); // U+FFFF: XML (Atom, XLSX) cannot hold it
    CHECK_FALSE(isValidUtf8("a\xEF\xBF\xBE"
                            "b"));      // U+FFFE
    CHECK(isValidUtf8("\xEF\xBF\xBD")); // U+FFFD, the replacement character, is fine
    CHECK(codePointCount("Đông Anh") == 8);
    CHECK(hasControlCharacters(std::string("a\0b", 3)));
    CHECK_FALSE(hasControlCharacters("dòng 1\ndòng 2\t"));
    CHECK(parseWholeNumber("1234") == 1234);
    CHECK_FALSE(parseWholeNumber("-1").has_value());
    CHECK_FALSE(parseWholeNumber("-0").has_value()); // no sign, not even on zero
    CHECK_FALSE(parseWholeNumber("+1").has_value());
    CHECK_FALSE(parseWholeNumber("1.000").has_value());
    CHECK_FALSE(parseWholeNumber("99999999999999999999").has_value());
    CHECK_FALSE(parseWholeNumber("").has_value());
}

TEST_CASE("a valid report becomes a report with its lines", "[domain][input]")
{
    const auto [cluster, items] = clusterWithItems();
    const auto result = validateReport({"2026-11-27", {{"11", "40"}, {"12", "100"}}, "500", "ok"},
                                       cluster, items, kToday);
    REQUIRE(std::holds_alternative<ProgressReport>(result));
    const auto& report = std::get<ProgressReport>(result);
    CHECK(report.clusterId == 7);
    CHECK(report.date == kToday);
    CHECK(report.disbursedToDate == 500);
    REQUIRE(report.lines.size() == 2);
    CHECK(report.lines[1].workItemId == 12);
    CHECK(report.lines[1].percent == 100);
}

TEST_CASE("a report is refused field by field", "[domain][input]")
{
    const auto [cluster, items] = clusterWithItems();
    SECTION("dated tomorrow, over 100 %, someone else's item, twice the same item")
    {
        const auto errors = errorsOf(
            validateReport({"2026-11-28", {{"11", "101"}, {"99", "5"}, {"11", "5"}}, "1", ""},
                           cluster, items, kToday));
        CHECK(hasField(errors, "date"));
        CHECK(hasField(errors, "items[0].percent"));
        CHECK(hasField(errors, "items[1].work_item"));
        CHECK(hasField(errors, "items[2].work_item"));
        CHECK(errors.front().vi.find("tương lai") != std::string::npos);
        CHECK(errors.front().en.find("future") != std::string::npos);
    }
    SECTION("not a date, not a number, nothing reported")
    {
        const auto errors =
            errorsOf(validateReport({"27/11/2026", {}, "", ""}, cluster, items, kToday));
        CHECK(hasField(errors, "date"));
        CHECK(hasField(errors, "disbursed_vnd"));
    }
    SECTION("a note too long or with a NUL")
    {
        CHECK(hasField(errorsOf(validateReport({"2026-11-01", {}, "1", std::string(2001, 'a')},
                                               cluster, items, kToday)),
                       "note"));
        CHECK(hasField(errorsOf(validateReport({"2026-11-01", {}, "1", std::string("a\0", 2)},
                                               cluster, items, kToday)),
                       "note"));
    }
}

TEST_CASE("tenants: the tax code's check digit is named in both languages", "[domain][input]")
{
    TenantDraft draft{
        "Công ty TNHH Hữu Bằng", "0100109107", "", "", "100", "5", "", "registered", "", ""};
    const auto bad = validateTenant(draft, kToday);
    REQUIRE(std::holds_alternative<FieldErrors>(bad));
    const auto& error = std::get<FieldErrors>(bad).front();
    CHECK(error.field == "tax_code");
    CHECK(error.vi.find("kiểm tra") != std::string::npos);
    draft.taxCode = "0100109106";
    draft.supportingIndustry = "on";
    const auto good = validateTenant(draft, kToday);
    REQUIRE(std::holds_alternative<Tenant>(good));
    CHECK(std::get<Tenant>(good).supportingIndustry);
    draft.status = "bankrupt";
    CHECK(std::holds_alternative<FieldErrors>(validateTenant(draft, kToday)));
}

TEST_CASE("registry: industrial area within the total, finish after start", "[domain][input]")
{
    Cluster current;
    current.nameVi = "CCN Hữu Bằng";
    RegistryDraft draft{"CCN Hữu Bằng",
                        "",
                        "",
                        "1000",
                        "2000",
                        "",
                        "implementation",
                        "2026-01-01",
                        "2025-01-01",
                        "",
                        "javascript:alert(1)",
                        ""};
    const auto result = validateRegistry(draft, current);
    REQUIRE(std::holds_alternative<FieldErrors>(result));
    const auto& errors = std::get<FieldErrors>(result);
    CHECK(hasField(errors, "industrial_area_m2"));
    CHECK(hasField(errors, "planned_finish"));
    CHECK(hasField(errors, "source_url"));
}

TEST_CASE("re-baselining needs a reason and keeps items it does not name", "[domain][input]")
{
    const auto [cluster, items] = clusterWithItems();
    CHECK(std::holds_alternative<FieldErrors>(
        validateRebaseline({{"11", "2026-01-01", "2026-12-31", "5", ""}}, "", items)));
    const auto plan =
        validateRebaseline({{"11", "2026-01-01", "2026-12-31", "5", ""}}, "Chậm", items);
    REQUIRE(std::holds_alternative<std::vector<WorkItem>>(plan));
    const auto& next = std::get<std::vector<WorkItem>>(plan);
    CHECK(next[0].plannedFinish == Date{2026, 12, 31});
    CHECK(next[0].budget == 5);
    CHECK(next[1].plannedFinish == items[1].plannedFinish);
}

TEST_CASE("comma lists are trimmed and drop empty items", "[domain][input]")
{
    CHECK(commaList(" Thạch Thất , Quốc Oai,,\t") ==
          std::vector<std::string>{"Thạch Thất", "Quốc Oai"});
    CHECK(commaList("huu-bang") == std::vector<std::string>{"huu-bang"});
    CHECK(commaList(" , ").empty());
    CHECK(commaList("").empty());
}

TEST_CASE("re-baselining can add a work item of a known kind", "[domain][input]")
{
    const auto [cluster, items] = clusterWithItems();
    const auto plan =
        validateRebaseline({{"", "2027-01-01", "2027-06-30", "900", "power"}}, "Bổ sung", items);
    REQUIRE(std::holds_alternative<std::vector<WorkItem>>(plan));
    const auto& next = std::get<std::vector<WorkItem>>(plan);
    REQUIRE(next.size() == items.size() + 1);
    CHECK(next.back().id == 0);
    CHECK(next.back().kind == WorkKind::Power);
    CHECK(next.back().budget == 900);
    CHECK(next.back().provenance == Provenance::Sourced);

    const auto unknown =
        validateRebaseline({{"", "2027-01-01", "2027-06-30", "900", "rocket"}}, "x", items);
    REQUIRE(std::holds_alternative<FieldErrors>(unknown));
    CHECK(hasField(std::get<FieldErrors>(unknown), "items[0].kind"));
    const auto undated = validateRebaseline({{"", "", "2027-06-30", "", "power"}}, "x", items);
    REQUIRE(std::holds_alternative<FieldErrors>(undated));
    CHECK(hasField(std::get<FieldErrors>(undated), "items[0].planned_start"));
    CHECK(hasField(std::get<FieldErrors>(undated), "items[0].budget_vnd"));
}

TEST_CASE("audit changes list only what differs, as escaped JSON", "[domain][audit]")
{
    Tenant before, after;
    after.jobs = 12;
    after.companyName = "A \"quoted\" <b>";
    const auto changes = changesBetween(before, after);
    REQUIRE(changes.size() == 2);
    CHECK(toJson(changes) == "{\"company_name\":{\"old\":\"\",\"new\":\"A \\\"quoted\\\" "
                             "\\u003cb\\u003e\"},\"jobs\":{\"old\":\"0\",\"new\":\"12\"}}");
}

TEST_CASE("a tenant's yes/no fields read every usual way, and refuse anything else", "[validation]")
{
    TenantDraft draft{
        "Công ty TNHH Hữu Bằng", "0100109106", "", "", "100", "5", "", "registered", "", ""};
    for (const std::string yes : {"1", "true", "on", "YES", "x", "có", "Có"})
    {
        draft.supportingIndustry = yes;
        draft.foreignInvested = yes;
        const auto result = validateTenant(draft, kToday);
        INFO(yes);
        REQUIRE(std::holds_alternative<Tenant>(result));
        CHECK(std::get<Tenant>(result).supportingIndustry);
        CHECK(std::get<Tenant>(result).foreignInvested);
    }
    for (const std::string no : {"", "0", "false", "off", "no", "không"})
    {
        draft.supportingIndustry = no;
        draft.foreignInvested = no;
        const auto result = validateTenant(draft, kToday);
        INFO(no);
        REQUIRE(std::holds_alternative<Tenant>(result));
        CHECK_FALSE(std::get<Tenant>(result).supportingIndustry);
        CHECK_FALSE(std::get<Tenant>(result).foreignInvested);
    }
    draft.supportingIndustry = "maybe";
    draft.foreignInvested = "2";
    const auto refused = validateTenant(draft, kToday);
    REQUIRE(std::holds_alternative<FieldErrors>(refused));
    const auto& errors = std::get<FieldErrors>(refused);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "supporting_industry");
    CHECK(errors[1].field == "foreign_invested");
}

TEST_CASE("amounts may be grouped in threes as people write them, one separator throughout",
          "[validation]")
{
    CHECK(parseGroupedWholeNumber("600000000") == 600'000'000);
    CHECK(parseGroupedWholeNumber("600.000.000") == 600'000'000);
    CHECK(parseGroupedWholeNumber("600,000,000") == 600'000'000);
    CHECK(parseGroupedWholeNumber("1 234 567") == 1'234'567);
    CHECK(parseGroupedWholeNumber("12.345") == 12'345);
    for (const char* bad : {"1.5", "1,50", "1.000,5", "1.000,000", ".500", "1234.567", "1..000",
                            "600.000.", "-1.000", "1.00a"})
    {
        INFO(bad);
        CHECK_FALSE(parseGroupedWholeNumber(bad));
    }
    TenantDraft draft{"Công ty TNHH Hữu Bằng", "0100109106", "",           "", "2.000",
                      "5.000.000.000",         "",           "registered", "", ""};
    const auto tenant = validateTenant(draft, kToday);
    REQUIRE(std::holds_alternative<Tenant>(tenant));
    CHECK(std::get<Tenant>(tenant).registeredCapital == 5'000'000'000);
    CHECK(std::get<Tenant>(tenant).leasedArea == 2'000);
}
