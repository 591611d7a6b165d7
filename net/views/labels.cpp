#include "net/views/labels.h"

#include "net/views/label_tables.h"

#include <map>
#include <utility>

namespace tracker::net
{
namespace
{
using Texts = std::map<std::string, std::pair<std::string, std::string>>; // key → (vi, en)

const Texts& texts()
{
    static const Texts table{
        {"site_name", {"Theo dõi cụm công nghiệp Hà Nội", "Hanoi industrial-cluster tracker"}},
        {"nav_dashboard", {"Tổng quan", "Overview"}},
        {"nav_clusters", {"Danh sách cụm", "Clusters"}},
        {"switch_language", {"English", "Tiếng Việt"}},
        {"dashboard_title",
         {"Tổng quan hạ tầng cụm công nghiệp", "Industrial-cluster infrastructure overview"}},
        {"clusters", {"Số cụm", "Clusters"}},
        {"total_area", {"Tổng diện tích", "Total area"}},
        {"planned_investment", {"Tổng mức đầu tư", "Planned investment"}},
        {"disbursed", {"Đã giải ngân", "Disbursed"}},
        {"average_progress", {"Tiến độ trung bình", "Average progress"}},
        {"occupancy", {"Tỷ lệ lấp đầy", "Occupancy"}},
        {"behind", {"Chậm tiến độ", "Behind schedule"}},
        {"reported_totals", {"Số liệu được công bố", "Reported totals"}},
        {"sum_of_records", {"Tổng các bản ghi", "Sum of records"}},
        {"coverage",
         {"Số cụm có số liệu diện tích · vốn đầu tư",
          "Clusters with an area · an investment figure"}},
        {"by_district",
         {"Theo huyện cũ (trước 1/7/2025)", "By former district (before 1 July 2025)"}},
        {"by_commune", {"Theo xã, phường", "By commune or ward"}},
        {"unverified_in_unit",
         {"Số cụm có thể nằm ở đây nhưng chưa xác minh",
          "Clusters possibly here, not yet verified"}},
        {"unverified_short", {"chưa xác minh", "unverified"}},
        {"cohort", {"Đợt danh mục", "Registry cohort"}},
        {"nav_land", {"Tìm đất", "Find land"}},
        {"compare_title", {"So sánh các cụm công nghiệp", "Compare clusters"}},
        {"compare_note",
         {"Tối đa bốn cụm: /compare?c=ma-cum-1,ma-cum-2. Hạng mục, báo cáo và nhà đầu tư thứ cấp "
          "của bản demo là dữ liệu minh họa.",
          "Up to four clusters: /compare?c=code-1,code-2. The demo's work items, reports and "
          "tenants are illustrative."}},
        {"compare_link", {"So sánh với cụm khác", "Compare with another cluster"}},
        {"enquiry_link",
         {"Gửi yêu cầu thuê đất tới chủ đầu tư", "Send an enquiry to the developer"}},
        {"subscribe_cluster_link",
         {"Nhận email hằng tuần khi cụm này chậm tiến độ",
          "Weekly email when this cluster is late"}},
        {"subscribe_commune_link",
         {"Nhận email hằng tuần về chậm tiến độ ở xã/phường này",
          "Weekly email about delays in this commune"}},
        {"subscribe_all_link",
         {"Nhận email hằng tuần về mọi cụm chậm tiến độ", "Weekly email about every delay"}},
        {"land_alert_link",
         {"Nhận email khi kết quả tìm kiếm này thay đổi", "Email me when this search changes"}},
        {"land_feed_link", {"Nguồn tin Atom của tìm kiếm này", "Atom feed of this search"}},
        {"land_sector", {"Ngành nghề", "Sector"}},
        {"plots_open", {"Lô còn trống", "Plots available"}},
        {"plots_title", {"Các lô đất chủ đầu tư công bố", "Plots the developer publishes"}},
        {"plot_label", {"Lô", "Plot"}},
        {"plot_sectors", {"Ngành nghề", "Sectors"}},
        {"answer_median_before",
         {"Chủ đầu tư trả lời nhà đầu tư trung bình (trung vị) sau",
          "The developer answers investors after a median of"}},
        {"answer_median_after", {"ngày", "days"}},
        {"answer_count", {"số yêu cầu đã trả lời", "enquiries answered"}},
        {"as_of", {"tính đến ngày", "as of"}},
        {"site_description",
         {"Tiến độ xây dựng hạ tầng, đất công nghiệp còn trống và báo cáo định kỳ của các cụm công "
          "nghiệp Hà Nội, kèm nguồn của từng số liệu.",
          "Infrastructure progress, available industrial land and statutory reports of Hanoi's "
          "industrial clusters, with the source of every figure."}},
        {"land_title", {"Tìm đất công nghiệp", "Find industrial land"}},
        {"land_intro",
         {"Đất công nghiệp chủ đầu tư có thể cho thuê (Nghị định 32/2024, Điều 19 khoản 5): đã có "
          "hạ "
          "tầng và chưa cho thuê, cùng phần sẽ có khi hạ tầng xong. Cụm chưa có số liệu đất công "
          "nghiệp được ghi rõ, không ước tính.",
          "Industrial land developers can lease (Decree 32/2024, Art. 19(5)): ready and not yet "
          "leased, and what comes when the infrastructure is finished. A cluster without "
          "industrial-land figures says so; nothing is estimated."}},
        {"land_as_of", {"Số liệu tính đến ngày", "Figures as of"}},
        {"land_sources",
         {"Đất công nghiệp: hồ sơ đăng ký của cụm; đất đã có hạ tầng, liên hệ và điều kiện thuê: "
          "hồ "
          "sơ do cán bộ hoặc chủ đầu tư nhập (nguồn ghi ở từng cụm); đất đã cho thuê: các nhà đầu "
          "tư thứ cấp đang thuê hôm nay.",
          "Industrial land: the cluster's registry entry; land with infrastructure, contact and "
          "lease terms: entered by an official or the developer (source shown per cluster); leased "
          "land: the tenants leasing today."}},
        {"land_offered", {"Có thể cho thuê", "On offer"}},
        {"land_now", {"Sẵn sàng ngay", "Available now"}},
        {"land_later", {"Sẽ có", "Available later"}},
        {"land_later_by", {"Khi hạ tầng xong (dự kiến)", "When the infrastructure is due"}},
        {"land_ready", {"Đất đã có hạ tầng", "Land with infrastructure"}},
        {"land_missing", {"Còn thiếu số liệu", "Missing figures"}},
        {"land_contact", {"Liên hệ chủ đầu tư", "Developer's contact"}},
        {"land_terms", {"Điều kiện thuê", "Lease terms"}},
        {"land_min_ha", {"Tối thiểu (ha)", "At least (ha)"}},
        {"land_ready_now", {"Sẵn sàng ngay", "Ready now"}},
        {"land_compliant", {"Có trạm xử lý nước thải đạt chuẩn", "Compliant wastewater plant"}},
        {"a8_title",
         {"Điều kiện thành lập, mở rộng cụm (Điều 8 Nghị định 32/2024/NĐ-CP)",
          "Conditions to establish or expand a cluster (Decree 32/2024, Art. 8)"}},
        {"a8_city", {"toàn thành phố", "the whole city"}},
        {"a8_per_commune",
         {"Từng xã, phường và từng cụm: xem trang của xã, phường.",
          "Each commune and each cluster: see the commune's page."}},
        {"a8_expansion",
         {"Mở rộng từng cụm (khoản 2 Điều 8)", "Expanding each cluster (Art. 8(2))"}},
        {"a8_source",
         {"Tỷ lệ lấp đầy theo Điều 2 khoản 7: đất công nghiệp đã cho thuê trên đất công nghiệp của "
          "cụm, tính từ nhà đầu tư thứ cấp đang thuê hôm nay. Điểm a, b khoản 1 (danh mục của "
          "thành "
          "phố, chủ đầu tư đề nghị) không thuộc số liệu của hệ thống.",
          "Occupancy as in Art. 2(7): industrial land leased over the cluster's industrial land, "
          "from the tenants leasing today. Points (a) and (b) of Art. 8(1) (the city's list, a "
          "developer's proposal) are not in the tracker's data."}},
        {"cohort_2022", {"Bản ghi thuộc danh sách năm 2022", "Records of 2022's list"}},
        {"cohort_later", {"Bản ghi thành lập năm", "Records established in"}},
        {"registry_as_of",
         {"Danh mục cập nhật đến quyết định thành lập mới nhất",
          "The registry holds decisions up to"}},
        {"current_unit", {"Xã, phường", "Commune or ward"}},
        {"former_districts_link", {"Xem theo huyện cũ", "See by former district"}},
        {"commune_clusters", {"Các cụm trong xã, phường", "Clusters in this commune or ward"}},
        {"formed_from",
         {"Hình thành từ (Nghị quyết 1656/NQ-UBTVQH15)",
          "Formed from (Resolution 1656/NQ-UBTVQH15)"}},
        {"former_districts", {"Trước 1/7/2025 thuộc", "Before 1 July 2025 in"}},
        {"unit_code", {"Mã đơn vị hành chính", "Administrative unit code"}},
        {"placement_source", {"Nguồn xác định xã, phường", "Source of the commune or ward"}},
        {"units_note",
         {"Từ 1/7/2025 Hà Nội không còn cấp huyện; 126 xã, phường theo Nghị quyết "
          "1656/NQ-UBTVQH15. "
          "Nơi nguồn chưa chắc chắn, trang ghi rõ \"chưa xác minh\" cho đến khi cán bộ xác nhận.",
          "Since 1 July 2025 Hanoi has no districts: 126 communes and wards under Resolution "
          "1656/NQ-UBTVQH15. Where the source is unsure, pages say \"unverified\" until an "
          "official confirms the unit."}},
        {"district", {"Huyện cũ", "Former district"}},
        {"furthest_behind", {"Các cụm chậm nhất", "Furthest behind"}},
        {"name", {"Tên cụm", "Name"}},
        {"status", {"Trạng thái", "Status"}},
        {"area", {"Diện tích", "Area"}},
        {"progress", {"Tiến độ", "Progress"}},
        {"planned", {"Kế hoạch", "Planned"}},
        {"actual", {"Thực tế", "Actual"}},
        {"gap", {"Chênh lệch", "Gap"}},
        {"search", {"Tìm kiếm", "Search"}},
        {"search_hint",
         {"tên cụm, xã/phường (mới hoặc cũ), huyện cũ, chủ đầu tư, doanh nghiệp",
          "cluster, commune or ward (current or former), former district, developer, tenant"}},
        {"all", {"Tất cả", "All"}},
        {"behind_only", {"Chỉ cụm chậm tiến độ", "Behind schedule only"}},
        {"filter", {"Lọc", "Filter"}},
        {"sort", {"Sắp xếp", "Sort"}},
        {"sort_name", {"Theo tên", "By name"}},
        {"sort_progress", {"Theo tiến độ", "By progress"}},
        {"sort_gap", {"Chậm nhất trước", "Furthest behind first"}},
        {"sort_area", {"Theo diện tích", "By area"}},
        {"no_results", {"Không có cụm nào phù hợp.", "No cluster matches."}},
        {"results", {"kết quả", "results"}},
        {"page", {"Trang", "Page"}},
        {"previous", {"Trang trước", "Previous"}},
        {"next", {"Trang sau", "Next"}},
        {"registry", {"Thông tin đăng ký", "Registry"}},
        {"commune", {"Xã, thị trấn cũ", "Former commune"}},
        {"industrial_area", {"Đất công nghiệp", "Industrial land"}},
        {"developer", {"Chủ đầu tư", "Developer"}},
        {"decision", {"Quyết định thành lập", "Establishment decision"}},
        {"source", {"Nguồn", "Source"}},
        {"source_notes", {"Ghi chú nguồn", "Source notes"}},
        {"unsourced",
         {"Chưa có nguồn công bố: số liệu cần được xác minh",
          "No published source yet: these figures are to be verified"}},
        {"work_items", {"Hạng mục", "Work items"}},
        {"work_item", {"Hạng mục", "Work item"}},
        {"planned_start", {"Bắt đầu (KH)", "Planned start"}},
        {"planned_finish", {"Hoàn thành (KH)", "Planned finish"}},
        {"budget", {"Kinh phí", "Budget"}},
        {"overdue", {"Quá hạn", "Overdue"}},
        {"reports", {"Báo cáo tiến độ", "Progress reports"}},
        {"report_date", {"Ngày báo cáo", "Report date"}},
        {"note", {"Ghi chú", "Note"}},
        {"author", {"Người báo cáo", "Author"}},
        {"tenants", {"Nhà đầu tư thứ cấp", "Secondary tenants"}},
        {"company", {"Doanh nghiệp", "Company"}},
        {"tax_code", {"Mã số thuế", "Tax code"}},
        {"sector", {"Ngành nghề", "Sector"}},
        {"leased_area", {"Diện tích thuê", "Leased area"}},
        {"jobs", {"Lao động", "Jobs"}},
        {"no_tenants", {"Chưa có nhà đầu tư thứ cấp.", "No tenants yet."}},
        {"no_reports", {"Chưa có báo cáo.", "No reports yet."}},
        {"last_report", {"Báo cáo gần nhất", "Latest report"}},
        {"illustrative_notice",
         {"Hạng mục, báo cáo tiến độ, nhà đầu tư thứ cấp và trạng thái là dữ liệu minh họa, không "
          "phải số liệu thật. Thông tin đăng ký (tên, diện tích, vốn, chủ đầu tư) lấy từ nguồn "
          "công khai.",
          "Work items, progress reports, tenants and statuses are illustrative, not real figures. "
          "Registry facts (name, area, investment, developer) come from public sources."}},
        {"illustrative", {"minh họa", "illustrative"}},
        {"basis_total_area",
         {"so với tổng diện tích (chưa có số liệu đất công nghiệp)",
          "of total area (industrial land unknown)"}},
        {"nav_map", {"Bản đồ", "Map"}},
        {"nav_delays", {"Chậm tiến độ", "Delays"}},
        {"map_title",
         {"Bản đồ cụm công nghiệp theo huyện cũ", "Map of clusters by former district"}},
        {"map_note",
         {"Chưa có tọa độ của từng cụm: mỗi cụm được đặt tại tâm huyện cũ của nó. Bản đồ vẽ ranh "
          "giới "
          "các quận, huyện cũ (trước 1/7/2025) vì chưa có dữ liệu ranh giới mở của 126 xã, phường "
          "mới.",
          "No cluster has its own coordinates yet: each is placed at its former district's centre. "
          "The map draws the former districts (before 1 July 2025) because no open boundary data "
          "of the 126 new communes and wards exists yet."}},
        {"map_attribution",
         {"Ranh giới quận, huyện cũ: OCHA ROAP / Chính phủ Việt Nam, qua geoBoundaries, CC BY 3.0 "
          "IGO.",
          "Former district boundaries: OCHA ROAP / Government of Viet Nam, via geoBoundaries, CC "
          "BY 3.0 "
          "IGO."}},
        {"legend", {"Chú giải", "Legend"}},
        {"district_clusters", {"Các cụm trong huyện cũ", "Clusters in the former district"}},
        {"delays_title", {"Dự án đang chậm tiến độ", "Projects currently delayed"}},
        {"delays_intro",
         {"Các cảnh báo do lần quét hằng ngày nêu ra: hạng mục quá hạn, chậm so với kế hoạch, "
          "không báo cáo, giải ngân chậm, dự báo hoàn thành muộn, tỷ lệ lấp đầy thấp.",
          "What the daily scan flagged: overdue work items, behind schedule, no recent report, "
          "slow disbursement, forecast to finish late, low occupancy."}},
        {"severity", {"Mức độ", "Severity"}},
        {"measure", {"Số liệu", "Figures"}},
        {"acknowledged", {"Đã ghi nhận", "Acknowledged"}},
        {"resolved_recently", {"Đã hết chậm trong 30 ngày qua", "Resolved in the last 30 days"}},
        {"delay_history", {"Lịch sử cảnh báo chậm tiến độ", "Delay history"}},
        {"rule", {"Quy tắc", "Rule"}},
        {"rule_overdue_work_item", {"Hạng mục quá hạn", "Overdue work item"}},
        {"since", {"Từ ngày", "Since"}},
        {"days_late", {"Số ngày chậm (lần quét gần nhất)", "Days late (at the last scan)"}},
        {"done", {"Đã xong", "Done"}},
        {"no_delays", {"Không có dự án nào chậm tiến độ.", "No project is delayed."}},
        {"downloads", {"Tải dữ liệu", "Downloads"}},
        {"download_clusters", {"Danh sách cụm", "Cluster list"}},
        {"download_tenants", {"Nhà đầu tư thứ cấp", "Tenants"}},
        {"download_feed", {"Nguồn tin Atom", "Atom feed"}},
        {"schedule_chart",
         {"Tiến độ các hạng mục: kế hoạch và thực tế", "Work items: planned and actual"}},
        {"physical_curve", {"Tiến độ thi công lũy kế", "Cumulative physical progress"}},
        {"financial_curve", {"Giải ngân lũy kế", "Cumulative disbursement"}},
        {"planned_curve", {"Kế hoạch", "Planned"}},
        {"actual_curve", {"Thực tế (theo báo cáo)", "Actual (as reported)"}},
        {"resolved_more_before", {"Và", "And"}},
        {"resolved_more_after",
         {"cảnh báo khác đã hết trong 30 ngày qua (xem API /api/v1/delays?state=resolved).",
          "more flags resolved in the last 30 days (see the API, /api/v1/delays?state=resolved)."}},
        {"original_curve", {"Kế hoạch gốc (số 1)", "Original plan (baseline 1)"}},
        {"current_plan_curve", {"Kế hoạch hiện hành (số ", "Current plan (baseline "}},
        {"code", {"Mã", "Code"}},
        {"points", {"điểm %", "pts"}},
        {"new_title", {"Mới chậm tiến độ trong tuần", "Newly delayed this week"}},
        {"still_title", {"Vẫn đang chậm", "Still delayed"}},
        {"resolved_title", {"Đã hết chậm trong tuần", "Resolved this week"}},
        {"days", {"ngày", "days"}},
        {"confirmed_doubts", {"Số liệu bất thường đã được xác nhận", "Unusual figures confirmed"}},
        {"doubt_progress_decrease", {"tiến độ giảm", "progress lowered"}},
        {"doubt_disbursed_decrease", {"giải ngân lũy kế giảm", "cumulative disbursement lowered"}},
        {"doubt_disbursed_above_plan",
         {"giải ngân vượt xa kế hoạch", "disbursed far above the plan"}},
        {"doubt_contradicts_later", {"khác báo cáo sau đó", "contradicts a later report"}},
        {"doubt_before_cluster", {"trước ngày thành lập cụm", "dated before the cluster"}},
        {"doubt_lease_above_land", {"diện tích thuê vượt quỹ đất", "leases above the land"}},
        {"doubt_duplicate_tax_code", {"mã số thuế trùng", "tax code held by another company"}},
        {"delayed_for", {"đã chậm", "delayed for"}},
        {"resolved_on", {"hết chậm ngày", "resolved on"}},
        {"all_delays", {"Tất cả dự án đang chậm", "Every current delay"}},
        {"why",
         {"Quý vị nhận thư này vì đã đăng ký theo dõi tiến độ cụm công nghiệp Hà Nội.",
          "You receive this because you subscribed to Hanoi industrial-cluster delays."}},
        {"unsubscribe", {"Hủy đăng ký", "Unsubscribe"}},
        {"unsubscribe_title", {"Hủy đăng ký nhận thư", "Unsubscribe"}},
        {"unsubscribe_confirm",
         {"Ngừng nhận thư tổng hợp hằng tuần gửi tới", "Stop the weekly digest sent to"}},
        {"unsubscribe_button", {"Hủy đăng ký", "Unsubscribe"}},
        {"unsubscribed",
         {"Đã hủy đăng ký. Bạn sẽ không nhận thư này nữa.",
          "You are unsubscribed and will not receive this email again."}},
        {"unsubscribe_invalid",
         {"Liên kết hủy đăng ký không hợp lệ.", "This unsubscribe link is not valid."}},
        {"policy_title", {"Chính sách công bố dữ liệu", "Data publication policy"}},
        {"policy_what",
         {"Trang này công bố sổ đăng ký các cụm công nghiệp của Hà Nội (mỗi cụm ghi rõ nguồn), "
          "tiến độ xây dựng hạ tầng và giải ngân theo các báo cáo, và các doanh nghiệp thứ cấp. "
          "Dữ liệu minh họa luôn được ghi rõ là minh họa.",
          "This site publishes the registry of Hanoi's industrial clusters (each with its "
          "source), the infrastructure progress and disbursement as reported, and the secondary "
          "tenants. Illustrative data is always marked as such."}},
        {"policy_how",
         {"Dữ liệu được công bố ngay khi được ghi nhận: các trang, API JSON "
          "(/api/v1/openapi.json), tệp CSV và XLSX, và gói dữ liệu theo chuẩn OC4IDS 0.9.5 "
          "(/api/v1/oc4ids.json), cập nhật hằng ngày. Trong gói OC4IDS, tiến độ và giải ngân đã "
          "báo cáo có một số liệu mỗi tháng: số liệu của báo cáo cuối cùng trong tháng.",
          "Data is published as soon as it is recorded: the pages, the JSON API "
          "(/api/v1/openapi.json), CSV and XLSX downloads, and an OC4IDS 0.9.5 package "
          "(/api/v1/oc4ids.json), refreshed daily. In the OC4IDS package, reported progress "
          "and disbursement have one observation a month: the figure of the month's last "
          "report."}},
        {"policy_ids",
         {"Mã dự án OC4IDS có dạng hanoi-ccn-MÃ-CỤM. Tiền tố này chưa được đăng ký với Open "
          "Contracting Partnership.",
          "OC4IDS project ids read hanoi-ccn-CLUSTER-CODE. The prefix is not registered with "
          "the Open Contracting Partnership."}},
        {"policy_licence",
         {"Giấy phép: Creative Commons Ghi công 4.0 (CC BY 4.0). Dữ liệu cá nhân của người "
          "đăng ký nhận thư không bao giờ được công bố.",
          "Licence: Creative Commons Attribution 4.0 (CC BY 4.0). Personal data of subscribers "
          "is never published."}},
        {"not_found_title", {"Không tìm thấy", "Not found"}},
        {"not_found_text",
         {"Không có trang hoặc cụm công nghiệp này.", "There is no such page or cluster."}},
        {"back_to_list", {"Về danh sách cụm", "Back to the cluster list"}},
        {"error_unavailable", {"Tạm thời không truy cập được", "Temporarily unavailable"}},
        {"error_unavailable_text",
         {"Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.",
          "The database is unavailable for a moment. Please try again shortly."}},
        {"error_method", {"Thao tác không được hỗ trợ", "Method not allowed"}},
        {"error_method_text",
         {"Trang này không nhận thao tác đó.", "This page does not accept that method."}},
        {"error_bad_request", {"Yêu cầu không hợp lệ", "Bad request"}},
        {"error_bad_request_text",
         {"Yêu cầu hoặc biểu mẫu không hợp lệ hoặc quá lớn.",
          "The request or its form is malformed or too large."}},
        {"error_internal", {"Lỗi máy chủ", "Server error"}},
        {"error_internal_text",
         {"Đã có lỗi trên máy chủ; lỗi đã được ghi lại.",
          "Something went wrong on the server; it has been logged."}},
        {"rebaselined",
         {"Kế hoạch của các hạng mục đã được điều chỉnh; các kế hoạch gốc trước vẫn được lưu:",
          "The work-item plan has been re-baselined; the earlier baselines are kept:"}},
        {"footer_data",
         {"Dữ liệu đăng ký: các bài báo công khai, xem nguồn từng cụm.",
          "Registry data: public articles; see each cluster's source."}},
    };
    return table;
}
} // namespace

std::string label(Language language, const std::string& key)
{
    const auto found = texts().find(key);
    const auto& entry = found != texts().end() ? found->second : officeTexts().at(key);
    return language == Language::Vi ? entry.first : entry.second;
}

kainjow::mustache::data pageLabels(Language language)
{
    kainjow::mustache::data labels;
    for (const auto* table : {&texts(), &officeTexts()})
        for (const auto& [key, entry] : *table)
            labels.set(key, language == Language::Vi ? entry.first : entry.second);
    return labels;
}

} // namespace tracker::net
