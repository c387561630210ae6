// The intranet's pages: each builds the data of its template from catalogue
// operations (ops::Session::execute with the signed-in user as Caller, so the
// operation's roles are enforced as for REST and the CLI) and never reads
// tables itself. Forms are offered only when the user's roles may call the
// operation behind them for the page's cooperation (ops::mayRun, see mayCall()).
//
// Failures are igsgov::Error: notFound (unknown IGS, body, mandate) -> 404,
// invalid (bad date, unknown template) -> 400, denied (role) -> 403; the site
// turns them into the Dutch error page.
//
// Thread safety: free functions; the Session serialises register access.
#pragma once

#include "core/Date.hpp"
#include "core/Json.hpp"
#include "core/TimeZone.hpp"
#include "ops/ServerPaths.hpp"
#include "ops/Session.hpp"
#include "web/Forms.hpp"
#include "web/Multipart.hpp"

#include <map>
#include <string>

namespace igsgov::web {

struct PageRequest {
  ops::Session& session;
  ops::Caller caller;      // the signed-in account with its roles per cooperation
  std::string csrf;        // the session's form token
  std::map<std::string, std::string> params;  // route placeholders (igs, mandate)
  FormFields fields;       // GET query or POST form
  std::string documentsDir;  // SiteOptions::documentsDir
  ops::ServerFiles files;    // SiteOptions::files: filled into path parameters by call()
  const TimeZone* zone = nullptr;  // the Site's zone (Europe/Brussels); nullptr: the process's local date, UTC times
  Micros now = 0;                  // the instant of the request (SiteOptions::now); 0: the system clock
  std::map<std::string, UploadedFile> uploads;  // the file parts of a multipart/form-data POST
  std::size_t maxUploadBytes = 0;               // SiteOptions::maxUploadBytes (for messages)
  std::string origin;  // "https://host[:port]" of this request (links to copy, e.g. the calendar feed); "" unknown
};

struct PageResult {
  std::string view;        // template name; empty for a redirect or a download
  int status = 200;        // of a rendered page (400 or 422: a form shown again with its errors)
  std::string title;       // <title> and <h1>
  JsonObject data;         // template data
  std::string igs;         // the IGS the page is about (navigation), if any
  std::string tab;         // current tab of the IGS navigation
  std::string redirect;    // 303 See Other to this path
  std::string fileName;    // a download: name, media type and bytes
  std::string mediaType;
  std::string fileBytes;
};

// True when the caller may call the catalogue operation on data of `cooperation`.
bool mayCall(const PageRequest& r, const std::string& operation, const std::string& cooperation);

PageResult listPage(PageRequest& r);
PageResult overviewPage(PageRequest& r);  // with what needs action first (AttentionPage.cpp)
PageResult compositionPage(PageRequest& r);
// MandatePages.cpp: appoint (GET form / POST mandate.appoint), one mandate's
// history with the correct / change / end / retract forms (POST "actie"), a seat's history.
PageResult appointPage(PageRequest& r, bool post);
PageResult mandatePage(PageRequest& r);
PageResult mandateAction(PageRequest& r);
PageResult seatPage(PageRequest& r);
// MembersPage.cpp: members and bodies with the join / partner / leave / body / seat forms.
PageResult membersPage(PageRequest& r);
PageResult membersAction(PageRequest& r);
PageResult statutenPage(PageRequest& r);  // GovernancePage.cpp
// The statuten forms (GovernanceForms.cpp): GET the form, POST the operation.
PageResult documentCreatePage(PageRequest& r, bool post);
PageResult versionUploadPage(PageRequest& r, bool post);
PageResult versionStatusPage(PageRequest& r, bool post);
PageResult decisionPage(PageRequest& r, bool post);
PageResult versionCorrectPage(PageRequest& r, bool post);
PageResult comparePage(PageRequest& r);  // GovernanceCompare.cpp
PageResult deadlinesPage(PageRequest& r);
// FoundingPage.cpp: the steps of the founding stappenplan (founding.status) with
// the check-off and retract forms (POST "actie" = afvinken | intrekken).
PageResult foundingPage(PageRequest& r);
PageResult foundingAction(PageRequest& r);
PageResult foundingAttachment(PageRequest& r);  // GET .../oprichting/bijlage/:checkoff
PageResult findingsPage(PageRequest& r);
PageResult acknowledgeAction(PageRequest& r);
// The auditor's evidence pack (audit.pack, signed with the service's files.pack_*) as a download.
PageResult packDownload(PageRequest& r);
PageResult documentsPage(PageRequest& r);
PageResult generateAction(PageRequest& r);
PageResult documentDownload(PageRequest& r);  // DocumentsDownload.cpp
PageResult generationZip(PageRequest& r);
PageResult contributionsPage(PageRequest& r);               // ContributionsPage.cpp
PageResult contributionKeyPage(PageRequest& r, bool post);
PageResult computeAction(PageRequest& r);
PageResult passwordPage(PageRequest& r, bool post);  // AccountPage.cpp
PageResult feedPage(PageRequest& r, bool post);      // FeedPage.cpp
PageResult accountsPage(PageRequest& r);             // AccountsPage.cpp
PageResult createAccountAction(PageRequest& r);
PageResult changeAccountAction(PageRequest& r);

// Helpers shared by the page files.
JsonObject call(PageRequest& r, const std::string& operation, const JsonObject& input);
// cooperation.show of the route's IGS (notFound -> 404).
JsonObject loadIgs(PageRequest& r);
// The text of obj[key], "" when absent or null.
std::string text(const JsonObject& obj, const std::string& key);
// "2026-11-22" -> "22 november 2026"; "" stays "".
std::string dateNl(const std::string& iso);
// The instant of the request: r.now, or the system clock.
Micros instant(const PageRequest& r);
// Today's date where the users are (r.zone, at r.now), not the server's UTC date.
Date today(const PageRequest& r);
// A register timestamp ("2026-12-06T08:15:00.000000Z") as "6 december 2026 om 09:15" in
// r.zone; "" stays "", text that is no timestamp is returned as it is.
std::string timeNl(const PageRequest& r, const std::string& utc);
// obj[key] as an array; an empty one when absent.
JsonArray arrayOf(const JsonObject& obj, const std::string& key);
// fn(element) for every element (an object) of a.
template <class Fn>
void each(const JsonArray& a, Fn fn) {
  for (std::size_t i = 0; i < a->size(); ++i) fn(a->getObject(static_cast<unsigned>(i)));
}
// A path segment, %-encoded.
std::string segment(const std::string& value);
// "/intranet/igs/<igs>" of the route's IGS.
std::string base(PageRequest& r);
// True when the record's from/until period covers `day` (ISO dates).
bool activeOn(const JsonObject& o, const std::string& day);
// A page about one IGS: view, title, navigation tab, igs_name and igs_href set.
PageResult igsPage(PageRequest& r, const JsonObject& igs, const std::string& view, const std::string& title,
                   const std::string& tab);

}  // namespace igsgov::web
