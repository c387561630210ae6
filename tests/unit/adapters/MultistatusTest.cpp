#include "adapters/webdav/Multistatus.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <vector>

namespace igsgov::adapters::webdav {
namespace {

std::vector<PropResponse> parse(const std::string& xml) {
  std::istringstream in(xml);
  std::vector<PropResponse> out;
  parseMultistatus(in, [&](PropResponse&& r) { out.push_back(std::move(r)); });
  return out;
}

TEST(Multistatus, ReadsApacheStyleResponses) {
  auto rs = parse(R"(<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:"><D:href>/dav/</D:href><D:propstat><D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype><lp1:getetag>W/""</lp1:getetag>
</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response xmlns:lp1="DAV:"><D:href>/dav/caf%c3%a9.txt</D:href><D:propstat><D:prop>
<lp1:resourcetype/><lp1:getcontentlength>12</lp1:getcontentlength>
<lp1:getetag>"abc123"</lp1:getetag><lp1:getlastmodified>Sun, 22 Nov 2026 08:14:29 GMT</lp1:getlastmodified>
</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><D:getcontenttype/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response></D:multistatus>)");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].href, "/dav/");
  EXPECT_TRUE(rs[0].isCollection);
  EXPECT_EQ(rs[1].href, "/dav/caf%c3%a9.txt");
  EXPECT_FALSE(rs[1].isCollection);
  EXPECT_EQ(rs[1].contentLength.value_or(0), 12u);
  EXPECT_EQ(rs[1].etag, "\"abc123\"");
  EXPECT_EQ(rs[1].lastModified, "Sun, 22 Nov 2026 08:14:29 GMT");
  EXPECT_TRUE(rs[1].hasProps);
}

TEST(Multistatus, IgnoresPropsFromFailedPropstats) {
  auto rs = parse(R"(<D:multistatus xmlns:D="DAV:"><D:response><D:href>/x</D:href>
<D:propstat><D:prop><D:getetag>"nope"</D:getetag></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response></D:multistatus>)");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_FALSE(rs[0].hasProps);
  EXPECT_EQ(rs[0].etag, "");
}

TEST(Multistatus, KeepsEveryPropstatStatusAndOurProperties) {
  // A PROPPATCH answer where one property was refused, then a PROPFIND with our namespace.
  auto rs = parse(R"(<D:multistatus xmlns:D="DAV:" xmlns:I="https://igsgov.be/ns/1.0"><D:response><D:href>/x</D:href>
<D:propstat><D:prop><I:kind/></D:prop><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:propstat>
<D:propstat><D:prop><I:igs/></D:prop><D:status>HTTP/1.1 403 Forbidden</D:status></D:propstat>
</D:response><D:response><D:href>/y</D:href>
<D:propstat><D:prop><I:igs>A &amp; B &lt;West&gt;</I:igs><I:kind>statuten</I:kind></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><I:label>nope</I:label></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response></D:multistatus>)");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].propstatStatuses, (std::vector<int>{424, 403}));
  EXPECT_EQ(rs[1].propstatStatuses, (std::vector<int>{200, 404}));
  EXPECT_EQ(rs[1].igsProps, (std::map<std::string, std::string>{{"igs", "A & B <West>"}, {"kind", "statuten"}}));
}

TEST(Multistatus, ProppatchBodyEscapesValuesAndParsesBack) {
  std::string body = proppatchBody("https://igsgov.be/ns/1.0", {{"igs", "A & \"B\" <C> 'D'"}, {"kind", "x"}});
  EXPECT_EQ(body.find("A & "), std::string::npos);
  // One DAV:set per property (lighttpd 1.4.69 keeps only the first property of a DAV:set).
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto p = body.find(what); p != std::string::npos; p = body.find(what, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<D:set>"), 2u);
  EXPECT_EQ(count("<D:prop>"), 2u);
  // An empty value is a removal, again one per property.
  std::string removal = proppatchBody("https://igsgov.be/ns/1.0", {{"kind", "x"}, {"status", ""}, {"version", ""}});
  EXPECT_NE(removal.find("<D:remove><D:prop><I:status/></D:prop></D:remove>"), std::string::npos) << removal;
  EXPECT_NE(removal.find("<D:remove><D:prop><I:version/></D:prop></D:remove>"), std::string::npos) << removal;
  EXPECT_NE(removal.find("<D:set><D:prop><I:kind>x</I:kind></D:prop></D:set>"), std::string::npos) << removal;
  // The body is well-formed XML: turned into a multistatus (each set a 200 propstat), our own
  // parser reads the values back.
  std::string wrapped = body.substr(body.find("<D:propertyupdate"));
  auto swap = [&](const std::string& from, const std::string& to) {
    for (auto p = wrapped.find(from); p != std::string::npos; p = wrapped.find(from, p + to.size()))
      wrapped.replace(p, from.size(), to);
  };
  swap("<D:propertyupdate ", "<D:multistatus ");
  swap("\"><D:set>", "\"><D:response><D:href>/z</D:href><D:set>");
  swap("<D:set>", "<D:propstat>");
  swap("</D:set>", "<D:status>HTTP/1.1 200 OK</D:status></D:propstat>");
  swap("</D:propertyupdate>", "</D:response></D:multistatus>");
  auto rs = parse(wrapped);
  ASSERT_EQ(rs.size(), 1u) << wrapped;
  EXPECT_EQ(rs[0].igsProps["igs"], "A & \"B\" <C> 'D'");
  EXPECT_EQ(rs[0].igsProps["kind"], "x");
}

TEST(Multistatus, ReadsOwncloudChecksums) {
  std::string hex(64, 'a');
  auto rs = parse(R"(<d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:response><d:href>/f</d:href>
<d:propstat><d:prop><oc:checksums><oc:checksum>SHA1:00 SHA256:)" + hex +
                  R"(</oc:checksum></oc:checksums></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>)");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].sha256, hex);
}

