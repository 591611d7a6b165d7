#pragma once

#include "net/http/router.h"
#include "net/pages/page_frame.h"
#include "net/site_context.h"

namespace tracker::net
{

// The public pages, one file each under net/pages/. Vietnamese by default, English with
// ?lang=en (remembered in a cookie); each runs inside cachedPage() (net/pages/page_frame.h).
std::string dashboardPage(PageRequest& page);         // GET /                 dashboard_page.cpp
std::string clusterListPage(PageRequest& page);       // GET /clusters         cluster_list_page.cpp
std::string clusterPage(PageRequest& page);           // GET /clusters/{code}  cluster_page.cpp
std::string mapPage(PageRequest& page);               // GET /map              map_page.cpp
std::string districtPage(PageRequest& page);          // GET /districts/{slug} district_page.cpp
std::string formerDistrictsPage(PageRequest& page);   // GET /districts former_districts_page.cpp
std::string communePage(PageRequest& page);           // GET /communes/{slug}  commune_page.cpp
std::string landPage(PageRequest& page);              // GET /land             land_page.cpp
std::string comparePage(PageRequest& page);           // GET /compare?c=a,b    compare_page.cpp
std::string statutoryPage(PageRequest& page); // GET /statutory-reports/{form}/{unit}/{period}
                                              //   statutory_page.cpp (accepted 03/04 only)
std::string delaysPage(PageRequest& page);            // GET /delays           delays_page.cpp
std::string notFoundPage(PageRequest& page);          // any other path        not_found_page.cpp
std::string publicationPolicyPage(PageRequest& page); // GET /publication-policy
                                                      //   publication_policy_page.cpp

// GET /static/NAME: a file read once at start-up, answered with its ETag (static_files.cpp).
RouteAction staticFile(SiteContext& site, const std::string& name, const std::string& type);

} // namespace tracker::net
