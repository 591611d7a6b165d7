#include "net/jobs/weekly_digest.h"

#include "net/jobs/outbox_sender.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"

#include <Poco/Net/MailMessage.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
// One run over every subscription, and what became of each.
class DigestRun
{
public:
    DigestRun(persistence::Database& database, const Clock& clock, const JobSettings& jobs,
              const DigestTemplates& templates, const Date& week)
        : _sender(database, clock, jobs), _jobs(jobs), _renderer(templates), _week(week),
          _flags(persistence::DelayFlagRepository(database).flagsTouchedSince(
              _week.plusDays(-kDigestWeekDays)))
    {
    }

    void deliver(const Subscription& s);
    // An earlier week's rows that never went (the mail server was down past that week's
    // slot): each is sent now, once, like the week's own.
    void deliverLeftovers(const std::vector<Subscription>& subscriptions);
    // "week of 2026-11-30 (flags raised, still open or resolved from 2026-11-23): …", and
    // why nothing went when nothing did.
    std::string summary(int recipients) const
    {
        const std::string why = _sender.whyNothingSent(recipients, "with nothing to report");
        return "week of " + _week.iso() + " (flags raised, still open or resolved from " +
               _week.plusDays(-kDigestWeekDays).iso() +
               "): " + _sender.summary("with nothing to report") + (why.empty() ? "" : "; " + why);
    }
    bool unfinished() const { return _sender.unfinished(); }

private:
    OutboxSender _sender;
    const JobSettings& _jobs;
    DigestRenderer _renderer;
    Date _week;
    std::vector<DelayFlag> _flags;
};

void DigestRun::deliver(const Subscription& s)
{
    const auto entry = _sender.mail().outboxEntry(s.id, _week, _sender.messageDomain());
    if (!_sender.claim(entry))
        return;
    const DigestSections sections = digestSections(s, _flags, _week);
    if (sections.empty())
        return _sender.markEmpty(entry);
    Poco::Net::MailMessage message;
    fillDigestMessage(message, _renderer.compose(s, sections, _week, _jobs.publicBaseUrl), s, entry,
                      _jobs);
    _sender.send(entry, message);
}

void DigestRun::deliverLeftovers(const std::vector<Subscription>& subscriptions)
{
    for (const auto& entry : _sender.mail().entriesOfWeek(_week))
    {
        if (entry.state != "pending" && entry.state != "sending")
            continue;
        const auto s =
            std::find_if(subscriptions.begin(), subscriptions.end(),
                         [&](const Subscription& x) { return x.id == entry.subscriptionId; });
        if (s == subscriptions.end())
        {
            if (_sender.claim(entry)) // unsubscribed since: nothing to send
                _sender.markEmpty(entry);
            continue;
        }
        deliver(*s);
    }
}

// Earlier weeks still owed: a server down across a weekly slot leaves that week's rows
// pending while the scheduler moves on to the next slot. Four weeks back at most.
std::vector<Date> weeksOwed(persistence::Database& database, const Date& week)
{
    std::vector<Date> owed;
    for (int back = 4; back >= 1; --back)
    {
        const Date earlier = week.plusDays(-kDigestWeekDays * back);
        for (const auto& entry : persistence::MailRepository(database).entriesOfWeek(earlier))
            if (entry.state == "pending" || entry.state == "sending")
            {
                owed.push_back(earlier);
                break;
            }
    }
    return owed;
}
} // namespace

Date digestWeek(const HanoiTime& now, const JobSettings& jobs)
{
    const std::string slot =
        weeklySlot(now, jobs.digestWeekday, jobs.digestHour, jobs.digestMinute);
    return *Date::parseIso(slot.substr(0, 10));
}

std::string runWeeklyDigest(persistence::Database& database, const Clock& clock,
                            const JobSettings& jobs, const DigestTemplates& templates,
                            const Progress& progress)
{
    const Date week = digestWeek(clock.nowInHanoi(), jobs);
    const auto subscriptions = persistence::MailRepository(database).activeSubscriptions();
    std::string earlier;
    bool earlierUnfinished = false;
    for (const auto& owed : weeksOwed(database, week))
    {
        DigestRun late(database, clock, jobs, templates, owed);
        late.deliverLeftovers(subscriptions);
        earlier += "; " + late.summary(static_cast<int>(subscriptions.size()));
        earlierUnfinished |= late.unfinished();
    }
    DigestRun run(database, clock, jobs, templates, week);
    for (std::size_t i = 0; i < subscriptions.size(); ++i)
    {
        run.deliver(subscriptions[i]);
        if (progress && ((i + 1) % 500 == 0 || i + 1 == subscriptions.size()))
            progress("weekly digest: " + std::to_string(i + 1) + "/" +
                     std::to_string(subscriptions.size()) + " recipients");
    }
    // Unfinished: the slot stays open, so the scheduler runs the digest again and the
    // pending recipients get their email once their retry time has come.
    const int recipients = static_cast<int>(subscriptions.size());
    if (run.unfinished() || earlierUnfinished)
        throw std::runtime_error(run.summary(recipients) + earlier);
    return run.summary(recipients) + earlier;
}

} // namespace tracker::net
