#pragma once

namespace tracker::persistence
{

// The outcome of saving over a version: saved, or someone saved first and this is theirs.
template <typename Record> struct SaveResult
{
    bool saved = false;
    Record current; // after the save, or the newer version that stopped it
};

} // namespace tracker::persistence
