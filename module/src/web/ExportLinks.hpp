// The intranet's "Download als Excel / CSV" links and the download behind
// them (issue 17): GET /intranet/igs/:igs/export/:tabel?formaat=xlsx|csv with
// the page's own choices (orgaan, datum, gekend, sleutel, jaar), answered by the
// catalogue operation export.<table> as the file itself. The operation's roles
// and scope apply as for REST and the CLI; a body or key of another IGS is
// refused (404) like on the pages.
//
// Thread safety: free functions; the Session serialises register access.
// Failure: Error invalid (unknown table or format, bad date) -> 400, notFound -> 404.
#pragma once

#include "web/Pages.hpp"

#include <string>
#include <utility>
#include <vector>

namespace igsgov::web {

// {"xlsx": href, "csv": href} for a template's {#download}...{/download}, or
// false when the caller may not run the export for this IGS. query: the
// parameters after the table, in order (values %-encoded here; empty ones left out).
Poco::Dynamic::Var downloadLinks(PageRequest& r, const std::string& table,
                                 const std::vector<std::pair<std::string, std::string>>& query);

PageResult exportDownload(PageRequest& r);

}  // namespace igsgov::web
