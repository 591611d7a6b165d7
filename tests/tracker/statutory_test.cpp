// Thông tư 14/2024/TT-BCT in the domain: periods and their cut-offs, due dates, the
// workflow and who may move it, and the forms' figures from known records.
#include "tracker/statutory_figures.h"

#include <catch2/catch.hpp>

using namespace tracker;

TEST_CASE("a half-year runs from 15/12 of the year before to 14/6, the year to 14/12",
          "[statutory]")
{
    const auto half = *ReportPeriod::parse("2026-H1");
    CHECK(half.firstDay() == Date{2025, 12, 15});
    CHECK(half.lastDay() == Date{2026, 6, 14});
    CHECK(half.covers(Date{2025, 12, 15}));
    CHECK(half.covers(Date{2026, 6, 14}));
    CHECK_FALSE(half.covers(Date{2026, 6, 15}));
    CHECK_FALSE(half.covers(Date{2025, 12, 14}));
    const auto year = *ReportPeriod::parse("2026-Y");
    CHECK(year.firstDay() == Date{2025, 12, 15});
    CHECK(year.lastDay() == Date{2026, 12, 14});
    CHECK(year.code() == "2026-Y");
    CHECK(half.dueBefore(StatutoryForm::Developer02) == Date{2026, 6, 20});
    CHECK(half.lastDayToFile(StatutoryForm::Developer02) == Date{2026, 6, 19});
    CHECK(half.dueBefore(StatutoryForm::Commune03) == Date{2026, 6, 25});
    CHECK(half.dueBefore(StatutoryForm::City04) == Date{2026, 6, 30});
    CHECK(year.dueBefore(StatutoryForm::City04) == Date{2026, 12, 31});
    CHECK(year.dueBefore(StatutoryForm::Tenant01) == Date{2026, 12, 20});
    for (const char* bad : {"2026", "2026-H2", "26-H1", "2026-h1", "2026-Y1", "x026-Y"})
    {
        INFO(bad);
        CHECK_FALSE(ReportPeriod::parse(bad));
    }
    CHECK(half.next() == year);
    CHECK(year.next().code() == "2027-H1");
    CHECK(year.next().previous() == year);
    CHECK(half.previous().code() == "2025-Y");
    CHECK(ReportPeriod::current(Date{2026, 12, 1}).code() == "2026-Y");
    CHECK(ReportPeriod::current(Date{2026, 12, 15}).code() == "2027-H1");
    CHECK(ReportPeriod::current(Date{2026, 6, 14}).code() == "2026-H1");
}

TEST_CASE("the workflow goes draft, submitted, accepted or returned, and accepted is frozen",
          "[statutory]")
{
    using S = FilingState;
    using A = FilingAction;
    CHECK(afterAction(S::Draft, A::Save) == S::Draft);
    CHECK(afterAction(S::Draft, A::Submit) == S::Submitted);
    CHECK(afterAction(S::Submitted, A::Accept) == S::Accepted);
    CHECK(afterAction(S::Submitted, A::Return) == S::Returned);
    CHECK(afterAction(S::Returned, A::Save) == S::Returned);
    CHECK(afterAction(S::Returned, A::Submit) == S::Submitted);
    CHECK_FALSE(afterAction(S::Draft, A::Accept));
    CHECK_FALSE(afterAction(S::Submitted, A::Save));
    for (const auto action : {A::Save, A::Submit, A::Accept, A::Return})
        CHECK_FALSE(afterAction(S::Accepted, action));

    Cluster cluster;
    cluster.code = "cau-bau-gd-2";
    cluster.units = *parsePlacedUnits("10369");
    Account developer{1, "cdt@example.vn", "", Role::Developer, {}, {}, {"cau-bau-gd-2"}};
    Account commune{2, "xa@example.vn", "", Role::CommuneOfficial, {}, {"10369"}, {}};
    Account otherCommune{3, "xb@example.vn", "", Role::CommuneOfficial, {}, {"10003"}, {}};
    Account city{4, "sct@example.vn", "", Role::CityOfficial, {}, {}, {}};
    CHECK(mayFile(developer, StatutoryForm::Developer02, &cluster, ""));
    CHECK_FALSE(mayReview(developer, StatutoryForm::Developer02, &cluster, ""));
    CHECK(mayReview(commune, StatutoryForm::Developer02, &cluster, ""));
    CHECK_FALSE(mayReview(otherCommune, StatutoryForm::Developer02, &cluster, ""));
    CHECK_FALSE(mayFile(commune, StatutoryForm::Developer02, &cluster, ""));
    CHECK(mayFile(commune, StatutoryForm::Commune03, nullptr, "10369"));
    CHECK_FALSE(mayFile(otherCommune, StatutoryForm::Commune03, nullptr, "10369"));
    CHECK(mayReview(city, StatutoryForm::Commune03, nullptr, "10369"));
    CHECK(mayFile(city, StatutoryForm::City04, nullptr, "hanoi"));
    CHECK_FALSE(mayReview(city, StatutoryForm::City04, nullptr, "hanoi"));
}

