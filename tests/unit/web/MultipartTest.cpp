// web/Multipart: multipart/form-data as browsers send it, and every bound.
#include "core/Error.hpp"
#include "web/Multipart.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace igsgov;
using namespace igsgov::web;

namespace {

const std::string kB = "----WebKitFormBoundaryx7Q1";

std::string part(const std::string& name, const std::string& value, const std::string& file = "", bool isFile = false) {
  std::string head = "--" + kB + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
  if (isFile) head += "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream";
  return head + "\r\n\r\n" + value + "\r\n";
}
std::string close() { return "--" + kB + "--\r\n"; }

std::string placeOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    return e.place().describe() + " | " + std::string(e.message());
  }
  ADD_FAILURE() << "no error";
  return "";
}

}  // namespace

TEST(MultipartTest, FieldsAndAFileAsChromiumSendsThem) {
  std::string bytes = std::string("%PDF-1.7\r\n--") + kB.substr(0, 10) + std::string("\r\n\0binary", 9) + "\r\n";
  std::string body = part("csrf", "abc") + part("label", "statuten 2026 — wijziging") +
                     part("bestand", bytes, "C:\\Users\\x\\statuten v2.pdf", true) + part("leeg", "") + close();
  auto f = parseMultipart(body, kB);
  EXPECT_EQ(f.fields.at("csrf"), "abc");
  EXPECT_EQ(f.fields.at("label"), "statuten 2026 — wijziging");
  EXPECT_EQ(f.fields.at("leeg"), "");
  ASSERT_EQ(f.files.count("bestand"), 1u);
  EXPECT_EQ(f.files.at("bestand").fileName, "statuten v2.pdf") << "the folder of the browser's path is dropped";
  EXPECT_EQ(f.files.at("bestand").bytes, bytes);
  EXPECT_FALSE(f.files.at("bestand").tooLarge);
}

TEST(MultipartTest, BoundaryFromTheContentType) {
  EXPECT_TRUE(isMultipartForm("Multipart/Form-Data; boundary=x"));
  EXPECT_FALSE(isMultipartForm("application/x-www-form-urlencoded"));
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=" + kB), kB);
  EXPECT_EQ(multipartBoundary("multipart/form-data; charset=utf-8; boundary=\"a b:c\""), "a b:c");
  for (const char* bad : {"multipart/form-data", "multipart/form-data; boundary=", "text/plain; boundary=x",
                          "multipart/form-data; boundary=a;b", "multipart/form-data; boundary=\"x",
                          "multipart/form-data; boundary=x; boundary=y"})
    EXPECT_NE(placeOf([&] { multipartBoundary(bad); }), "") << bad;
  EXPECT_NE(placeOf([&] { multipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')); }), "");
}

TEST(MultipartTest, AFileOverItsLimitIsMarkedNotKept) {
  MultipartLimits limits;
  limits.maxFileBytes = 10;
  auto f = parseMultipart(part("bestand", std::string(11, 'x'), "a.pdf", true) + close(), kB, limits);
  EXPECT_TRUE(f.files.at("bestand").tooLarge);
  EXPECT_EQ(f.files.at("bestand").size, 11u);
  EXPECT_TRUE(f.files.at("bestand").bytes.empty());
}

TEST(MultipartTest, MalformedOrOverTheBoundsIsAnErrorNamingThePart) {
  MultipartLimits small;
  small.maxParts = 2;
  small.maxFieldBytes = 4;
  small.maxHeaderBytes = 80;
  EXPECT_NE(placeOf([&] { parseMultipart(part("a", "1") + part("b", "2") + part("c", "3") + close(), kB, small); })
                .find("deel 3"),
            std::string::npos);
  EXPECT_NE(placeOf([&] { parseMultipart(part("a", "12345") + close(), kB, small); }).find("veld 'a'"), std::string::npos);
  EXPECT_NE(placeOf([&] {
              parseMultipart("--" + kB + "\r\nContent-Disposition: form-data; name=\"" + std::string(100, 'n') +
                                 "\"\r\n\r\nx\r\n" + close(),
                             kB, small);
            }).find("deel 1"),
            std::string::npos);
  EXPECT_NE(placeOf([&] { parseMultipart(part("a", "1") + part("a", "2") + close(), kB); }).find("twee keer"),
            std::string::npos);
  EXPECT_NE(placeOf([&] { parseMultipart(part("a", "1"), kB); }).find("slotgrens"), std::string::npos);
  EXPECT_NE(placeOf([&] { parseMultipart("preamble\r\n" + part("a", "1") + close(), kB); }), "");
  EXPECT_NE(placeOf([&] { parseMultipart("--" + kB + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + close(), kB); })
                .find("Content-Disposition"),
            std::string::npos);
  EXPECT_NE(placeOf([&] { parseMultipart("--" + kB + "\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n" + close(), kB); }),
            "");
  EXPECT_NE(placeOf([&] { parseMultipart("--" + kB + "\r\n\r\nx\r\n" + close(), kB); }), "");
  EXPECT_NE(placeOf([&] { parseMultipart("--" + kB + "\r\nno colon\r\n\r\nx\r\n" + close(), kB); }), "");
  EXPECT_NE(placeOf([&] { parseMultipart("--" + kB + "x", kB); }), "");
  EXPECT_NE(placeOf([&] { parseMultipart("", kB); }), "");
}

TEST(MultipartTest, AnEmptyFormAndTheEpilogue) {
  auto f = parseMultipart("--" + kB + "--\r\nepilogue", kB);
  EXPECT_TRUE(f.fields.empty());
  EXPECT_TRUE(f.files.empty());
}
