#include "net/app/memory_return.h"
#include "net/app/tracker_app.h"

#include <Poco/Exception.h>
#include <iostream>

// Bad options must end in one clear line, not in Poco's logged exception, so options are
// parsed here before the application runs.
int main(int argc, char** argv)
{
    tracker::net::reexecWithoutThreadCaches(argv); // first: it may start the program again
    tracker::net::TrackerApp app;
    try
    {
        app.init(argc, argv);
    }
    catch (const Poco::Exception& error)
    {
        std::cerr << "tracker: " << error.displayText() << " (see tracker --help)" << std::endl;
        return Poco::Util::Application::EXIT_USAGE;
    }
    // run() is public on Application; ServerApplication only narrows its access.
    return static_cast<Poco::Util::Application&>(app).run();
}
