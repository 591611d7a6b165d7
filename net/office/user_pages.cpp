#include "net/access/credentials.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/operations/known_scopes.h"
#include "persistence/account_repository.h"
#include "persistence/kept_versions.h"
#include "tracker/email_address.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <set>
#include <tuple>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

// Every value the form sent for `name` (a multiple select sends one per choice).
std::vector<std::string> allValues(const Poco::Net::HTMLForm& form, const std::string& name)
{
    std::vector<std::string> values;
    for (const auto& [field, value] : form)
        if (field == name && !value.empty())
            values.push_back(value);
    return values;
}

Choices roleChoices(Language language)
{
    Choices choices;
    for (const auto role : {Role::Viewer, Role::Developer, Role::CommuneOfficial,
                            Role::DistrictOfficial, Role::CityOfficial, Role::Admin})
        choices.emplace_back(std::string(code(role)),
                             std::string(language == Language::Vi ? labelVi(role) : labelEn(role)));
    return choices;
}

FormView newUserForm(OfficeRequest& office)
{
    FormView form(office.language, "/admin/users", office.caller.csrfToken);
    const auto& f = office.form;
    form.heading(office.text("new_user"));
    form.input("email", f.get("email", ""), "email");
    form.input("name", f.get("name", ""));
    form.select("role", f.get("role", "viewer"), roleChoices(office.language));
    form.multiSelect("communes", allValues(f, "communes"), unitChoices(office.site.units, false));
    form.input("districts", f.get("districts", ""));
    form.input("clusters", f.get("clusters", ""));
    form.input("password", "", "password");
    return form;
}

// Creates the account the form describes; what is wrong with it, when nothing was created.
FieldErrors createUser(OfficeRequest& office)
{
    const auto& f = office.form;
    FieldErrors errors;
    Account account;
    const auto email = normalisedEmail(f.get("email", ""));
    account.email = email.value_or("");
    account.name = f.get("name", "");
    account.districts = commaList(f.get("districts", ""));
    account.communes = allValues(f, "communes");
    account.clusters = commaList(f.get("clusters", ""));
    if (!email)
        errors.push_back({"email", "Email không hợp lệ.", "Not a valid email address."});
    if (!acceptableDisplayName(account.name))
        errors.push_back(
            {"name", "Tên không hợp lệ hoặc quá dài.", "The name is not valid or too long."});
    if (const auto role = roleFromCode(f.get("role", "")))
        account.role = *role;
    else
        errors.push_back({"role", "Vai trò không hợp lệ.", "Unknown role."});
    const auto unknown = KnownScopes(office.site.database, office.site.units).unknownIn(account);
    errors.insert(errors.end(), unknown.begin(), unknown.end());
    if (!acceptablePassword(f.get("password", "")))
        errors.push_back({"password", "Mật khẩu cần từ 12 ký tự trở lên.",
                          "The password needs 12 characters or more."});
    if (!errors.empty())
        return errors;
    try
    {
        persistence::AccountRepository(office.site.database)
            .createUser(account, hashPassword(f.get("password", "")),
                        {office.account().email, office.address(), office.site.clock.nowRfc3339()});
    }
    catch (const persistence::DuplicateAccount&)
    {
        errors.push_back({"email", "Đã có tài khoản với email này.",
                          "An account with this email already exists."});
    }
    return errors;
}

data userRows(OfficeRequest& office)
{
    data users{data::type::list};
    for (const auto& [account, active] :
         persistence::AccountRepository(office.site.database).listAccountsWithState())
    {
        data row;
        row.set("id", std::to_string(account.id));
        row.set("active", data(active));
        row.set("self", data(account.id == office.account().id));
        row.set("csrf", office.caller.csrfToken);
        row.set("email", account.email);
        row.set("name", account.name);
        row.set("role", std::string(code(account.role)));
        std::string scope;
        for (const auto& value : account.communes)
        {
            const auto* unit = office.site.units.byCode(value);
            scope += value + (unit ? " " + unit->name : "") + "; ";
        }
        for (const auto& value : account.districts)
            scope += value + "; ";
        for (const auto& value : account.clusters)
            scope += value + "; ";
        row.set("scope", scope);
        users.push_back(row);
    }
    return users;
}

void usersPage(OfficeRequest& office)
{
    if (!office.requireSignIn() || !office.allowed(may(office.account(), SiteAction::ManageUsers)))
        return;
    FormView form = newUserForm(office);
    auto status = HTTPResponse::HTTP_OK;
    if (office.request.getMethod() == "POST")
    {
        if (!office.requireCsrf())
            return;
        const FieldErrors errors = createUser(office);
        if (errors.empty())
            return office.redirect("/admin/users");
        form.errors(errors);
        status = HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
    }
    data view = form.build();
    view.set("users", userRows(office));
    office.page("office_users", view, office.text("users_title"), status);
}