TEST(Multistatus, RefusesDoctypeAndEntities) {
  const std::string bomb = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<D:multistatus xmlns:D="DAV:"><D:response><D:href>&lol2;</D:href></D:response></D:multistatus>)";
  try {
    parse(bomb);
    FAIL() << "DOCTYPE accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
  }
  const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE x SYSTEM "file:///etc/passwd"><D:multistatus xmlns:D="DAV:"/>)";
  EXPECT_THROW(parse(external), Error);
}

TEST(Multistatus, MalformedXmlIsAnIoErrorWithLine) {
  try {
    parse("<D:multistatus xmlns:D=\"DAV:\">\n<D:response>\n</D:multistatus>");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
    EXPECT_EQ(e.place().fields.count("line"), 1u);
  }
}

TEST(Multistatus, StreamsManyResponses) {
  std::string xml = "<D:multistatus xmlns:D=\"DAV:\">";
  for (int i = 0; i < 5000; ++i)
    xml += "<D:response><D:href>/d/f" + std::to_string(i) +
           "</D:href><D:propstat><D:prop><D:getcontentlength>" + std::to_string(i) +
           "</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>";
  xml += "</D:multistatus>";
  std::istringstream in(xml);
  std::size_t seen = 0;
  std::uint64_t sum = 0;
  EXPECT_EQ(parseMultistatus(in, [&](PropResponse&& r) {
              ++seen;
              sum += r.contentLength.value_or(0);
            }).responses,
            5000u);
  EXPECT_EQ(seen, 5000u);
  EXPECT_EQ(sum, 4999u * 5000u / 2);
}

MultistatusInfo parseInfo(const std::string& xml, std::vector<PropResponse>& out) {
  std::istringstream in(xml);
  return parseMultistatus(in, [&](PropResponse&& r) { out.push_back(std::move(r)); });
}

TEST(Multistatus, CompleteListingIsNotTruncated) {
  std::vector<PropResponse> rs;
  auto info = parseInfo(R"(<D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/</D:href>
<D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response></D:multistatus>)", rs);
  EXPECT_FALSE(info.truncated);
  EXPECT_EQ(info.truncatedHref, "");
  EXPECT_EQ(info.syncToken, "");
  EXPECT_EQ(info.responses, 1u);
}

TEST(Multistatus, A507ResponseForTheCollectionMarksTheListingTruncated) {
  // A depth-1 listing cut after one member: the collection itself comes back with 507.
  std::vector<PropResponse> rs;
  auto info = parseInfo(R"(<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:">
 <d:response><d:href>/dav/a.txt</d:href><d:propstat><d:prop><d:getcontentlength>3</d:getcontentlength></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/dav/</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>
</d:multistatus>)", rs);
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(info.truncatedHref, "/dav/");
  EXPECT_EQ(info.responses, 2u);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[1].status, 507);
  EXPECT_FALSE(rs[1].hasProps);
}

