#include "net/views/page_templates.h"

#include "net/http/files.h"

#include <filesystem>

namespace tracker::net
{

PageTemplates::PageTemplates(const std::string& directory)
{
    namespace fs = std::filesystem;
    if (!fs::is_directory(directory))
        throw TemplateError("no template folder " + directory);
    for (const auto& entry : fs::directory_iterator(directory))
    {
        if (entry.path().extension() != ".html")
            continue;
        std::string source = readFile(entry.path().string());
        kainjow::mustache::mustache compiled(source);
        if (!compiled.is_valid())
            throw TemplateError("template " + entry.path().string() + ": " +
                                compiled.error_message());
        _sources[entry.path().stem().string()] = std::move(source);
    }
    if (!_sources.count("layout"))
        throw TemplateError("template folder " + directory + " has no layout.html");
}

std::string PageTemplates::render(const std::string& name,
                                  const kainjow::mustache::data& data) const
{
    const auto found = _sources.find(name);
    if (found == _sources.end())
        throw TemplateError("no template " + name);
    // Compiled per render: kainjow's render() is not const, so a shared compiled template
    // would race; pages are cached, so this runs once per page and data version.
    kainjow::mustache::mustache compiled(found->second);
    return compiled.render(data);
}

std::string PageTemplates::renderPage(const std::string& name, kainjow::mustache::data pageData,
                                      kainjow::mustache::data layoutData,
                                      const kainjow::mustache::data& labels) const
{
    pageData.set("t", labels);
    // Partials: {{> office_form}} includes that template (the back office's forms), and
    // {{> partial_pager}} the links between the pages of a list.
    for (const auto& [partialName, source] : _sources)
        if (partialName.rfind("office_", 0) == 0 || partialName.rfind("partial_", 0) == 0)
            pageData.set(partialName,
                         kainjow::mustache::partial([source = source] { return source; }));
    layoutData.set("t", labels);
    layoutData.set("content", render(name, pageData));
    return render("layout", layoutData);
}

} // namespace tracker::net