std::string joinedList(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out;
}

FormView userForm(OfficeRequest& office, const Account& account, int version)
{
    FormView form(office.language, "/admin/users/" + std::to_string(account.id),
                  office.caller.csrfToken);
    form.heading(office.text("edit_user") + " — " + account.email);
    form.hidden("version", std::to_string(version));
    form.input("name", account.name);
    form.select("role", std::string(code(account.role)), roleChoices(office.language));
    form.multiSelect("communes", account.communes, unitChoices(office.site.units, false));
    form.input("districts", joinedList(account.districts));
    form.input("clusters", joinedList(account.clusters));
    return form;
}

// What the edit form changes on `next`: name, role and scopes; what is wrong with them.
FieldErrors readAccountEdit(OfficeRequest& office, Account& next)
{
    const auto& f = office.form;
    next.name = f.get("name", "");
    next.districts = commaList(f.get("districts", ""));
    next.communes = allValues(f, "communes");
    next.clusters = commaList(f.get("clusters", ""));
    FieldErrors errors = KnownScopes(office.site.database, office.site.units).unknownIn(next);
    if (const auto role = roleFromCode(f.get("role", "")))
        next.role = *role;
    else
        errors.push_back({"role", "Vai trò không hợp lệ.", "Unknown role."});
    if (!acceptableDisplayName(next.name))
        errors.push_back(
            {"name", "Tên không hợp lệ hoặc quá dài.", "The name is not valid or too long."});
    return errors;
}

// Saves `next` (the form's values on the account as it was read) over `version`. When someone
// saved since, the edit is merged field by field (tracker/merge.h): the clashes, if any,
// are left on `form` for the person to choose and nothing is written.
bool saveAccount(OfficeRequest& office, const Account& next, int version, FormView& form)
{
    persistence::AccountRepository accounts(office.site.database);
    for (int attempt = 1;; ++attempt)
    {
        const auto now = accounts.findAnyById(next.id);
        if (!now)
            return false;
        const auto theirs = fieldValues(now->account);
        const auto base =
            version == now->version
                ? std::optional(theirs)
                : persistence::keptVersion(office.site.database, "user", next.id, version);
        auto merge = mergeThreeWay(attempt < 3 ? base : std::nullopt, theirs, fieldValues(next),
                                   keptTheirs(office.form));
        const auto merged = accountWith(now->account, merge.merged);
        if (!merge.clashes.empty())
        {
            form = userForm(office, merged, now->version);
            form.conflict(merge.clashes);
            return false;
        }
        if (accounts.updateAccount(
                merged, now->version,
                {office.account().email, office.address(), office.site.clock.nowRfc3339()}))
            return true;
    }
}

void editUserPage(OfficeRequest& office, std::int64_t id)
{
    if (!office.requireSignIn() || !office.allowed(may(office.account(), SiteAction::ManageUsers)))
        return;
    persistence::AccountRepository accounts(office.site.database);
    const auto stored = accounts.findAnyById(id);
    if (!stored)
        return office.notFound();
    if (office.request.getMethod() != "POST")
        return office.page("office_form",
                           userForm(office, stored->account, stored->version).build(),
                           office.text("edit_user"));
    if (!office.requireCsrf())
        return;
    const auto& f = office.form;
    Account next = stored->account;
    FieldErrors errors = readAccountEdit(office, next);
    const int version = static_cast<int>(parseWholeNumberOrZero(f.get("version", "")));
    auto status = HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
    FormView form = userForm(office, next, version);
    if (errors.empty())
    {
        if (saveAccount(office, next, version, form))
            return office.redirect("/admin/users");
        status = HTTPResponse::HTTP_CONFLICT;
    }
    form.errors(errors);
    office.page("office_form", form.build(), office.text("edit_user"), status);
}

void setUserActive(OfficeRequest& office, std::int64_t id)
{
    if (!office.requireSignIn() ||
        !office.allowed(may(office.account(), SiteAction::ManageUsers)) || !office.requireCsrf())
        return;
    // An administrator cannot lock themselves out.
    if (!office.allowed(id != office.account().id))
        return;
    persistence::AccountRepository(office.site.database)
        .setActive(id, office.form.get("active", "") == "1",
                   {office.account().email, office.address(), office.site.clock.nowRfc3339()});
    office.redirect("/admin/users");
}

} // namespace

void usersForm(OfficeRequest& office, const RouteMatch&)
{
    usersPage(office);
}

void userForm(OfficeRequest& office, const RouteMatch& match)
{
    editUserPage(office, parseWholeNumberOrZero(match.parameters.at("id")));
}

void userActiveSubmit(OfficeRequest& office, const RouteMatch& match)
{
    setUserActive(office, parseWholeNumberOrZero(match.parameters.at("id")));
}

} // namespace tracker::net
