#include "net/jobs/statutory_reminders.h"

#include "net/jobs/outbox_sender.h"
#include "persistence/account_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/statutory_repository.h"
#include "tracker/statutory_figures.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/StringPartSource.h>
#include <map>
#include <set>

namespace tracker::net
{
namespace
{
// What one account must still file of one form in one period.
struct Pending
{
    std::string email;
    std::string name;
    std::vector<std::pair<std::string, std::string>> units; // what it is about, its link
};

bool filed(const std::map<std::string, FilingState>& states, const std::string& unit)
{
    const auto found = states.find(unit);
    return found != states.end() &&
           (found->second == FilingState::Submitted || found->second == FilingState::Accepted);
}

std::map<std::string, FilingState> statesOf(persistence::Database& database, StatutoryForm form,
                                            const ReportPeriod& period)
{
    std::map<std::string, FilingState> states;
    for (const auto& report : persistence::StatutoryRepository(database).listFor(form, period))
        states[report.unitKey] = report.state;
    return states;
}

// Who must still file `form` for `period`, each with the units it is about.
std::vector<Pending> whoMustFile(persistence::Database& database, StatutoryForm form,
                                 const ReportPeriod& period, const AdminUnits& units,
                                 const std::string& base)
{
    const auto states = statesOf(database, form, period);
    const auto clusters = persistence::ClusterRepository(database).listSummaries(period.lastDay());
    std::vector<Pending> pending;
    const auto link = [&](const std::string& unit) {
        return base + "/admin/statutory/" + std::string(code(form)) + "/" + unit + "/" +
               period.code();
    };
    for (const auto& [account, active] :
         persistence::AccountRepository(database).listAccountsWithState())
    {
        if (!active)
            continue;
        Pending p{account.email, account.name, {}};
        if (form == StatutoryForm::Developer02 && account.role == Role::Developer)
            for (const auto& s : clusters)
                if (mayFile(account, form, &s.cluster, "") && !filed(states, s.cluster.code))
                    p.units.emplace_back(s.cluster.nameVi, link(s.cluster.code));
        if (form == StatutoryForm::Commune03 && account.role == Role::CommuneOfficial)
        {
            std::set<std::string> withClusters;
            for (const auto& s : clusters)
                for (const auto& unit : s.cluster.units)
                    withClusters.insert(unit.code);
            for (const auto& code : account.communes)
                if (withClusters.count(code) && !filed(states, code))
                    if (const auto* unit = units.byCode(code))
                        p.units.emplace_back(unit->name, link(code));
        }
        if (form == StatutoryForm::City04 && account.role == Role::CityOfficial &&
            !filed(states, "hanoi"))
            p.units.emplace_back("Thành phố Hà Nội", link("hanoi"));
        if (!p.units.empty())
            pending.push_back(std::move(p));
    }
    return pending;
}

std::string reminderText(const Pending& p, StatutoryForm form, const ReportPeriod& period,
                         int daysBefore)
{
    const auto& definition = definitionOf(form);
    const auto due = period.dueBefore(form);
    std::string text = "Kính gửi " + (p.name.empty() ? p.email : p.name) + ",\n\n" +
                       "Theo Thông tư 14/2024/TT-BCT, Biểu số " + std::string(code(form)) + " (" +
                       std::string(definition.titleVi) + ") " + period.nameVi() + " (số liệu từ " +
                       period.firstDay().vietnamese() + " đến " + period.lastDay().vietnamese() +
                       ") phải gửi trước ngày " + due.vietnamese() + ", còn " +
                       std::to_string(daysBefore) + " ngày. Chưa gửi:\n\n";
    for (const auto& [name, href] : p.units)
        text += "- " + name + ": " + href + "\n";
    text += "\nBiểu mẫu đã điền sẵn những số liệu hệ thống có; kiểm tra, bổ sung rồi gửi.\n";
    if (form == StatutoryForm::Developer02)
        text += "Biểu số 01 của các nhà đầu tư thứ cấp trong cụm có cùng thời hạn.\n";
    text += "\n--\nReminder: form " + std::string(code(form)) + " (" +
            std::string(definition.titleEn) + ") for the " + period.nameEn() + " is due before " +
            due.iso() + ", in " + std::to_string(daysBefore) +
            " day(s). Not yet submitted: the links above.\n";
    return text;
}

void fillReminder(Poco::Net::MailMessage& m, const Pending& p, StatutoryForm form,
                  const ReportPeriod& period, int daysBefore, const persistence::OutboxEntry& entry)
{
    m.addRecipient(Poco::Net::MailRecipient(
        Poco::Net::MailRecipient::PRIMARY_RECIPIENT, p.email,
        p.name.empty() ? "" : Poco::Net::MailMessage::encodeWord(p.name, "UTF-8")));
    const std::string subject = "[Cụm công nghiệp Hà Nội] Nhắc hạn Biểu số " +
                                std::string(code(form)) + " kỳ " + period.code() + ": trước ngày " +
                                period.dueBefore(form).vietnamese();
    m.setSubject(Poco::Net::MailMessage::encodeWord(subject, "UTF-8"));
    m.set("Message-ID", entry.messageId);
    m.set("Content-Language", "vi");
    m.addContent(new Poco::Net::StringPartSource(reminderText(p, form, period, daysBefore),
                                                 "text/plain; charset=utf-8"),
                 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
}

// 7 days before from due−7 to due−2, 1 day before on due−1; nothing otherwise.
int daysBeforeToday(const Date& today, const Date& due)
{
    const long left = today.daysUntil(due);
    if (left >= 2 && left <= 7)
        return 7;
    if (left == 1)
        return 1;
    return 0;
}
} // namespace

std::string runStatutoryReminders(persistence::Database& database, const Clock& clock,
                                  const JobSettings& jobs, const AdminUnits& units,
                                  const Progress& progress)
{
    OutboxSender sender(database, clock, jobs);
    const Date today = clock.todayInHanoi();
    const auto first = ReportPeriod::parse(jobs.thresholds.firstStatutoryPeriod);
    const auto current = ReportPeriod::current(today);
    int reminders = 0;
    for (const auto& period : {current.previous(), current})
        for (const auto form :
             {StatutoryForm::Developer02, StatutoryForm::Commune03, StatutoryForm::City04})
        {
            const int days = daysBeforeToday(today, period.dueBefore(form));
            if (days == 0 || (first && period < *first))
                continue;
            for (const auto& p : whoMustFile(database, form, period, units, jobs.publicBaseUrl))
            {
                const std::string key = p.email + "|" + std::string(code(form)) + "|" +
                                        period.code() + "|" + std::to_string(days);
                const auto entry = sender.mail().reminderEntry(key, p.email, period.dueBefore(form),
                                                               sender.messageDomain());
                if (!sender.claim(entry))
                    continue;
                Poco::Net::MailMessage message;
                fillReminder(message, p, form, period, days, entry);
                sender.send(entry, message);
                ++reminders;
            }
        }
    const std::string summary = "statutory reminders " + today.iso() + ": " +
                                std::to_string(reminders) + " due, " + sender.summary("empty");
    if (progress)
        progress(summary);
    if (sender.unfinished())
        throw std::runtime_error(summary);
    return summary;
}

} // namespace tracker::net
