#pragma once

#include "net/views/locale.h"
#include "tracker/audit.h"
#include "tracker/field_errors.h"

#include <kainjow/mustache.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Net
{
class HTMLForm;
}

namespace tracker::net
{

using Choices = std::vector<std::pair<std::string, std::string>>; // value → label

// The view model of one back-office form (office_form.html): fields with their values and
// errors, a CSRF token, and on a conflict the fields someone else changed. Every value is
// escaped by the template; nothing here builds HTML.
class FormView
{
public:
    FormView(Language language, std::string action, std::string csrf);

    void heading(const std::string& text, const std::string& intro = "");
    void hidden(const std::string& name, const std::string& value);
    // `label` empty: the field's label from the tables ("f_" + name).
    void input(const std::string& name, const std::string& value, const std::string& type = "text",
               const std::string& label = "");
    void textarea(const std::string& name, const std::string& value);
    void select(const std::string& name, const std::string& value, const Choices& choices,
                const std::string& label = "");
    // Several of `choices` at once (values: the chosen ones).
    void multiSelect(const std::string& name, const std::vector<std::string>& values,
                     const Choices& choices);
    void checkbox(const std::string& name, bool checked);
    void file(const std::string& name);
    // A field people never see or fill, hidden by the style sheet and from screen readers: a
    // form robot that fills every field gives itself away (instead of a CAPTCHA).
    void honeypot(const std::string& name);
    void submit(const std::string& text) { _submit = text; }
    void errors(const FieldErrors& errors);
    // Someone saved first and changed fields this edit changed too (field, theirs, yours):
    // listed above the form, and each such field gets a choice of keeping theirs or yours.
    void conflict(const FieldChanges& changes);
    void notice(const std::string& text) { _notice = text; }

    kainjow::mustache::data build() const;

private:
    struct Field
    {
        std::string name;
        std::string label;
        std::string value;
        std::string kind; // input, textarea, select, multiselect, checkbox, file, honeypot
        std::string type;
        Choices choices;
        std::string error;
    };
    std::string labelFor(const std::string& name) const;
    Language _language;
    std::string _action;
    std::string _csrf;
    std::string _heading;
    std::string _intro;
    std::string _submit;
    std::string _notice;
    std::vector<std::pair<std::string, std::string>> _hidden;
    std::vector<Field> _fields;
    std::vector<std::pair<std::string, std::string>> _summary; // label, message
    FieldChanges _conflicts;
};

// The fields where the person, shown a clash, chose to keep the other person's value: the
// radio buttons "keep.<field>" = "theirs" that FormView::conflict puts under each field.
std::set<std::string> keptTheirs(const Poco::Net::HTMLForm& form);

// The box and the reason that let a questioned figure through (tracker/plausibility.h).
void confirmFields(FormView& form, const std::string& confirm, const std::string& reason);

} // namespace tracker::net
