#include "net/office/form_view.h"

#include "net/views/label_tables.h"
#include "net/views/labels.h"
#include "net/views/locale.h"

#include <Poco/Net/HTMLForm.h>
#include <algorithm>

namespace tracker::net
{
using kainjow::mustache::data;

FormView::FormView(Language language, std::string action, std::string csrf)
    : _language(language), _action(std::move(action)), _csrf(std::move(csrf)),
      _submit(label(language, "save"))
{
}

std::string FormView::labelFor(const std::string& name) const
{
    for (const auto& field : _fields)
        if (field.name == name)
            return field.label;
    const auto found = officeTexts().find("f_" + name);
    if (found == officeTexts().end())
        return name;
    return _language == Language::Vi ? found->second.first : found->second.second;
}

void FormView::heading(const std::string& text, const std::string& intro)
{
    _heading = text;
    _intro = intro;
}

void FormView::hidden(const std::string& name, const std::string& value)
{
    _hidden.emplace_back(name, value);
}

void FormView::input(const std::string& name, const std::string& value, const std::string& type,
                     const std::string& label)
{
    _fields.push_back({name, label.empty() ? labelFor(name) : label, value, "input", type, {}, {}});
}

void FormView::textarea(const std::string& name, const std::string& value)
{
    _fields.push_back({name, labelFor(name), value, "textarea", "", {}, {}});
}

void FormView::select(const std::string& name, const std::string& value, const Choices& choices,
                      const std::string& label)
{
    _fields.push_back(
        {name, label.empty() ? labelFor(name) : label, value, "select", "", choices, {}});
}

void FormView::multiSelect(const std::string& name, const std::vector<std::string>& values,
                           const Choices& choices)
{
    std::string joined; // one per line: no code holds a newline
    for (const auto& value : values)
        joined += value + "\n";
    _fields.push_back({name, labelFor(name), joined, "multiselect", "", choices, {}});
}

void FormView::checkbox(const std::string& name, bool checked)
{
    _fields.push_back({name, labelFor(name), checked ? "1" : "", "checkbox", "", {}, {}});
}

void FormView::honeypot(const std::string& name)
{
    _fields.push_back({name, labelFor(name), "", "honeypot", "", {}, {}});
}

void FormView::file(const std::string& name)
{
    _fields.push_back({name, labelFor(name), "", "file", "", {}, {}});
}

void FormView::errors(const FieldErrors& errors)
{
    for (const auto& error : errors)
    {
        const std::string& message = _language == Language::Vi ? error.vi : error.en;
        _summary.emplace_back(labelFor(error.field), message);
        for (auto& field : _fields)
            if (field.name == error.field && field.error.empty())
                field.error = message;
    }
}

void FormView::conflict(const FieldChanges& changes)
{
    _conflicts = changes;
}

namespace
{
// A clash's value as people read it: amounts and areas grouped, a blank said as such.
std::string shownValue(const std::string& field, const std::string& value, Language language)
{
    if (value.empty())
        return language == Language::Vi ? "(để trống)" : "(blank)";
    const bool grouped = field.ends_with("_vnd") || field.ends_with("_m2");
    return grouped ? Formatter(language).groupedWhole(value) : value;
}

data fieldItem(const std::string& name, const std::string& label, const std::string& value,
               const std::string& kind, const std::string& type, const std::string& error,
               const Choices& choices)
{
    data item;
    item.set("name", name);
    item.set("label", label);
    item.set("value", value);
    item.set("type", type);
    item.set(kind, true);
    item.set("checked", data(!value.empty()));
    item.set("has_error", data(!error.empty()));
    item.set("error", error);
    data options{data::type::list};
    for (const auto& [optionValue, text] : choices)
    {
        data option;
        option.set("value", optionValue);
        option.set("label", text);
        const bool chosen =
            kind == "multiselect"
                ? ("\n" + value).find("\n" + optionValue + "\n") != std::string::npos
                : optionValue == value;
        option.set("selected", data(chosen));
        options.push_back(option);
    }
    item.set("options", options);
    return item;
}

// A list of {name, value}-shaped items for the template.
template <typename Pairs> data pairList(const Pairs& pairs, const char* first, const char* second)
{
    data list{data::type::list};
    for (const auto& [a, b] : pairs)
    {
        data item;
        item.set(first, a);
        item.set(second, b);
        list.push_back(item);
    }
    return list;
}
} // namespace

data FormView::build() const
{
    data view;
    view.set("heading", _heading);
    // kainjow treats "" as true in a section: an absent text must be false.
    view.set("intro", _intro.empty() ? data(false) : data(_intro));
    view.set("action", _action);
    view.set("csrf", _csrf);
    view.set("submit", _submit);
    view.set("notice", _notice.empty() ? data(false) : data(_notice));
    view.set("multipart", data(std::any_of(_fields.begin(), _fields.end(),
                                           [](const Field& f) { return f.kind == "file"; })));
    view.set("hidden", pairList(_hidden, "name", "value"));
    data fields{data::type::list};
    for (const auto& f : _fields)
    {
        auto item = fieldItem(f.name, f.label, f.value, f.kind, f.type, f.error, f.choices);
        const auto clash = std::find_if(_conflicts.begin(), _conflicts.end(),
                                        [&](const FieldChange& c) { return c.field == f.name; });
        item.set("clash", data(false));
        if (clash != _conflicts.end())
        {
            // As the field shows its values: a choice's label, a box ticked or not.
            const auto shown = [&](const std::string& value)
            {
                if (f.kind == "checkbox")
                    return std::string(_language == Language::Vi ? (value.empty() ? "không" : "có")
                                                                 : (value.empty() ? "no" : "yes"));
                for (const auto& [code, text] : f.choices)
                    if (code == value)
                        return text;
                return shownValue(f.name, value, _language);
            };
            data choice;
            choice.set("theirs", shown(clash->before));
            choice.set("yours", shown(clash->after));
            item.set("clash", choice);
        }
        fields.push_back(item);
    }
    view.set("fields", fields);
    view.set("has_errors", data(!_summary.empty()));
    view.set("errors", pairList(_summary, "label", "message"));
    view.set("has_conflict", data(!_conflicts.empty()));
    data changes{data::type::list};
    for (const auto& change : _conflicts)
    {
        data item;
        item.set("field", labelFor(change.field));
        item.set("theirs", shownValue(change.field, change.before, _language));
        item.set("yours", shownValue(change.field, change.after, _language));
        changes.push_back(item);
    }
    view.set("changes", changes);
    return view;
}

std::set<std::string> keptTheirs(const Poco::Net::HTMLForm& form)
{
    std::set<std::string> kept;
    for (const auto& [name, value] : form)
        if (name.starts_with("keep.") && value == "theirs")
            kept.insert(name.substr(5));
    return kept;
}

void confirmFields(FormView& form, const std::string& confirm, const std::string& reason)
{
    form.checkbox("confirm", !confirm.empty());
    form.textarea("confirm_reason", reason);
}

} // namespace tracker::net
