#include "net/views/article8_views.h"

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::string newClusterWords(Verdict verdict, bool en)
{
    switch (verdict)
    {
    case Verdict::May:
        return en ? "A new cluster may be established here (as far as Art. 8(1)(c) goes)"
                  : "Có thể thành lập cụm công nghiệp mới (theo điểm c khoản 1 Điều 8)";
    case Verdict::MayNot:
        return en ? "A new cluster may not be established here"
                  : "Chưa đủ điều kiện thành lập cụm công nghiệp mới";
    case Verdict::Unknown:
        return en ? "Not enough data to say" : "Chưa đủ số liệu để kết luận";
    }
    return "";
}

std::string expansionWords(Verdict verdict, bool en)
{
    switch (verdict)
    {
    case Verdict::May:
        return en ? "may be expanded" : "có thể mở rộng";
    case Verdict::MayNot:
        return en ? "may not be expanded" : "chưa đủ điều kiện mở rộng";
    case Verdict::Unknown:
        return en ? "not enough data" : "chưa đủ số liệu";
    }
    return "";
}

data lines(const std::vector<std::string>& texts)
{
    data list{data::type::list};
    for (const auto& text : texts)
    {
        data item;
        item.set("text", text);
        list.push_back(item);
    }
    return list;
}
} // namespace

void setArticle8View(data& view, const AreaVerdict& area,
                     const std::vector<ClusterExpansion>& clusters, Language language)
{
    const bool en = language == Language::En;
    view.set("a8_verdict", newClusterWords(area.verdict, en));
    view.set("a8_code", std::string(code(area.verdict)));
    view.set("a8_reasons", lines(en ? area.reasonsEn : area.reasonsVi));
    data rows{data::type::list};
    for (const auto& c : clusters)
    {
        data row;
        row.set("name", c.name);
        row.set("href", c.href);
        row.set("verdict", expansionWords(c.verdict.verdict, en));
        row.set("code", std::string(code(c.verdict.verdict)));
        row.set("reasons", lines(en ? c.verdict.reasonsEn : c.verdict.reasonsVi));
        rows.push_back(row);
    }
    view.set("a8_clusters", rows);
    view.set("a8_has_clusters", !clusters.empty());
}

} // namespace tracker::net
