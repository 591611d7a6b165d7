#include "net/views/investor_mail.h"

namespace tracker::net
{
namespace
{
constexpr const char* kSubjectPrefixVi = "[Cụm công nghiệp Hà Nội] ";
constexpr const char* kSubjectPrefixEn = "[Hanoi industrial clusters] ";

bool english(const std::string& language)
{
    return language == "en";
}

std::string areaText(const std::optional<SquareMetres>& area, Language language)
{
    return area ? Formatter(language).hectares(area) : "—";
}

std::string enquiryDetails(const Enquiry& e, Language language)
{
    const bool en = language == Language::En;
    std::string text;
    text += (en ? "Name: " : "Họ tên: ") + e.name + "\n";
    if (!e.company.empty())
        text += (en ? "Company: " : "Công ty: ") + e.company + "\n";
    text += "Email: " + e.email + "\n";
    if (!e.phone.empty())
        text += (en ? "Phone: " : "Điện thoại: ") + e.phone + "\n";
    text +=
        (en ? "Area needed: " : "Diện tích cần thuê: ") + areaText(e.areaNeeded, language) + "\n";
    if (!e.sector.empty())
        text += (en ? "Sector: " : "Ngành nghề: ") + e.sector + "\n";
    text += (en ? "Message:\n" : "Nội dung:\n") + e.message + "\n";
    return text;
}
} // namespace

persistence::QueuedMail enquiryForDeveloper(const Enquiry& enquiry, const Cluster& cluster,
                                            const std::string& recipient,
                                            const std::string& recipientName,
                                            const std::string& baseUrl)
{
    persistence::QueuedMail mail;
    mail.recipient = recipient;
    mail.recipientName = recipientName;
    mail.language = "vi";
    mail.subject = std::string(kSubjectPrefixVi) + "Yêu cầu thuê đất mới: " + cluster.nameVi;
    const std::string link = baseUrl + "/admin/enquiries/" + std::to_string(enquiry.id);
    mail.body = "Kính gửi chủ đầu tư " +
                (cluster.developer.empty() ? cluster.nameVi : cluster.developer) +
                ",\n\nMột nhà đầu tư gửi yêu cầu về " + cluster.nameVi + " ngày " +
                enquiry.createdOn.vietnamese() + ":\n\n" + enquiryDetails(enquiry, Language::Vi) +
                "\nTrả lời trực tiếp nhà đầu tư qua email hoặc điện thoại ở trên, rồi đánh dấu "
                "“đã trả lời” tại:\n" +
                link +
                "\nThời gian trả lời trung bình của chủ đầu tư được công bố trên trang của cụm.\n"
                "Thông tin này là dữ liệu cá nhân: chỉ dùng để trả lời yêu cầu, không công khai.\n"
                "\n--\nA new enquiry about " +
                cluster.nameVi +
                " (details above). Answer the investor directly, then mark it "
                "answered at the link above. This is personal data: use it only to answer.\n";
    return mail;
}

persistence::QueuedMail enquiryReceipt(const Enquiry& enquiry, const Cluster& cluster,
                                       bool developerReached, const std::string& baseUrl)
{
    const Language language = english(enquiry.language) ? Language::En : Language::Vi;
    const bool en = language == Language::En;
    persistence::QueuedMail mail;
    mail.recipient = enquiry.email;
    mail.recipientName = enquiry.name;
    mail.language = enquiry.language;
    mail.subject =
        en ? std::string(kSubjectPrefixEn) + "Your enquiry about " + cluster.nameVi
           : std::string(kSubjectPrefixVi) + "Đã nhận yêu cầu của bạn về " + cluster.nameVi;
    const std::string page = baseUrl + "/clusters/" + cluster.code + (en ? "?lang=en" : "");
    const std::string who = developerReached ? (en ? "the developer" : "chủ đầu tư")
                                             : (en ? "the Department of Industry and Trade, "
                                                     "since the developer has no email on record"
                                                   : "Sở Công Thương, vì chủ đầu tư chưa có "
                                                     "email trên hệ thống");
    mail.body = (en ? "Dear " : "Kính gửi ") + enquiry.name + ",\n\n" +
                (en ? "Your enquiry about " + cluster.nameVi + " has been passed to " + who +
                          ", who will answer you directly. What you sent:\n\n"
                    : "Yêu cầu của bạn về " + cluster.nameVi + " đã được chuyển tới " + who +
                          "; chủ đầu tư sẽ liên hệ trực tiếp với bạn. Nội dung đã gửi:\n\n") +
                enquiryDetails(enquiry, language) + "\n" +
                (en ? "It is not published anywhere. The cluster's page: "
                    : "Thông tin này không được công khai. Trang của cụm: ") +
                page + "\n\n" +
                (en ? "If you did not send this, ignore this email.\n"
                    : "Nếu bạn không gửi yêu cầu này, hãy bỏ qua email.\n");
    return mail;
}

persistence::QueuedMail optInConfirmation(const Subscription& s, const std::string& whatItFollows,
                                          const std::string& confirmUrl, int validHours)
{
    const bool en = english(s.language);
    persistence::QueuedMail mail;
    mail.recipient = s.email;
    mail.recipientName = s.name;
    mail.language = s.language;
    mail.subject = en ? std::string(kSubjectPrefixEn) + "Confirm your subscription"
                      : std::string(kSubjectPrefixVi) + "Xác nhận đăng ký nhận email";
    const std::string hours = std::to_string(validHours);
    mail.body = en ? "Someone, probably you, asked to receive by email: " + whatItFollows +
                         ".\n\nTo confirm, open this link within " + hours +
                         " hours and press the button:\n" + confirmUrl +
                         "\n\nUntil you confirm, nothing else will be sent to this address. If "
                         "you did not ask, ignore this email.\n"
                   : "Có người, có thể là bạn, đã đăng ký nhận qua email: " + whatItFollows +
                         ".\n\nĐể xác nhận, mở liên kết sau trong vòng " + hours +
                         " giờ và bấm nút xác nhận:\n" + confirmUrl +
                         "\n\nNếu chưa xác nhận, địa chỉ này sẽ không nhận thêm email nào. Nếu "
                         "bạn không đăng ký, hãy bỏ qua email này.\n";
    return mail;
}

persistence::QueuedMail landAlert(const Subscription& s, const std::string& whatItFollows,
                                  const std::vector<LandAlertLine>& matches, int gone,
                                  const std::string& searchUrl, const std::string& manageUrl,
                                  const std::string& unsubscribeUrl)
{
    const bool en = english(s.language);
    const Language language = en ? Language::En : Language::Vi;
    persistence::QueuedMail mail;
    mail.recipient = s.email;
    mail.recipientName = s.name;
    mail.language = s.language;
    mail.unsubscribeUrl = unsubscribeUrl;
    const std::string count = std::to_string(matches.size());
    mail.subject = en ? std::string(kSubjectPrefixEn) + count + " match(es): " + whatItFollows
                      : std::string(kSubjectPrefixVi) + count + " cụm phù hợp: " + whatItFollows;
    std::string text = en ? "Your saved search (" + whatItFollows + ") has changed.\n\n"
                          : "Kết quả tìm kiếm đã lưu (" + whatItFollows + ") đã thay đổi.\n\n";
    for (const auto& m : matches)
        text += "- " + m.name + ": " + areaText(m.offered, language) +
                (m.change == "new"       ? (en ? " (new)" : " (mới)")
                 : m.change == "changed" ? (en ? " (changed)" : " (thay đổi)")
                                         : "") +
                "\n  " + m.href + "\n";
    if (gone > 0)
        text += en ? std::to_string(gone) + " cluster(s) no longer match.\n"
                   : std::to_string(gone) + " cụm không còn phù hợp.\n";
    text += (en ? "\nThe search: " : "\nTrang tìm kiếm: ") + searchUrl + "\n" +
            (en ? "Your subscriptions: " : "Quản lý đăng ký: ") + manageUrl + "\n" +
            (en ? "Unsubscribe: " : "Hủy đăng ký: ") + unsubscribeUrl + "\n";
    mail.body = text;
    return mail;
}

} // namespace tracker::net
