#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <stdexcept>
#include <string>

namespace tracker::net
{

class TemplateError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Every page template, read and checked at start-up: a broken file stops the program with
// its name rather than failing on the first visitor. {{x}} escapes HTML; {{{x}}} is only
// for HTML our own code built.
class PageTemplates
{
public:
    explicit PageTemplates(const std::string& directory); // throws TemplateError

    // Renders `name` (e.g. "clusters") inside the layout; both see the labels as `t`.
    std::string renderPage(const std::string& name, kainjow::mustache::data pageData,
                           kainjow::mustache::data layoutData,
                           const kainjow::mustache::data& labels) const;

private:
    std::string render(const std::string& name, const kainjow::mustache::data& data) const;
    std::map<std::string, std::string> _sources;
};

} // namespace tracker::net
