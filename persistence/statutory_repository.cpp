#include "persistence/statutory_repository.h"

#include "persistence/dialect.h"
#include "persistence/nullable.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
const std::string kColumns = "SELECT id, form, unit_key, period, state, review_comment, filed_by, "
                             "reviewed_by, version FROM statutory_reports ";
constexpr const char* kSelectValues =
    "SELECT indicator, value, note FROM statutory_values WHERE report_id = :r";
constexpr const char* kInsertReport =
    "INSERT INTO statutory_reports (form, unit_key, period, state, filed_by, created_at, "
    "updated_at) VALUES (:f, :u, :p, :s, :b, :c, :c2)";
constexpr const char* kUpdateReport =
    "UPDATE statutory_reports SET state = :s, review_comment = :rc, filed_by = :fb, "
    "reviewed_by = :rb, updated_at = :at, version = version + 1 WHERE id = :i AND version = :v";
constexpr const char* kDeleteValues = "DELETE FROM statutory_values WHERE report_id = :r";
constexpr const char* kInsertValue =
    "INSERT INTO statutory_values (report_id, indicator, value, note) VALUES (:r, :n, :v, :t)";

StatutoryReport reportFromRow(const soci::row& row)
{
    StatutoryReport r;
    r.id = integer(row, "id");
    r.form = statutoryFormFromCode(text(row, "form")).value_or(StatutoryForm::Developer02);
    r.unitKey = text(row, "unit_key");
    r.period = ReportPeriod::parse(text(row, "period")).value_or(ReportPeriod{});
    r.state = filingStateFromCode(text(row, "state")).value_or(FilingState::Draft);
    r.reviewComment = text(row, "review_comment");
    r.filedBy = text(row, "filed_by");
    r.reviewedBy = text(row, "reviewed_by");
    r.version = static_cast<int>(integer(row, "version"));
    return r;
}

void loadValues(soci::session& session, StatutoryReport& report)
{
    report.values.clear();
    forEachRow(session, kSelectValues, {std::to_string(report.id)},
               [&](const soci::row& row)
               {
                   report.values.push_back(
                       {text(row, "indicator"), optionalInteger(row, "value"), text(row, "note")});
               });
    // In the form's order, not the database's.
    const auto& order = definitionOf(report.form).indicators;
    const auto rank = [&](const std::string& no)
    {
        for (std::size_t i = 0; i < order.size(); ++i)
            if (order[i].no == no)
                return i;
        return order.size();
    };
    std::stable_sort(report.values.begin(), report.values.end(),
                     [&](const auto& a, const auto& b) { return rank(a.no) < rank(b.no); });
}

std::optional<StatutoryReport> findWhere(soci::session& session, const std::string& where,
                                         const std::vector<std::string>& parameters)
{
    std::optional<StatutoryReport> found;
    forEachRow(
        session, kColumns + where, parameters,
        [&](const soci::row& row) { found = reportFromRow(row); }, 1);
    if (found)
        loadValues(session, *found);
    return found;
}

void writeValues(soci::session& session, const StatutoryReport& report)
{
    const long long id = report.id;
    session << kDeleteValues, soci::use(id);
    for (const auto& v : report.values)
    {
        NullableInteger value(v.value);
        NullableText note(v.note);
        session << kInsertValue, soci::use(id), soci::use(v.no),
            soci::use(value.value, value.indicator), soci::use(note.value, note.indicator);
    }
}

// What changed, for the audit log: the state, the comment and every figure or note.
FieldChanges changesOf(const StatutoryReport& before, const StatutoryReport& after)
{
    FieldChanges changes;
    if (before.state != after.state)
        changes.push_back(
            {"state", std::string(code(before.state)), std::string(code(after.state))});
    if (before.reviewComment != after.reviewComment)
        changes.push_back({"review_comment", before.reviewComment, after.reviewComment});
    for (const auto& v : after.values)
    {
        const auto* old = before.value(v.no);
        const auto shown = [](const std::optional<long long>& x)
        { return x ? std::to_string(*x) : std::string(); };
        if (!old || old->value != v.value)
            changes.push_back({"value_" + v.no, old ? shown(old->value) : "", shown(v.value)});
        if (!old || old->note != v.note)
            changes.push_back({"note_" + v.no, old ? old->note : "", v.note});
    }
    return changes;
}
} // namespace

std::optional<StatutoryReport> StatutoryRepository::find(StatutoryForm form,
                                                         const std::string& unitKey,
                                                         const ReportPeriod& period)
{
    std::optional<StatutoryReport> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found = findWhere(session, "WHERE form = :f AND unit_key = :u AND period = :p",
                              {std::string(code(form)), unitKey, period.code()});
        });
    return found;
}

StatutoryReport StatutoryRepository::createDraft(const StatutoryReport& draft,
                                                 const AuditContext& context)
{
    StatutoryReport stored;
    const std::string form(code(draft.form)), period = draft.period.code(),
                                              state(code(FilingState::Draft));
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const bool inserted = dialect::insertIfAbsent(
                [&]
                {
                    session << kInsertReport, soci::use(form), soci::use(draft.unitKey),
                        soci::use(period), soci::use(state), soci::use(context.actor),
                        soci::use(context.at), soci::use(context.at);
                });
            auto found = findWhere(session, "WHERE form = :f AND unit_key = :u AND period = :p",
                                   {form, draft.unitKey, period});
            if (!found)
                throw std::runtime_error("no statutory report after its insert");
            stored = *found;
            if (inserted)
            {
                stored.values = draft.values;
                writeValues(session, stored);
                appendAudit(session, context, "statutory_report", stored.id, "create",
                            toJson(changesOf(StatutoryReport{}, stored)));
            }
            transaction.commit();
        });
    return stored;
}

SaveResult<StatutoryReport> StatutoryRepository::save(const StatutoryReport& next,
                                                      int expectedVersion,
                                                      const std::string& action,
                                                      const AuditContext& context)
{
    SaveResult<StatutoryReport> result;
    const long long id = next.id;
    const std::string state(code(next.state));
    NullableText comment(next.reviewComment), filedBy(next.filedBy), reviewedBy(next.reviewedBy);
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto before = findWhere(session, "WHERE id = :i", {std::to_string(next.id)});
            if (!before)
                throw std::runtime_error("no statutory report " + std::to_string(next.id));
            soci::statement update =
                (session.prepare << kUpdateReport, soci::use(state),
                 soci::use(comment.value, comment.indicator),
                 soci::use(filedBy.value, filedBy.indicator),
                 soci::use(reviewedBy.value, reviewedBy.indicator), soci::use(context.at),
                 soci::use(id), soci::use(expectedVersion));
            update.execute(true);
            result.saved = update.get_affected_rows() == 1;
            if (result.saved)
            {
                writeValues(session, next);
                appendAudit(session, context, "statutory_report", next.id, action,
                            toJson(changesOf(*before, next)));
            }
            result.current = *findWhere(session, "WHERE id = :i", {std::to_string(next.id)});
            transaction.commit();
        });
    return result;
}

std::vector<StatutoryReport> StatutoryRepository::listFor(StatutoryForm form,
                                                          const ReportPeriod& period)
{
    std::vector<StatutoryReport> reports;
    _database.withSession(
        [&](soci::session& session)
        {
            reports.clear();
            forEachRow(session, kColumns + "WHERE form = :f AND period = :p ORDER BY unit_key",
                       {std::string(code(form)), period.code()},
                       [&](const soci::row& row) { reports.push_back(reportFromRow(row)); });
            for (auto& report : reports)
                loadValues(session, report);
        });
    return reports;
}

} // namespace tracker::persistence
