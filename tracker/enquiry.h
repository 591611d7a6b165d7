#pragma once

#include "tracker/date.h"
#include "tracker/field_errors.h"
#include "tracker/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tracker
{

// Where an enquiry stands with the developer it was sent to.
enum class EnquiryStatus
{
    New,
    Answered,
    Closed
};

std::string_view code(EnquiryStatus status);
std::string_view label(EnquiryStatus status, bool english);
std::optional<EnquiryStatus> enquiryStatusFromCode(std::string_view code);

// What an investor asks a cluster's developer (Nghị định 32/2024, Điều 19 khoản 5 makes
// developers publish their unleased land; this is how an investor answers it). Personal
// data: shown only to the developer and to officials, never on a public page.
struct Enquiry
{
    std::int64_t id = 0;
    std::int64_t clusterId = 0;
    std::string clusterCode;
    std::string clusterName;
    std::string name;
    std::string company;
    std::string email; // normalised
    std::string phone;
    std::optional<SquareMetres> areaNeeded;
    std::string sector;
    std::string message;
    std::string language = "vi";
    EnquiryStatus status = EnquiryStatus::New;
    Date createdOn;
    std::optional<Date> answeredOn;
    std::optional<Date> closedOn;
    int version = 1;
};

// As the public form sends it.
struct EnquiryDraft
{
    std::string name;
    std::string company;
    std::string email;
    std::string phone;
    std::string areaHa; // "2", "2,5" or "2.5" hectares; empty: not said
    std::string sector;
    std::string message;
    std::string consent; // "1" when the box is ticked
};

// The enquiry, or what is wrong with each field: a name and a valid email, a phone of digits
// (spaces, dots, dashes, one leading +), a plausible area (up to 10,000 ha), a message of
// 10–4,000 characters, consent given; every text valid UTF-8 without control characters
// (a message may hold line breaks).
std::variant<Enquiry, FieldErrors> validateEnquiry(const EnquiryDraft& draft);

// Days from an enquiry to its answer, for the enquiries that were answered.
std::optional<long> daysToAnswer(const Enquiry& enquiry);
// The median of those days, over enquiries answered (or closed after an answer); nothing
// when none was answered. The median of an even count is the lower middle, a whole day.
std::optional<long> medianDaysToAnswer(const std::vector<Enquiry>& enquiries);

// The status an enquiry may move to: new → answered → closed, new → closed, and back from
// closed to answered when the developer reopens it. The day is recorded by the caller.
bool mayMove(EnquiryStatus from, EnquiryStatus to);

} // namespace tracker
