#include "net/http/files.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tracker::net
{

std::string readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot read " + path);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

} // namespace tracker::net
