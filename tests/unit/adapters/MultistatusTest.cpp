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
  // The body is well-formed XML: our own parser reads the values back.
  std::string wrapped = body.substr(body.find("<D:propertyupdate"));
  wrapped = "<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/z</D:href><D:propstat>" +
            wrapped.substr(wrapped.find("<D:prop>"), wrapped.find("</D:prop>") + 9 - wrapped.find("<D:prop>")) +
            "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>";
  // Re-declare our namespace on the prop element (it lived on propertyupdate).
  wrapped.replace(wrapped.find("<D:prop>"), 8, "<D:prop xmlns:I=\"https://igsgov.be/ns/1.0\">");
  auto rs = parse(wrapped);
  ASSERT_EQ(rs.size(), 1u);
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
            }),
            5000u);
  EXPECT_EQ(seen, 5000u);
  EXPECT_EQ(sum, 4999u * 5000u / 2);
}

}  // namespace
}  // namespace igsgov::adapters::webdav
