#pragma once

#include "tracker/model.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace tracker::persistence
{

// A seed file that cannot be read as the product expects: names the file, row and column.
class SeedFileError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// etc/seed/clusters.csv → registry records, every figure converted exactly.
std::vector<Cluster> readSeedClusters(const std::string& path);
// etc/seed/reported-totals.csv → the headline figures sources reported.
std::vector<ReportedTotals> readReportedTotals(const std::string& path);

// One CSV file as rows of fields keyed by the header (UTF-8, with or without BOM).
std::vector<std::vector<std::string>> readCsv(const std::string& path);
// The same from bytes in memory (UTF-8, with or without a byte-order mark); throws
// SeedFileError naming the row where the CSV breaks.
std::vector<std::vector<std::string>> parseCsv(std::string content);

} // namespace tracker::persistence