TEST_CASE("indicator values are read and shown exactly in the form's units", "[statutory]")
{
    CHECK(parseIndicator(IndicatorKind::Vnd, "1.100,5") == 1'100'500'000'000LL);
    CHECK(parseIndicator(IndicatorKind::Vnd, "1100.5") == 1'100'500'000'000LL);
    CHECK(parseIndicator(IndicatorKind::Vnd, "600.000") == 600'000'000'000'000LL);
    CHECK(parseIndicator(IndicatorKind::Area, "30,6") == 306'000);
    CHECK(parseIndicator(IndicatorKind::Percent, "45,25") == 4525);
    CHECK(parseIndicator(IndicatorKind::Flag, "1") == 1);
    CHECK_FALSE(parseIndicator(IndicatorKind::Flag, "2"));
    CHECK_FALSE(parseIndicator(IndicatorKind::Count, "-1"));
    CHECK_FALSE(parseIndicator(IndicatorKind::Count, "1,5"));
    CHECK_FALSE(parseIndicator(IndicatorKind::Vnd, "nhiều"));
    CHECK(formatIndicator(IndicatorKind::Vnd, 1'100'500'000'000LL, false) == "1.100,5");
    CHECK(formatIndicator(IndicatorKind::Vnd, 1'100'500'000'000LL, true) == "1,100.5");
    CHECK(formatIndicator(IndicatorKind::Percent, 4525, false) == "45,25");
    CHECK(definitionOf(StatutoryForm::Developer02).indicators.size() == 14);
    CHECK(definitionOf(StatutoryForm::Commune03).indicators.size() == 38); // 27, 8 sub-items, I–III
    CHECK(definitionOf(StatutoryForm::City04).indicators[1].nameVi ==
          "Số lượng cụm công nghiệp theo phương án phát triển cụm công nghiệp");
}

namespace
{
ClusterRecords records()
{
    ClusterRecords r;
    r.cluster.code = "dai-yen";
    r.cluster.nameVi = "Cụm công nghiệp Đại Yên";
    r.cluster.plannedInvestment = 2'800'000'000LL;
    r.cluster.industrialArea = 10'000; // 1 ha of industrial land
    r.cluster.totalArea = 14'000;
    ProgressReport inside, outside;
    inside.date = Date{2026, 6, 14};
    inside.disbursedToDate = 500'000'000;
    outside.date = Date{2026, 6, 15};
    outside.disbursedToDate = 900'000'000;
    r.reports = {outside, inside};
    Tenant a, b, late, gone;
    a.leasedArea = 2'500, a.leaseStart = Date{2025, 1, 1}, a.status = TenantStatus::Operating;
    b.leasedArea = 1'500, b.leaseStart = Date{2026, 6, 14}, b.status = TenantStatus::Building;
    late.leasedArea = 5'000, late.leaseStart = Date{2026, 6, 15};
    gone.leasedArea = 1'000, gone.leaseStart = Date{2024, 1, 1}, gone.status = TenantStatus::Left;
    r.tenants = {a, b, late, gone};
    WorkItem plant;
    plant.kind = WorkKind::WastewaterPlant;
    plant.plannedStart = Date{2026, 1, 1};
    plant.percentDone = 10;
    r.items = {plant};
    return r;
}

std::optional<long long> valueOf(const std::vector<IndicatorValue>& values, const char* no)
{
    for (const auto& v : values)
        if (v.no == no)
            return v.value;
    FAIL("no indicator " << no);
    return std::nullopt;
}
} // namespace

TEST_CASE("Biểu 02 opens prefilled from what the tracker knows at the cut-off", "[statutory]")
{
    const auto values = prefillDeveloper02(records(), *ReportPeriod::parse("2026-H1"));
    CHECK(values.size() == 14);
    CHECK(valueOf(values, "1") == 2'800'000'000LL);
    CHECK(valueOf(values, "2") == 500'000'000); // the 14/6 report, not the 15/6 one
    CHECK_FALSE(valueOf(values, "3"));          // entered by the developer
    CHECK(valueOf(values, "4") == 4'000);       // a and b; not the later lease, not the one gone
    CHECK(valueOf(values, "5") == 4'000);       // 40.00 % of the industrial land, not of the total
    CHECK(valueOf(values, "6") == 2);
    CHECK(valueOf(values, "8") == 1);
    CHECK(valueOf(values, "13") == 1);
    auto unknownLand = records();
    unknownLand.cluster.industrialArea.reset();
    CHECK_FALSE(valueOf(prefillDeveloper02(unknownLand, *ReportPeriod::parse("2026-H1")), "5"));
}

TEST_CASE("Biểu 03 sums accepted Biểu 02 and says which are missing", "[statutory]")
{
    StatutoryReport accepted;
    accepted.form = StatutoryForm::Developer02;
    accepted.state = FilingState::Accepted;
    accepted.values = {{"2", 700, ""}, {"4", 4'000, ""}, {"5", 4'000, ""}, {"6", 2, ""},
                       {"7", 1, ""},   {"8", 1, ""},     {"13", 1, ""},    {"14", 0, ""}};
    StatutoryReport other = accepted;
    other.values = {{"2", 300, ""}, {"4", 1'000, ""}, {"5", 2'000, ""},
                    {"6", 1, ""},   {"13", 1, ""},    {"14", 1, ""}};
    StatutoryReport tenantForm;
    tenantForm.form = StatutoryForm::Tenant01;
    tenantForm.values = {{"1", 5'000'000'000LL, ""}, {"2", 300'000'000, ""}, {"3", 40, ""}};
    ClusterFiling a{records().cluster, &accepted, {&tenantForm, &tenantForm}, 3, {}};
    ClusterFiling b{records().cluster, &other, {}, 0, {}};
    b.cluster.code = "phung-chau";
    b.cluster.nameVi = "Cụm công nghiệp làng nghề Phụng Châu";
    ClusterFiling c{records().cluster, nullptr, {}, 0, {}};
    c.cluster.code = "ngoc-hoa";
    c.cluster.nameVi = "Cụm công nghiệp Ngọc Hòa";
    const auto figures = summarise({a, b, c}, *ReportPeriod::parse("2026-H1"));
    const auto row = [&](const char* no) -> const SummaryRow&
    {
        for (const auto& r : figures.rows)
            if (r.value.no == no)
                return r;
        FAIL("no row " << no);
        throw std::logic_error("unreachable");
    };
    CHECK(figures.rows.size() == definitionOf(StatutoryForm::Commune03).indicators.size());
    CHECK(row("1").value.value == 3);
    CHECK(row("14").value.value == 1'000);
    CHECK(row("14").clusters == std::vector<std::string>{"dai-yen", "phung-chau"});
    CHECK(row("18").value.value == 5'000);
    CHECK(row("19").value.value == 3'000); // the mean of 40 % and 20 %
    CHECK(row("15").value.value == 2);
    CHECK(row("15.3").value.value == 1); // the craft-village one
    CHECK(row("20").value.value == 3);
    CHECK(row("26").value.value == 2);
    CHECK(row("27").value.value == 1);
    CHECK_FALSE(row("9").value.value);                // no approval dates: unknown, not zero
    CHECK(row("23").value.value == 10'000'000'000LL); // the two accepted Biểu 01
    CHECK(row("25").value.value == 80);
    CHECK(row("25").value.note.find("2 Biểu 01 đã chấp nhận, trên 3") != std::string::npos);
    REQUIRE(figures.missing.size() == 1);
    CHECK(figures.missing[0].find("ngoc-hoa") != std::string::npos);
}

TEST_CASE("a commune's Biểu 03 counts a cluster only where its unit is certain", "[statutory]")
{
    Cluster sure, straddling, split;
    sure.units = *parsePlacedUnits("10369");
    sure.unitBasis = UnitBasis::Resolution;
    straddling.units = *parsePlacedUnits("10144 10180");
    straddling.unitBasis = UnitBasis::Resolution;
    split.units = *parsePlacedUnits("10003? 09910?");
    split.unitBasis = UnitBasis::Split;
    CHECK(countedInCommune(sure, "10369"));
    CHECK(countedInCommune(straddling, "10144"));
    CHECK_FALSE(countedInCommune(straddling, "10180")); // counted once, in its first unit
    CHECK_FALSE(countedInCommune(split, "10003"));
    CHECK(mayBeInCommune(split, "10003"));
}

TEST_CASE("the overdue rule counts each period from the first the tracker collects", "[statutory]")
{
    const auto first = *ReportPeriod::parse("2026-Y");
    CHECK(statutoryOverdueFindings({}, Date{2026, 12, 19}, first).empty());
    CHECK(statutoryOverdueFindings({}, Date{2026, 12, 20}, first).size() == 1);
    // By 20/6/2027 both 2026-Y and 2027-H1 are due; a submitted one is not overdue.
    CHECK(statutoryOverdueFindings({}, Date{2027, 6, 20}, first).size() == 2);
    const auto one =
        statutoryOverdueFindings({{"2026-Y", FilingState::Submitted}}, Date{2027, 6, 20}, first);
    REQUIRE(one.size() == 1);
    CHECK(one[0].subject == "bieu02:2027-H1");
    CHECK(statutoryOverdueFindings({{"2026-Y", FilingState::Draft}}, Date{2026, 12, 25}, first)
              .size() == 1);
}
