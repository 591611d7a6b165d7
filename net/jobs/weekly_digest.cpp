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
              const DigestTemplates& templates)
        : _sender(database, clock, jobs), _jobs(jobs), _renderer(templates),
          _week(digestWeek(clock.nowInHanoi(), jobs)),
          _flags(persistence::DelayFlagRepository(database).flagsTouchedSince(
              _week.plusDays(-kDigestWeekDays)))
    {
    }

    void deliver(const Subscription& s);
    std::string summary() const
    {
        return "week " + _week.iso() + ": " + _sender.summary("with nothing to report");
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
    DigestRun run(database, clock, jobs, templates);
    const auto subscriptions = persistence::MailRepository(database).activeSubscriptions();
    for (std::size_t i = 0; i < subscriptions.size(); ++i)
    {
        run.deliver(subscriptions[i]);
        if (progress && ((i + 1) % 500 == 0 || i + 1 == subscriptions.size()))
            progress("weekly digest: " + std::to_string(i + 1) + "/" +
                     std::to_string(subscriptions.size()) + " recipients");
    }
    // Unfinished: the slot stays open, so the scheduler runs the digest again and the
    // pending recipients get their email once their retry time has come.
    if (run.unfinished())
        throw std::runtime_error(run.summary());
    return run.summary();
}

} // namespace tracker::net
