#include "persistence/seed_reader.h"

#include "tracker/decimal.h"

#include <algorithm>
#include <csv.h>
#include <fstream>
#include <iterator>
#include <map>

namespace tracker::persistence
{
namespace
{
struct CsvCollector
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
};

void onField(void* field, std::size_t length, void* data)
{
    auto* collector = static_cast<CsvCollector*>(data);
    collector->current.emplace_back(static_cast<const char*>(field), length);
}

void onRowEnd(int, void* data)
{
    auto* collector = static_cast<CsvCollector*>(data);
    collector->rows.push_back(std::move(collector->current));
    collector->current.clear();
}

// Rows as maps from header name to field, with the row's number in the file for messages.
struct Record
{
    std::size_t line;
    std::map<std::string, std::string> fields;
};

std::vector<Record> readRecords(const std::string& path, const std::vector<std::string>& required)
{
    const auto rows = readCsv(path);
    if (rows.empty())
        throw SeedFileError(path + ": the file is empty");
    const auto& header = rows.front();
    for (const auto& name : required)
    {
        if (std::find(header.begin(), header.end(), name) == header.end())
            throw SeedFileError(path + ": the header has no column '" + name + "'");
    }
    std::vector<Record> records;
    for (std::size_t i = 1; i < rows.size(); ++i)
    {
        if (rows[i].size() != header.size())
            throw SeedFileError(path + ": row " + std::to_string(i + 1) + " has " +
                                std::to_string(rows[i].size()) + " fields, the header " +
                                std::to_string(header.size()));
        Record record{i + 1, {}};
        for (std::size_t c = 0; c < header.size(); ++c)
            record.fields[header[c]] = rows[i][c];
        records.push_back(std::move(record));
    }
    return records;
}

std::optional<std::int64_t> scaled(const std::string& path, const Record& record,
                                   const std::string& column, int scale)
{
    const std::string& text = record.fields.at(column);
    if (text.empty())
        return std::nullopt; // unknown stays unknown
    const auto value = parseScaledDecimal(text, scale);
    if (!value)
        throw SeedFileError(path + ": row " + std::to_string(record.line) + ", column " + column +
                            ": '" + text + "' is not a number this column can hold exactly");
    return value;
}

// The cluster's current xã/phường and how sure the source is of them.
void readPlacement(const std::string& path, const Record& r, Cluster& c)
{
    // The unit columns are optional: a registry file written before 2025 places nothing.
    const auto field = [&](const char* name)
    {
        const auto found = r.fields.find(name);
        return found == r.fields.end() ? std::string() : found->second;
    };
    const auto where = path + ": row " + std::to_string(r.line);
    const auto units = parsePlacedUnits(field("unit_codes"));
    const auto basisText = field("unit_basis");
    const auto basis = unitBasisFromCode(basisText.empty() ? "unmapped" : basisText);
    if (!units || !basis)
        throw SeedFileError(where + ": unit_codes must be five-digit codes (a candidate ends in ?) "
                                    "and unit_basis one of resolution, merger, inferred, guess, "
                                    "split, confirmed, unmapped");
    c.units = *units;
    c.unitBasis = *basis;
    c.unitSource = field("unit_source");
    c.unitNote = field("unit_note");
    const auto cohort = field("cohort").empty() ? std::nullopt : scaled(path, r, "cohort", 0);
    c.cohort = static_cast<int>(cohort.value_or(2022));
}

Cluster clusterFromRecord(const std::string& path, const Record& r)
{
    Cluster c;
    c.code = r.fields.at("code");
    c.nameVi = r.fields.at("name_vi");
    c.district = r.fields.at("district");
    if (c.code.empty() || c.nameVi.empty() || c.district.empty())
        throw SeedFileError(path + ": row " + std::to_string(r.line) +
                            ": code, name_vi and district are required");
    c.commune = r.fields.at("commune");
    c.totalArea = scaled(path, r, "area_ha", kSquareMetresPerHectareDigits);
    c.industrialArea = scaled(path, r, "industrial_area_ha", kSquareMetresPerHectareDigits);
    c.plannedInvestment = scaled(path, r, "investment_billion_vnd", kVndPerBillionDigits);
    c.developer = r.fields.at("developer");
    c.decisionNumber = r.fields.at("decision_number");
    c.decisionDate = r.fields.at("decision_date");
    c.sourceUrl = r.fields.at("source_url");
    c.sourceNotes = r.fields.at("notes");
    c.provenance = Provenance::Sourced;
    readPlacement(path, r, c);
    return c;
}
} // namespace

std::vector<std::vector<std::string>> readCsv(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw SeedFileError(path + ": cannot open the file");
    std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    try
    {
        return parseCsv(std::move(content));
    }
    catch (const SeedFileError& error)
    {
        throw SeedFileError(path + ": " + error.what());
    }
}

std::vector<std::vector<std::string>> parseCsv(std::string content)
{
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) // Excel writes a byte-order mark
        content.erase(0, 3);
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI);
    CsvCollector collector;
    const bool parsed = csv_parse(&parser, content.data(), content.size(), onField, onRowEnd,
                                  &collector) == content.size() &&
                        csv_fini(&parser, onField, onRowEnd, &collector) == 0;
    const std::string problem = parsed ? "" : csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!parsed)
        throw SeedFileError("not valid CSV (" + problem + ") near row " +
                            std::to_string(collector.rows.size() + 1));
    return collector.rows;
}

std::vector<Cluster> readSeedClusters(const std::string& path)
{
    std::vector<Cluster> clusters;
    for (const auto& record :
         readRecords(path, {"code", "name_vi", "district", "commune", "area_ha",
                            "industrial_area_ha", "investment_billion_vnd", "developer",
                            "decision_number", "decision_date", "source_url", "notes"}))
        clusters.push_back(clusterFromRecord(path, record));
    return clusters;
}

std::vector<ReportedTotals> readReportedTotals(const std::string& path)
{
    std::vector<ReportedTotals> totals;
    for (const auto& r : readRecords(path, {"year", "cluster_count", "area_ha",
                                            "investment_billion_vnd", "qualifier", "source"}))
    {
        ReportedTotals t;
        t.year = static_cast<int>(scaled(path, r, "year", 0).value_or(0));
        t.clusterCount = static_cast<int>(scaled(path, r, "cluster_count", 0).value_or(0));
        t.area = scaled(path, r, "area_ha", kSquareMetresPerHectareDigits).value_or(0);
        t.investment = scaled(path, r, "investment_billion_vnd", kVndPerBillionDigits).value_or(0);
        t.qualifier = r.fields.at("qualifier");
        t.source = r.fields.at("source");
        totals.push_back(t);
    }
    return totals;
}

} // namespace tracker::persistence
