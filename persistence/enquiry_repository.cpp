#include "persistence/enquiry_repository.h"

#include "persistence/nullable.h"
#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsert =
    "INSERT INTO enquiries (cluster_id, name, company, email, phone, area_m2, sector, message, "
    "language, status, client_address, created_at, created_on) VALUES (:c, :n, :co, :e, :p, :a, "
    ":s, :m, :l, 'new', :ad, :at, :on)";
constexpr const char* kCountFromAddress =
    "SELECT COUNT(*) FROM enquiries WHERE client_address = :a AND created_at >= :s";
constexpr const char* kCountFromEmail =
    "SELECT COUNT(*) FROM enquiries WHERE email = :e AND created_at >= :s";
const std::string kSelect =
    "SELECT e.id, e.cluster_id, c.code, c.name_vi, e.name, e.company, e.email, e.phone, "
    "e.area_m2, e.sector, e.message, e.language, e.status, e.created_on, e.answered_on, "
    "e.closed_on, e.version FROM enquiries e JOIN clusters c ON c.id = e.cluster_id ";
constexpr const char* kMove =
    "UPDATE enquiries SET status = :s, answered_on = :a, closed_on = :c, version = version + 1 "
    "WHERE id = :i AND version = :v";

Enquiry fromRow(const soci::row& row)
{
    Enquiry e;
    e.id = integer(row, "id");
    e.clusterId = integer(row, "cluster_id");
    e.clusterCode = text(row, "code");
    e.clusterName = text(row, "name_vi");
    e.name = text(row, "name");
    e.company = text(row, "company");
    e.email = text(row, "email");
    e.phone = text(row, "phone");
    e.areaNeeded = optionalInteger(row, "area_m2");
    e.sector = text(row, "sector");
    e.message = text(row, "message");
    e.language = text(row, "language");
    e.status = enquiryStatusFromCode(text(row, "status")).value_or(EnquiryStatus::New);
    e.createdOn = date(row, "created_on");
    e.answeredOn = optionalDate(row, "answered_on");
    e.closedOn = optionalDate(row, "closed_on");
    e.version = static_cast<int>(integer(row, "version"));
    return e;
}

std::vector<Enquiry> select(soci::session& session, const std::string& where,
                            const std::vector<std::string>& parameters)
{
    std::vector<Enquiry> list;
    forEachRow(session, kSelect + where, parameters,
               [&](const soci::row& row) { list.push_back(fromRow(row)); });
    return list;
}

long long count(Database& database, const char* sql, const std::string& key, long long since)
{
    long long n = 0;
    database.withSession([&](soci::session& session)
                         { session << sql, soci::use(key), soci::use(since), soci::into(n); });
    return n;
}
} // namespace

Enquiry
EnquiryRepository::create(Enquiry enquiry, const std::string& clientAddress, long long nowUnix,
                          const std::function<std::vector<QueuedMail>(std::int64_t)>& mailsFor,
                          const std::string& messageIdDomain)
{
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            long long cluster = enquiry.clusterId, at = nowUnix;
            NullableInteger area(enquiry.areaNeeded);
            const std::string on = enquiry.createdOn.iso();
            session << kInsert, soci::use(cluster), soci::use(enquiry.name),
                soci::use(enquiry.company), soci::use(enquiry.email), soci::use(enquiry.phone),
                soci::use(area.value, area.indicator), soci::use(enquiry.sector),
                soci::use(enquiry.message), soci::use(enquiry.language), soci::use(clientAddress),
                soci::use(at), soci::use(on);
            long long id = 0;
            if (!session.get_last_insert_id("enquiries", id))
                throw std::runtime_error("the enquiry has no id");
            for (const auto& mail : mailsFor(id))
                enqueueMail(session, mail, nowUnix, enquiry.createdOn, messageIdDomain);
            transaction.commit();
            enquiry.id = id;
        });
    return enquiry;
}

long long EnquiryRepository::countFromAddress(const std::string& clientAddress, long long since)
{
    return count(_database, kCountFromAddress, clientAddress, since);
}

long long EnquiryRepository::countFromEmail(const std::string& email, long long since)
{
    return count(_database, kCountFromEmail, email, since);
}

std::vector<Enquiry> EnquiryRepository::list()
{
    std::vector<Enquiry> list;
    _database.withSession([&](soci::session& session)
                          { list = select(session, "ORDER BY e.id DESC", {}); });
    return list;
}

std::optional<Enquiry> EnquiryRepository::find(std::int64_t id)
{
    std::optional<Enquiry> found;
    _database.withSession(
        [&](soci::session& session)
        {
            auto rows = select(session, "WHERE e.id = :i", {std::to_string(id)});
            found = rows.empty() ? std::nullopt : std::optional<Enquiry>(rows.front());
        });
    return found;
}

SaveResult<Enquiry> EnquiryRepository::move(std::int64_t id, EnquiryStatus to, int version,
                                            const Date& today, const AuditContext& audit)
{
    SaveResult<Enquiry> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            auto rows = select(session, "WHERE e.id = :i", {std::to_string(id)});
            if (rows.empty())
                return;
            Enquiry current = rows.front();
            result = {false, current};
            if (current.version != version || !mayMove(current.status, to))
                return;
            // The first answer's day stays: the median counts days to the first answer.
            if (to == EnquiryStatus::Answered && !current.answeredOn)
                current.answeredOn = today;
            current.closedOn =
                to == EnquiryStatus::Closed ? std::optional<Date>(today) : std::nullopt;
            const std::string status(code(to));
            NullableText answered(current.answeredOn), closed(current.closedOn);
            long long key = id, expected = version;
            session << kMove, soci::use(status), soci::use(answered.value, answered.indicator),
                soci::use(closed.value, closed.indicator), soci::use(key), soci::use(expected);
            appendAudit(session, audit, "enquiry", id, "update",
                        "{\"status\":{\"old\":\"" + std::string(code(current.status)) +
                            "\",\"new\":\"" + status + "\"}}",
                        current.clusterId);
            transaction.commit();
            current.status = to;
            ++current.version;
            result = {true, current};
        });
    return result;
}

} // namespace tracker::persistence
