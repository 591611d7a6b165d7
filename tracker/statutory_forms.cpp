#include "tracker/statutory_forms.h"

#include "tracker/decimal.h"

#include <algorithm>

namespace tracker
{
namespace
{
using K = IndicatorKind;

const std::vector<Indicator> kForm01{
    {"1", "Doanh thu của dự án trong kỳ báo cáo", "Revenue of the project in the period", "Tỷ đồng",
     "bn VND", K::Vnd},
    {"2", "Số nộp ngân sách nhà nước của dự án trong kỳ báo cáo",
     "State budget payments of the project in the period", "Tỷ đồng", "bn VND", K::Vnd},
    {"3", "Tổng số lao động (có hợp đồng lao động) làm việc tại dự án trong kỳ báo cáo",
     "Workers (with labour contracts) at the project in the period", "Người", "persons", K::People},
    {"4", "Thu nhập bình quân người lao động của dự án trong kỳ báo cáo",
     "Average income of the project's workers in the period", "Triệu đồng/người/tháng",
     "million VND per person per month", K::Income},
};

const std::vector<Indicator> kForm02{
    {"1", "Tổng mức đầu tư xây dựng hạ tầng kỹ thuật theo dự án đã được duyệt",
     "Approved total investment in the infrastructure", "Tỷ đồng", "bn VND", K::Vnd},
    {"2", "Tổng vốn đã đầu tư xây dựng hạ tầng kỹ thuật (tổng vốn lũy kế đã thanh toán)",
     "Invested in the infrastructure (cumulative paid)", "Tỷ đồng", "bn VND", K::Vnd},
    {"3",
     "Diện tích đất công nghiệp của dự án đã xây dựng hạ tầng kỹ thuật (đủ điều kiện cho thuê)",
     "Industrial land with finished infrastructure (ready to lease)", "ha", "ha", K::Area},
    {"4", "Diện tích đất công nghiệp của dự án đã cho thuê", "Industrial land leased", "ha", "ha",
     K::Area},
    {"5", "Tỉ lệ lấp đầy của cụm công nghiệp", "Occupancy of the cluster", "%", "%", K::Percent},
    {"6", "Tổng số dự án đầu tư sản xuất kinh doanh đã thuê đất trong cụm công nghiệp",
     "Tenant projects that have leased land in the cluster", "Dự án", "projects", K::Count},
    {"7", "Số dự án đầu tư sản xuất kinh doanh có vốn đầu tư nước ngoài",
     "Of which foreign-invested", "Dự án", "projects", K::Count},
    {"8", "Số dự án đầu tư sản xuất kinh doanh đang hoạt động trong cụm công nghiệp",
     "Tenant projects operating in the cluster", "Dự án", "projects", K::Count},
    {"9", "Doanh thu của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp trong kỳ báo cáo",
     "Revenue of the infrastructure project in the period", "Tỷ đồng", "bn VND", K::Vnd},
    {"10",
     "Số nộp Ngân sách nhà nước của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp trong "
     "kỳ báo cáo",
     "State budget payments of the infrastructure project in the period", "Tỷ đồng", "bn VND",
     K::Vnd},
    {"11",
     "Tổng số lao động (có hợp đồng lao động) làm việc tại dự án đầu tư xây dựng hạ tầng kỹ thuật "
     "cụm công nghiệp",
     "Workers (with labour contracts) of the infrastructure project", "Người", "persons",
     K::People},
    {"12",
     "Thu nhập bình quân người lao động của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công "
     "nghiệp trong kỳ báo cáo",
     "Average income of the infrastructure project's workers in the period",
     "Triệu đồng/người/tháng", "million VND per person per month", K::Income},
    {"13",
     "Cụm công nghiệp đã hoặc đang đầu tư hệ thống xử lý nước thải tập trung (đã hoặc đang đầu tư "
     "ghi 1, chưa đầu tư ghi 0)",
     "The cluster has built or is building a central wastewater plant (1 yes, 0 no)", "Công trình",
     "plants", K::Flag},
    {"14",
     "Cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường (có ghi 1, "
     "không ghi 0)",
     "The central wastewater plant meets the environmental standard (1 yes, 0 no)", "Công trình",
     "plants", K::Flag},
};

// Biểu 03 and Biểu 04 share their rows; only who sends them and the area differ.
const std::vector<Indicator> kForm03{
    {"I", "Phương án phát triển cụm công nghiệp", "The cluster development plan", "", "",
     K::Section},
    {"1", "Số lượng cụm công nghiệp theo phương án phát triển cụm công nghiệp",
     "Clusters in the development plan", "Cụm", "clusters", K::Count},
    {"2", "Tổng diện tích các cụm công nghiệp theo phương án phát triển cụm công nghiệp",
     "Area of the clusters in the development plan", "ha", "ha", K::Area},
    {"II", "Thành lập, đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp",
     "Establishment and infrastructure investment", "", "", K::Section},
    {"3", "Số lượng cụm công nghiệp đã thành lập", "Clusters established", "Cụm", "clusters",
     K::Count},
    {"4", "Tổng diện tích các cụm công nghiệp đã thành lập", "Area of the clusters established",
     "ha", "ha", K::Area},
    {"5", "Số lượng cụm công nghiệp đã thành lập trong kỳ báo cáo",
     "Clusters established in the period", "Cụm", "clusters", K::Count},
    {"6", "Tổng diện tích các cụm công nghiệp đã thành lập trong kỳ báo cáo",
     "Area of the clusters established in the period", "ha", "ha", K::Area},
    {"7", "Số lượng cụm công nghiệp do doanh nghiệp làm chủ đầu tư xây dựng hạ tầng kỹ thuật",
     "Clusters whose infrastructure developer is an enterprise", "Cụm", "clusters", K::Count},
    {"8",
     "Tổng diện tích các cụm công nghiệp do doanh nghiệp làm chủ đầu tư xây dựng hạ tầng kỹ thuật",
     "Area of the clusters whose infrastructure developer is an enterprise", "ha", "ha", K::Area},
    {"9", "Số lượng cụm công nghiệp đã được phê duyệt quy hoạch chi tiết",
     "Clusters with an approved detailed plan", "Cụm", "clusters", K::Count},
    {"10", "Tổng diện tích các cụm công nghiệp đã được phê duyệt quy hoạch chi tiết",
     "Area of the clusters with an approved detailed plan", "ha", "ha", K::Area},
    {"11", "Số lượng cụm công nghiệp đã được phê duyệt dự án đầu tư xây dựng hạ tầng kỹ thuật",
     "Clusters with an approved infrastructure investment project", "Cụm", "clusters", K::Count},
    {"12",
     "Tổng diện tích các cụm công nghiệp đã được phê duyệt dự án đầu tư xây dựng hạ tầng kỹ thuật",
     "Area of the clusters with an approved infrastructure investment project", "ha", "ha",
     K::Area},
    {"13",
     "Tổng vốn đầu tư xây dựng hạ tầng kỹ thuật của các cụm công nghiệp (tính theo dự án được phê "
     "duyệt)",
     "Total infrastructure investment of the clusters (as approved)", "Tỷ đồng", "bn VND", K::Vnd},
    {"14",
     "Tổng vốn đã đầu tư xây dựng hạ tầng kỹ thuật của các cụm công nghiệp (tổng vốn lũy kế đã "
     "thanh toán)",
     "Invested in the clusters' infrastructure (cumulative paid)", "Tỷ đồng", "bn VND", K::Vnd},
    {"III", "Hoạt động của các cụm công nghiệp", "Operation of the clusters", "", "", K::Section},
    {"15", "Số lượng cụm công nghiệp đã hoạt động (đã có dự án đầu tư trong cụm): (15.1+15.2)",
     "Clusters in operation (with a tenant project): (15.1+15.2)", "Cụm", "clusters", K::Count},
    {"15.1", "Số lượng cụm công nghiệp hoạt động đã thành lập",
     "Clusters in operation, established", "Cụm", "clusters", K::Count},
    {"15.2", "Số lượng cụm công nghiệp hoạt động nhưng chưa thành lập",
     "Clusters in operation, not yet established", "Cụm", "clusters", K::Count},
    {"15.3", "Số lượng cụm công nghiệp làng nghề đã hoạt động",
     "Craft-village clusters in operation", "Cụm", "clusters", K::Count},
    {"15.4", "Số lượng cụm công nghiệp chuyên ngành đã hoạt động",
     "Specialised clusters in operation", "Cụm", "clusters", K::Count},
    {"16", "Tổng diện tích các cụm công nghiệp đã hoạt động: (16.1+16.2)",
     "Area of the clusters in operation: (16.1+16.2)", "ha", "ha", K::Area},
    {"16.1", "Tổng diện tích các cụm công nghiệp hoạt động đã thành lập",
     "Area of the clusters in operation, established", "ha", "ha", K::Area},
    {"16.2", "Tổng diện tích các cụm công nghiệp đã hoạt động nhưng chưa thành lập",
     "Area of the clusters in operation, not yet established", "ha", "ha", K::Area},
    {"16.3", "Tổng diện tích các cụm công nghiệp làng nghề đã hoạt động",
     "Area of the craft-village clusters in operation", "ha", "ha", K::Area},
    {"16.4", "Tổng diện tích các cụm công nghiệp chuyên ngành đã hoạt động",
     "Area of the specialised clusters in operation", "ha", "ha", K::Area},
    {"17",
     "Tổng diện tích đất công nghiệp của các cụm công nghiệp đã hoạt động (tính theo quy hoạch chi "
     "tiết đã được duyệt)",
     "Industrial land of the clusters in operation (per the approved detailed plan)", "ha", "ha",
     K::Area},
    {"18", "Tổng diện tích đất công nghiệp đã cho thuê tại các cụm công nghiệp",
     "Industrial land leased in the clusters", "ha", "ha", K::Area},
    {"19", "Tỷ lệ lấp đầy bình quân của các cụm công nghiệp đã hoạt động",
     "Average occupancy of the clusters in operation", "%", "%", K::Percent},
    {"20", "Tổng số dự án đầu tư sản xuất kinh doanh trong các cụm công nghiệp",
     "Tenant projects in the clusters", "Dự án", "projects", K::Count},
    {"21", "Số dự án đầu tư sản xuất kinh doanh có vốn đầu tư nước ngoài trong các cụm công nghiệp",
     "Foreign-invested tenant projects in the clusters", "Dự án", "projects", K::Count},
    {"22", "Số dự án đầu tư sản xuất kinh doanh đang hoạt động trong các cụm công nghiệp",
     "Tenant projects operating in the clusters", "Dự án", "projects", K::Count},
    {"23", "Tổng doanh thu của các dự án đầu tư trong các cụm công nghiệp trong kỳ báo cáo",
     "Revenue of the tenant projects in the period", "Tỷ đồng", "bn VND", K::Vnd},
    {"24", "Nộp ngân sách nhà nước của các dự án đầu tư trong các cụm công nghiệp trong kỳ báo cáo",
     "State budget payments of the tenant projects in the period", "Tỷ đồng", "bn VND", K::Vnd},
    {"25", "Tổng số lao động (có hợp đồng lao động) làm việc trong các cụm công nghiệp",
     "Workers (with labour contracts) in the clusters", "Người", "persons", K::People},
    {"26", "Số cụm công nghiệp đã và đang đầu tư hệ thống xử lý nước thải tập trung",
     "Clusters that have built or are building a central wastewater plant", "Cụm", "clusters",
     K::Count},
    {"27", "Số cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường",
     "Clusters whose central wastewater plant meets the environmental standard", "Cụm", "clusters",
     K::Count},
};

const FormDefinition kDefinitions[] = {
    {StatutoryForm::Tenant01, "Tình hình hoạt động của dự án đầu tư trong cụm công nghiệp",
     "Activity of a tenant project in an industrial cluster",
     "Tổ chức, cá nhân đầu tư sản xuất kinh doanh trong cụm công nghiệp",
     "Cơ quan thống kê cấp xã, Ủy ban nhân dân cấp xã",
     "NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT CỦA ĐƠN VỊ BÁO CÁO", kForm01},
    {StatutoryForm::Developer02,
     "Tình hình hoạt động của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp",
     "Activity of an industrial cluster's infrastructure project",
     "Chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp",
     "Cơ quan thống kê cấp xã, Ủy ban nhân dân cấp xã, Sở Công Thương",
     "NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT CỦA ĐƠN VỊ BÁO CÁO", kForm02},
    {StatutoryForm::Commune03, "Tổng hợp tình hình cụm công nghiệp trên địa bàn cấp xã",
     "Industrial clusters in the commune or ward: summary", "Ủy ban nhân dân cấp xã",
     "Ủy ban nhân dân cấp tỉnh, Sở Công Thương", "TM. ỦY BAN NHÂN DÂN", kForm03},
    {StatutoryForm::City04, "Tổng hợp tình hình cụm công nghiệp trên địa bàn cấp tỉnh",
     "Industrial clusters in the city: summary", "Sở Công Thương",
     "Ủy ban nhân dân cấp tỉnh, Bộ Công Thương (Cục Công Thương địa phương)", "GIÁM ĐỐC", kForm03},
};

struct Scale
{
    int digits;   // base unit → form unit: 10^digits
    int decimals; // shown
};

Scale scaleOf(IndicatorKind kind)
{
    switch (kind)
    {
    case K::Vnd:
        return {9, 3};
    case K::Area:
        return {4, 4};
    case K::Percent:
        return {2, 2};
    case K::Income:
        return {6, 2};
    default:
        return {0, 0};
    }
}

// "1.100,5" → "1100,5"; "600.000.000" → "600000000"; "30.6" stays (a decimal point).
std::string withoutGrouping(std::string_view text)
{
    std::string out(text);
    const bool comma = out.find(',') != std::string::npos;
    bool groupedByDots = !comma && out.find('.') != std::string::npos;
    for (std::size_t at = out.find('.'); groupedByDots && at != std::string::npos;
         at = out.find('.', at + 1))
    {
        const auto next = out.find('.', at + 1);
        const auto groupEnd = next == std::string::npos ? out.size() : next;
        groupedByDots = groupEnd - at - 1 == 3;
    }
    if (comma || groupedByDots)
        out.erase(std::remove(out.begin(), out.end(), '.'), out.end());
    return out;
}
} // namespace

const FormDefinition& definitionOf(StatutoryForm form)
{
    for (const auto& definition : kDefinitions)
        if (definition.form == form)
            return definition;
    return kDefinitions[0];
}

std::string formatIndicator(IndicatorKind kind, long long value, bool english)
{
    const auto scale = scaleOf(kind);
    return formatScaledDecimal(value, scale.digits, scale.decimals, english ? '.' : ',',
                               english ? "," : ".");
}

double indicatorInFormUnit(IndicatorKind kind, long long value)
{
    double divisor = 1;
    for (int i = 0; i < scaleOf(kind).digits; ++i)
        divisor *= 10;
    return static_cast<double>(value) / divisor;
}

std::optional<long long> parseIndicator(IndicatorKind kind, std::string_view text)
{
    if (kind == K::Section)
        return std::nullopt;
    const auto value = parseScaledDecimal(withoutGrouping(text), scaleOf(kind).digits);
    if (!value || *value < 0 || (kind == K::Flag && *value > 1))
        return std::nullopt;
    return *value;
}

} // namespace tracker