TEST(Multistatus, NumberOfMatchesWithinLimitsMarksTheListingTruncated) {
  // The condition inside a response's DAV:error, with no 507 status line at all.
  std::vector<PropResponse> rs;
  auto info = parseInfo(R"(<D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/x</D:href>
<D:propstat><D:prop><D:getcontentlength>1</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response><D:response><D:href>/dav/</D:href><D:error><D:number-of-matches-within-limits/></D:error>
</D:response></D:multistatus>)", rs);
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(info.truncatedHref, "");
  // The same condition as a bare DAV:error document is not a multistatus, but is still seen.
  std::vector<PropResponse> none;
  auto bare = parseInfo(R"(<D:error xmlns:D="DAV:"><D:number-of-matches-within-limits/></D:error>)", none);
  EXPECT_TRUE(bare.truncated);
  EXPECT_TRUE(none.empty());
}

TEST(Multistatus, SyncCollectionPageKeepsTheTokenAndTheTruncationMarker) {
  std::vector<PropResponse> rs;
  auto info = parseInfo(R"(<D:multistatus xmlns:D="DAV:">
<D:response><D:href>/dav/f1.txt</D:href><D:propstat><D:prop><D:getetag>"e1"</D:getetag>
<D:getcontentlength>5</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response><D:href>/dav/gone.txt</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>
<D:response><D:href>/dav/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status>
<D:error><D:number-of-matches-within-limits/></D:error></D:response>
<D:sync-token>  http://example.org/sync/42  </D:sync-token>
</D:multistatus>)", rs);
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(info.truncatedHref, "/dav/");
  EXPECT_EQ(info.syncToken, "http://example.org/sync/42");
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].etag, "\"e1\"");
  EXPECT_EQ(rs[1].status, 404);
  // A last page: a token, no marker.
  std::vector<PropResponse> last;
  auto end = parseInfo(R"(<D:multistatus xmlns:D="DAV:"><D:sync-token>tok-2</D:sync-token></D:multistatus>)", last);
  EXPECT_FALSE(end.truncated);
  EXPECT_EQ(end.syncToken, "tok-2");
}

TEST(Multistatus, SeesSyncCollectionInTheSupportedReportSet) {
  std::vector<PropResponse> rs;
  parseInfo(R"(<D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/</D:href><D:propstat><D:prop>
<D:resourcetype><D:collection/></D:resourcetype><D:supported-report-set>
<D:supported-report><D:report><D:expand-property/></D:report></D:supported-report>
<D:supported-report><D:report><D:sync-collection/></D:report></D:supported-report>
</D:supported-report-set></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response><D:href>/other/</D:href><D:propstat><D:prop><D:supported-report-set/></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><D:supported-report-set><D:supported-report><D:report><D:sync-collection/></D:report>
</D:supported-report></D:supported-report-set></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response></D:multistatus>)", rs);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_TRUE(rs[0].syncCollectionReport);
  EXPECT_TRUE(rs[0].isCollection);
  EXPECT_FALSE(rs[1].syncCollectionReport);  // only from a 2xx propstat
}

TEST(Multistatus, SyncCollectionBodyAsksOurPropertiesWithTokenAndLimit) {
  std::string first = syncCollectionBody("", 1000, true);
  EXPECT_NE(first.find("<D:sync-token/>"), std::string::npos) << first;
  EXPECT_NE(first.find("<D:sync-level>1</D:sync-level>"), std::string::npos);
  EXPECT_NE(first.find("<D:nresults>1000</D:nresults>"), std::string::npos);
  EXPECT_NE(first.find("<D:getetag/>"), std::string::npos);
  std::string next = syncCollectionBody("http://x/t?a=1&b=2", 0, false);
  EXPECT_NE(next.find("<D:sync-token>http://x/t?a=1&amp;b=2</D:sync-token>"), std::string::npos) << next;
  EXPECT_EQ(next.find("<D:limit>"), std::string::npos);
  EXPECT_EQ(next.find("getetag"), std::string::npos);
  // The listing properties are the PROPFIND ones.
  auto props = [](const std::string& body) { return body.substr(body.find("<D:prop>"), body.find("</D:prop>") - body.find("<D:prop>")); };
  EXPECT_EQ(props(first), props(propfindBody(true)));
  EXPECT_EQ(props(next), props(propfindBody(false)));
}

}  // namespace
}  // namespace igsgov::adapters::webdav
