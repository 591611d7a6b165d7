// What an investor's enquiry must hold, how its status moves, and the median days to answer.
#include "tracker/enquiry.h"
#include "tracker/plot.h"
#include "tracker/schedule_slots.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
EnquiryDraft good()
{
    return {"Nguyễn Thị Lan",
            "Công ty Lan Anh",
            " Lan@Investor.Example ",
            "+84 912.345-678",
            "2,5",
            "Cơ khí",
            "Cần 2,5 ha đất sẵn sàng trong quý 1/2027.",
            "1"};
}

bool refuses(const EnquiryDraft& draft, const std::string& field)
{
    const auto result = validateEnquiry(draft);
    const auto* errors = std::get_if<FieldErrors>(&result);
    if (!errors)
        return false;
    for (const auto& e : *errors)
        if (e.field == field)
            return !e.vi.empty() && !e.en.empty();
    return false;
}

Enquiry answered(Date created, std::optional<Date> answer)
{
    Enquiry e;
    e.createdOn = created;
    e.answeredOn = answer;
    return e;
}
} // namespace

TEST_CASE("an enquiry is read exactly: email normalised, hectares to m², text trimmed", "[enquiry]")
{
    const auto result = validateEnquiry(good());
    REQUIRE(std::holds_alternative<Enquiry>(result));
    const auto& e = std::get<Enquiry>(result);
    CHECK(e.email == "lan@investor.example");
    CHECK(e.areaNeeded == 25'000);
    CHECK(e.phone == "+84 912.345-678");
    auto noArea = good();
    noArea.areaHa = "";
    CHECK_FALSE(std::get<Enquiry>(validateEnquiry(noArea)).areaNeeded);
}

TEST_CASE("an enquiry with a bad field says which, in both languages", "[enquiry]")
{
    auto d = good();
    d.name = "  ";
    CHECK(refuses(d, "name"));
    d = good();
    d.name = "Lan\r\nBcc: x@evil.example"; // a header split
    CHECK(refuses(d, "name"));
    d = good();
    d.email = "lan@";
    CHECK(refuses(d, "email"));
    for (const char* phone : {"12345", "+84 912 abc", "84+912345678", "1234567890123456"})
    {
        d = good();
        d.phone = phone;
        INFO(phone);
        CHECK(refuses(d, "phone"));
    }
    for (const char* area : {"0", "-1", "abc", "10000,0001", "20000"})
    {
        d = good();
        d.areaHa = area;
        INFO(area);
        CHECK(refuses(d, "area_ha"));
    }
    d = good();
    d.message = "ngắn";
    CHECK(refuses(d, "message"));
    d.message = std::string(4001, 'a');
    CHECK(refuses(d, "message"));
    d = good();
    d.message = "bad \xC3\x28 bytes in a message";
    CHECK(refuses(d, "message"));
    d = good();
    d.consent = "";
    CHECK(refuses(d, "consent"));
    d = good();
    d.company = std::string(201, 'x');
    CHECK(refuses(d, "company"));
}

TEST_CASE("an enquiry moves new → answered → closed, and a closed one may be reopened", "[enquiry]")
{
    using S = EnquiryStatus;
    CHECK(mayMove(S::New, S::Answered));
    CHECK(mayMove(S::New, S::Closed));
    CHECK(mayMove(S::Answered, S::Closed));
    CHECK(mayMove(S::Closed, S::Answered));
    CHECK_FALSE(mayMove(S::Answered, S::New));
    CHECK_FALSE(mayMove(S::New, S::New));
    CHECK_FALSE(mayMove(S::Closed, S::New));
    CHECK(enquiryStatusFromCode("answered") == S::Answered);
    CHECK_FALSE(enquiryStatusFromCode("bogus"));
    CHECK(label(S::Answered, false) == "Đã trả lời");
}

TEST_CASE("the median days to answer counts answered enquiries only", "[enquiry]")
{
    const Date d{2026, 11, 2};
    CHECK_FALSE(medianDaysToAnswer({}));
    CHECK_FALSE(medianDaysToAnswer({answered(d, std::nullopt)}));
    CHECK(medianDaysToAnswer({answered(d, Date{2026, 11, 5})}) == 3);
    // 1, 3, 10 and one unanswered: 3.
    CHECK(medianDaysToAnswer({answered(d, Date{2026, 11, 3}), answered(d, Date{2026, 11, 12}),
                              answered(d, std::nullopt), answered(d, Date{2026, 11, 5})}) == 3);
    // An even count takes the lower middle: 1, 3 → 1.
    CHECK(medianDaysToAnswer({answered(d, Date{2026, 11, 3}), answered(d, Date{2026, 11, 5})}) ==
          1);
}

TEST_CASE("a job every few minutes has one slot per period", "[schedule]")
{
    CHECK(everyMinutesSlot({Date{2026, 12, 1}, 9, 7}, 5) == "2026-12-01T09:05");
    CHECK(everyMinutesSlot({Date{2026, 12, 1}, 9, 4}, 5) == "2026-12-01T09:00");
    CHECK(everyMinutesSlot({Date{2026, 12, 1}, 23, 59}, 60) == "2026-12-01T23:00");
}

TEST_CASE("a plot has a label, an area within the cluster, a known status", "[plot]")
{
    Cluster c;
    c.id = 7;
    c.totalArea = 52'900;
    c.industrialArea = 40'000;
    const auto ok = validatePlot({" A1 ", "1,2", "available", "Cơ khí"}, c);
    REQUIRE(std::holds_alternative<Plot>(ok));
    CHECK(std::get<Plot>(ok).area == 12'000);
    CHECK(std::get<Plot>(ok).label == "A1");
    CHECK(std::get<Plot>(ok).clusterId == 7);
    const auto fields = [&](const PlotDraft& d)
    {
        std::string names;
        const auto result = validatePlot(d, c);
        if (const auto* errors = std::get_if<FieldErrors>(&result))
            for (const auto& e : *errors)
                names += e.field + " ";
        return names;
    };
    CHECK(fields({"", "1", "available", ""}) == "label ");
    CHECK(fields({"A1", "4,1", "available", ""}) == "plot_area_ha "); // above the industrial land
    CHECK(fields({"A1", "0", "sold", ""}) == "plot_area_ha status ");
    c.industrialArea.reset(); // then the total area bounds it
    CHECK(fields({"A1", "5,3", "leased", ""}) == "plot_area_ha ");
    CHECK(fields({"A1", "5,2", "leased", ""}).empty());
}
