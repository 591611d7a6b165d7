#include "tracker/enquiry.h"

#include "tracker/code_table.h"
#include "tracker/decimal.h"
#include "tracker/email_address.h"
#include "tracker/text_checks.h"

#include <algorithm>

namespace tracker
{
namespace
{
constexpr CodeTable<EnquiryStatus, 3> kStatuses{{{
    {EnquiryStatus::New, "new", "Mới", "New"},
    {EnquiryStatus::Answered, "answered", "Đã trả lời", "Answered"},
    {EnquiryStatus::Closed, "closed", "Đã đóng", "Closed"},
}}};

constexpr SquareMetres kMaxAreaNeeded = 100'000'000; // 10,000 ha

// A one-line text: valid UTF-8, no control character at all (tab and breaks included,
// since these go into an email's headers and a table cell), at most `limit` code points.
bool acceptableLine(const std::string& text, std::size_t limit)
{
    if (!isValidUtf8(text) || codePointCount(text) > limit)
        return false;
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool acceptablePhone(const std::string& phone)
{
    int digits = 0;
    for (std::size_t i = 0; i < phone.size(); ++i)
    {
        const char c = phone[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && i == 0)))
            return false;
    }
    return digits >= 8 && digits <= 15;
}

void checkName(const EnquiryDraft& d, Enquiry& e, FieldErrors& errors)
{
    e.name = trimmedCopy(d.name);
    if (e.name.empty() || !acceptableLine(e.name, 200))
        errors.push_back({"name", "Nhập họ tên (tối đa 200 ký tự, không có ký tự điều khiển).",
                          "Enter your name (up to 200 characters, no control characters)."});
    e.company = trimmedCopy(d.company);
    if (!acceptableLine(e.company, 200))
        errors.push_back({"company", "Tên công ty tối đa 200 ký tự, không có ký tự điều khiển.",
                          "The company name has at most 200 characters, no control characters."});
}

void checkContact(const EnquiryDraft& d, Enquiry& e, FieldErrors& errors)
{
    const auto email = normalisedEmail(trimmedCopy(d.email));
    if (!email)
        errors.push_back({"email", "Nhập một địa chỉ email hợp lệ, ví dụ ten@congty.vn.",
                          "Enter a valid email address, for example name@company.com."});
    else
        e.email = *email;
    e.phone = trimmedCopy(d.phone);
    if (!e.phone.empty() && !acceptablePhone(e.phone))
        errors.push_back({"phone",
                          "Số điện thoại gồm 8–15 chữ số, có thể có dấu +, cách, chấm, gạch.",
                          "A phone number has 8–15 digits, with an optional +, spaces, dots or "
                          "dashes."});
}

void checkNeed(const EnquiryDraft& d, Enquiry& e, FieldErrors& errors)
{
    const std::string area = trimmedCopy(d.areaHa);
    if (!area.empty())
    {
        const auto m2 = parseScaledDecimal(area, 4);
        if (!m2 || *m2 <= 0 || *m2 > kMaxAreaNeeded)
            errors.push_back({"area_ha",
                              "Diện tích cần thuê tính bằng ha, ví dụ 2 hoặc 2,5 (tối đa 10.000).",
                              "The area needed is in hectares, for example 2 or 2.5 (at most "
                              "10,000)."});
        else
            e.areaNeeded = *m2;
    }
    e.sector = trimmedCopy(d.sector);
    if (!acceptableLine(e.sector, 200))
        errors.push_back(
            {"sector", "Ngành nghề tối đa 200 ký tự.", "The sector has at most 200 characters."});
    e.message = trimmedCopy(d.message);
    const auto length = isValidUtf8(e.message) ? codePointCount(e.message) : 0;
    if (length < 10 || length > 4000 || hasControlCharacters(e.message))
        errors.push_back({"message", "Nội dung từ 10 đến 4.000 ký tự.",
                          "The message has 10 to 4,000 characters."});
    if (d.consent != "1")
        errors.push_back({"consent", "Cần đồng ý để thông tin được chuyển tới chủ đầu tư.",
                          "Your consent is needed to pass your details to the developer."});
}
} // namespace

std::string_view label(EnquiryStatus status, bool english)
{
    const auto& names = kStatuses.names(status);
    return english ? names.en : names.vi;
}

std::string_view code(EnquiryStatus status)
{
    return kStatuses.names(status).code;
}

std::optional<EnquiryStatus> enquiryStatusFromCode(std::string_view text)
{
    return kStatuses.fromCode(text);
}

std::variant<Enquiry, FieldErrors> validateEnquiry(const EnquiryDraft& draft)
{
    Enquiry enquiry;
    FieldErrors errors;
    checkName(draft, enquiry, errors);
    checkContact(draft, enquiry, errors);
    checkNeed(draft, enquiry, errors);
    if (!errors.empty())
        return errors;
    return enquiry;
}

std::optional<long> daysToAnswer(const Enquiry& enquiry)
{
    if (!enquiry.answeredOn)
        return std::nullopt;
    return std::max(0L, enquiry.createdOn.daysUntil(*enquiry.answeredOn));
}

std::optional<long> medianDaysToAnswer(const std::vector<Enquiry>& enquiries)
{
    std::vector<long> days;
    for (const auto& enquiry : enquiries)
        if (const auto d = daysToAnswer(enquiry))
            days.push_back(*d);
    if (days.empty())
        return std::nullopt;
    std::sort(days.begin(), days.end());
    return days[(days.size() - 1) / 2];
}

bool mayMove(EnquiryStatus from, EnquiryStatus to)
{
    using S = EnquiryStatus;
    return (from == S::New && (to == S::Answered || to == S::Closed)) ||
           (from == S::Answered && to == S::Closed) || (from == S::Closed && to == S::Answered);
}

} // namespace tracker
