#include "tracker/article8.h"

#include "tracker/decimal.h"

#include <algorithm>

namespace tracker
{
namespace
{
constexpr SquareMetres kHundredHectares = 1'000'000;
constexpr SquareMetres kSeventyFiveHectares = 750'000;

std::string percentText(long long hundredths)
{
    return formatScaledDecimal(hundredths, 2, 2, ',', ".") + " %";
}

std::string hectaresText(SquareMetres area)
{
    return formatScaledDecimal(area, 4, 2, ',', ".") + " ha";
}

std::string percentTextEn(long long hundredths)
{
    return formatScaledDecimal(hundredths, 2, 2, '.', ",") + " %";
}

std::string hectaresTextEn(SquareMetres area)
{
    return formatScaledDecimal(area, 4, 2, '.', ",") + " ha";
}
} // namespace

std::string_view code(Verdict verdict)
{
    switch (verdict)
    {
    case Verdict::May:
        return "may";
    case Verdict::MayNot:
        return "may_not";
    case Verdict::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::optional<long long> occupancyHundredths(const Article8Cluster& c)
{
    if (!c.cluster.industrialArea || *c.cluster.industrialArea <= 0)
        return std::nullopt;
    return c.leased * 10'000 / *c.cluster.industrialArea;
}

AreaVerdict newClusterVerdict(const std::vector<Article8Cluster>& established)
{
    AreaVerdict out;
    out.clusters = static_cast<int>(established.size());
    if (established.empty())
    {
        out.verdict = Verdict::May;
        out.reasonsVi.push_back("Chưa có cụm công nghiệp đã thành lập trên địa bàn: điểm c khoản "
                                "1 Điều 8 không áp dụng.");
        out.reasonsEn.push_back("No cluster is established here: Art. 8(1)(c) does not apply.");
        return out;
    }
    long long sum = 0;
    SquareMetres unleased = 0;
    std::vector<std::string> missing;
    for (const auto& c : established)
    {
        const auto occupancy = occupancyHundredths(c);
        if (!occupancy)
        {
            missing.push_back(c.cluster.nameVi);
            continue;
        }
        sum += *occupancy;
        unleased += std::max<SquareMetres>(0, *c.cluster.industrialArea - c.leased);
    }
    if (!missing.empty())
    {
        out.reasonsVi.push_back(std::to_string(missing.size()) + "/" +
                                std::to_string(established.size()) +
                                " cụm chưa có diện tích đất công nghiệp theo quy hoạch chi tiết, "
                                "nên không tính được tỷ lệ lấp đầy (Điều 2 khoản 7): " +
                                missing.front() + (missing.size() > 1 ? "…" : ""));
        out.reasonsEn.push_back(std::to_string(missing.size()) + " of " +
                                std::to_string(established.size()) +
                                " clusters have no industrial land on record, so occupancy "
                                "(Art. 2(7)) cannot be computed");
        return out; // unknown
    }
    out.averageOccupancy = sum / static_cast<long long>(established.size());
    out.unleasedIndustrialLand = unleased;
    const bool occupied = *out.averageOccupancy > 5'000;
    const bool fewUnleased = unleased <= kHundredHectares;
    out.verdict = occupied || fewUnleased ? Verdict::May : Verdict::MayNot;
    out.reasonsVi.push_back("Tỷ lệ lấp đầy trung bình " + percentText(*out.averageOccupancy) +
                            (occupied ? " > 50 %" : " ≤ 50 %") +
                            "; đất công nghiệp chưa cho thuê " + hectaresText(unleased) +
                            (fewUnleased ? " ≤ 100 ha" : " > 100 ha") +
                            " (điểm c khoản 1 Điều 8 NĐ 32/2024).");
    out.reasonsEn.push_back("Average occupancy " + percentTextEn(*out.averageOccupancy) +
                            (occupied ? " > 50 %" : " ≤ 50 %") + "; unleased industrial land " +
                            hectaresTextEn(unleased) + (fewUnleased ? " ≤ 100 ha" : " > 100 ha") +
                            " (Decree 32/2024, Art. 8(1)(c)).");
    return out;
}

ExpansionVerdict expansionVerdict(const Article8Cluster& c)
{
    ExpansionVerdict out;
    bool unknown = false, fails = false;
    const auto say = [&](const std::string& vi, const std::string& en)
    {
        out.reasonsVi.push_back(vi);
        out.reasonsEn.push_back(en);
    };
    if (!c.cluster.totalArea)
        unknown = true, say("Chưa có tổng diện tích (điểm a).", "Total area unknown (a).");
    else if (*c.cluster.totalArea >= kSeventyFiveHectares)
        fails = true,
        say("Đã " + hectaresText(*c.cluster.totalArea) + ": không thể quá 75 ha (điểm a).",
            "Already " + hectaresTextEn(*c.cluster.totalArea) + ": may not exceed 75 ha (a).");
    else
        say("Có thể mở rộng thêm tối đa " +
                hectaresText(kSeventyFiveHectares - *c.cluster.totalArea) + " đến 75 ha (điểm a).",
            "At most " + hectaresTextEn(kSeventyFiveHectares - *c.cluster.totalArea) +
                " more, up to 75 ha (a).");
    out.occupancy = occupancyHundredths(c);
    if (!out.occupancy)
        unknown = true,
        say("Chưa có diện tích đất công nghiệp: không tính được tỷ lệ lấp đầy (điểm c).",
            "Industrial land unknown: occupancy cannot be computed (c).");
    else if (*out.occupancy < 6'000)
        fails = true, say("Tỷ lệ lấp đầy " + percentText(*out.occupancy) + " < 60 % (điểm c).",
                          "Occupancy " + percentTextEn(*out.occupancy) + " < 60 % (c).");
    else
        say("Tỷ lệ lấp đầy " + percentText(*out.occupancy) + " ≥ 60 % (điểm c).",
            "Occupancy " + percentTextEn(*out.occupancy) + " ≥ 60 % (c).");
    for (const auto kind :
         {WorkKind::InternalRoads, WorkKind::WaterSupply, WorkKind::WastewaterPlant})
    {
        const auto item = std::find_if(c.items.begin(), c.items.end(),
                                       [&](const WorkItem& w) { return w.kind == kind; });
        const std::string name = kind == WorkKind::InternalRoads ? "đường giao thông nội bộ"
                                 : kind == WorkKind::WaterSupply ? "cấp nước"
                                                                 : "thu gom và xử lý nước thải";
        const std::string nameEn = kind == WorkKind::InternalRoads ? "internal roads"
                                   : kind == WorkKind::WaterSupply ? "water supply"
                                                                   : "wastewater treatment";
        if (item == c.items.end())
            unknown = true, say("Kế hoạch không có hạng mục " + name + " (điểm d).",
                                "No " + nameEn + " work item in the plan (d).");
        else if (item->percentDone < 100)
            fails = true,
            say("Hạng mục " + name + " mới " + std::to_string(item->percentDone) + " % (điểm d).",
                nameEn + " only " + std::to_string(item->percentDone) + " % done (d).");
    }
    out.verdict = fails ? Verdict::MayNot : unknown ? Verdict::Unknown : Verdict::May;
    return out;
}

} // namespace tracker
