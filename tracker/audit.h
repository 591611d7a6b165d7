#pragma once

#include "tracker/model.h"

#include <string>
#include <vector>

namespace tracker
{

// One field of one record before and after a change; "" on one side for a creation.
struct FieldChange
{
    std::string field;
    std::string before;
    std::string after;
};

using FieldChanges = std::vector<FieldChange>;

// The fields that differ, by their column names, in a form people can read in the log.
FieldChanges changesBetween(const Cluster& before, const Cluster& after);
FieldChanges changesBetween(const Tenant& before, const Tenant& after);
FieldChanges changesBetween(const WorkItem& before, const WorkItem& after);
// Every field of a new record, as a change from nothing.
FieldChanges creationOf(const Tenant& tenant);
FieldChanges creationOf(const ProgressReport& report);
FieldChanges creationOf(const WorkItem& item);

// {"field":{"old":"…","new":"…"},…} — what the audit log stores.
std::string toJson(const FieldChanges& changes);
std::string jsonString(const std::string& text); // quoted and escaped

} // namespace tracker
