#pragma once

#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/operations/edit_operations.h"

#include <Poco/Net/HTTPResponse.h>

namespace tracker::net
{

// The choices of the status selects, in the reader's language.
Choices projectStatusChoices(Language language);
Choices tenantStatusChoices(Language language);
// The 126 current units by Vietnamese name ("Xã Ứng Thiên (10369)"), in Vietnamese order;
// `withBlank` puts an empty choice first (unit_form.cpp).
Choices unitChoices(const AdminUnits& units, bool withBlank);

// What an edit's outcome means for a form: its status code, errors and conflict table.
// Returns true when the edit was done (the caller redirects).
template <typename Record>
bool applyOutcome(OfficeRequest& office, const EditResult<Record>& result, FormView& form,
                  Poco::Net::HTTPResponse::HTTPStatus& status)
{
    using Poco::Net::HTTPResponse;
    switch (result.status)
    {
    case EditStatus::Done:
        return true;
    case EditStatus::NotFound:
        office.notFound();
        status = HTTPResponse::HTTP_NOT_FOUND;
        return false;
    case EditStatus::Forbidden:
        office.allowed(false);
        status = HTTPResponse::HTTP_FORBIDDEN;
        return false;
    case EditStatus::Invalid:
        form.errors(result.errors);
        status = HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
        return false;
    case EditStatus::Conflict:
        form.conflict(result.conflicts);
        status = HTTPResponse::HTTP_CONFLICT;
        return false;
    }
    return false;
}

// Whether applyOutcome already answered (not found, forbidden) rather than leaving a form.
inline bool answered(Poco::Net::HTTPResponse::HTTPStatus status)
{
    return status == Poco::Net::HTTPResponse::HTTP_NOT_FOUND ||
           status == Poco::Net::HTTPResponse::HTTP_FORBIDDEN;
}

} // namespace tracker::net
