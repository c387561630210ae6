// streamContent: pieces, digests, and the held-back last piece when the bytes
// read are not the bytes announced (a file changed after it was listed).
#include "adapters/common/Content.hpp"
#include "core/Sha256.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace igsgov::adapters {
namespace {

constexpr std::size_t kPiece = 256 * 1024;

std::string randomBytes(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen());
  return s;
}

struct Sink {
  std::string bytes;
  std::size_t pieces = 0;
  std::size_t largest = 0;
  std::function<void(std::string_view)> fn() {
    return [this](std::string_view p) {
      bytes.append(p);
      ++pieces;
      largest = std::max(largest, p.size());
    };
  }
};

Place here() { return Place().set("path", "'x.bin'"); }

Error failure(const Content& c, Sink& sink) {
  try {
    streamContent(c, sink.fn(), here());
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::ok, "");
}

TEST(Content, StreamsEveryByteInBoundedPiecesWithItsDigests) {
  const std::string b = randomBytes(4 * kPiece + 123, 1);
  Sink sink, also;
  Streamed s = streamContent(*Content::bytes(b, sha256Hex(b)), sink.fn(), here(), also.fn());
  EXPECT_EQ(sink.bytes, b);
  EXPECT_EQ(also.bytes, b);
  EXPECT_EQ(sink.pieces, 5u);
  EXPECT_LE(sink.largest, kPiece);
  EXPECT_EQ(s.size, b.size());
  EXPECT_EQ(s.sha256, sha256Hex(b));
}

TEST(Content, WithoutAnnouncedHashItStillReportsOne) {
  Sink sink;
  Streamed s = streamContent(*Content::view("abc"), sink.fn(), here());
  EXPECT_EQ(sink.bytes, "abc");
  EXPECT_EQ(s.sha256, sha256Hex("abc"));
  Sink none;
  Streamed e = streamContent(*Content::bytes(""), none.fn(), here());
  EXPECT_EQ(none.pieces, 0u);
  EXPECT_EQ(e.size, 0u);
  EXPECT_EQ(e.sha256, sha256Hex(""));
}

TEST(Content, WrongHashKeepsTheLastPieceBack) {
  const std::string b = randomBytes(2 * kPiece + 10, 2);
  Sink sink;
  Error e = failure(*Content::bytes(b, sha256Hex("something else")), sink);
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity);
  EXPECT_EQ(e.place().fields.at("path"), "'x.bin'");
  EXPECT_EQ(sink.bytes, b.substr(0, 2 * kPiece));  // all but the held piece
  // A body of one piece: nothing at all goes out.
  Sink small;
  EXPECT_EQ(failure(*Content::bytes("abc", sha256Hex("abd")), small).errorCode(), ErrorCode::integrity);
  EXPECT_EQ(small.pieces, 0u);
}

class ContentFile : public ::testing::Test {
protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("igsgov-content-" + std::to_string(::getpid()) + ".bin")).string();
  }
  void TearDown() override { fs::remove(path_); }
  void write(const std::string& b) { std::ofstream(path_, std::ios::binary) << b; }
  std::string path_;
};

TEST_F(ContentFile, ReadsTheFileWhenOpened) {
  const std::string b = randomBytes(kPiece + 1, 3);
  auto c = Content::file(path_, b.size(), sha256Hex(b));
  write(b);  // after the Content was made: it reads at open, not before
  Sink sink;
  EXPECT_EQ(streamContent(*c, sink.fn(), here()).sha256, sha256Hex(b));
  EXPECT_EQ(sink.bytes, b);
  Sink again;  // a second open reads again from the start (a retried request)
  streamContent(*c, again.fn(), here());
  EXPECT_EQ(again.bytes, b);
}

TEST_F(ContentFile, AGrownFileFailsBeforeTheAnnouncedSizeIsSent) {
  const std::string b = randomBytes(3 * kPiece, 4);
  write(b);
  Sink sink;
  Error e = failure(*Content::file(path_, kPiece + 5, ""), sink);  // no hash announced: the size still counts
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity);
  EXPECT_LT(sink.bytes.size(), kPiece + 5);
}

TEST_F(ContentFile, AShrunkFileFailsBeforeItsLastPieceIsSent) {
  const std::string b = randomBytes(kPiece + 100, 5);
  write(b);
  Sink sink;
  Error e = failure(*Content::file(path_, 2 * kPiece, sha256Hex(b)), sink);
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity);
  EXPECT_EQ(sink.bytes, b.substr(0, kPiece));
}

TEST_F(ContentFile, AMissingFileIsAnIoErrorNamingIt) {
  Sink sink;
  Error e = failure(*Content::file(path_ + ".missing", 3, ""), sink);
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_EQ(e.place().fields.at("file"), path_ + ".missing");
}

TEST(Content, LoadedContentIsProducedAtEachOpen) {
  int calls = 0;
  auto c = Content::load(5, sha256Hex("hello"), [&] {
    ++calls;
    return std::string("hello");
  });
  EXPECT_EQ(calls, 0);
  Sink a, b;
  streamContent(*c, a.fn(), here());
  streamContent(*c, b.fn(), here());
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(a.bytes + b.bytes, "hellohello");
}

}  // namespace
}  // namespace igsgov::adapters
