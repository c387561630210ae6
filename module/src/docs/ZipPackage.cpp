#include "docs/ZipPackage.hpp"

#include "core/Error.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <streambuf>

namespace igsgov::docs {

namespace {

[[noreturn]] void fail(const std::string& message, const std::string& source,
                       const std::string& entry = "") {
  Place p;
  if (!source.empty()) p.set("file", source);
  if (!entry.empty()) p.set("part", entry);
  throwInvalid(message, p);
}

// Inflates one entry on demand, 16 KiB at a time.
class EntryBuf : public std::streambuf {
public:
  EntryBuf(zip_file_t* f, std::size_t cap, std::string source, std::string name)
      : f_(f), cap_(cap), source_(std::move(source)), name_(std::move(name)) {}
  ~EntryBuf() override { zip_fclose(f_); }

protected:
  int_type underflow() override {
    zip_int64_t r = zip_fread(f_, buffer_, sizeof buffer_);
    if (r < 0) fail("Onderdeel is beschadigd: " + std::string(zip_file_strerror(f_)), source_, name_);
    if (r == 0) return traits_type::eof();
    got_ += static_cast<std::size_t>(r);
    if (got_ > cap_)
      fail("Een onderdeel van het zip-bestand is uitgepakt te groot (maximum " + std::to_string(cap_) + " bytes)",
           source_, name_);
    setg(buffer_, buffer_, buffer_ + r);
    return traits_type::to_int_type(*gptr());
  }

private:
  zip_file_t* f_;
  std::size_t cap_;
  std::size_t got_ = 0;
  std::string source_, name_;
  char buffer_[16384];
};

class EntryStream : public std::istream {
public:
  explicit EntryStream(std::unique_ptr<EntryBuf> buf) : std::istream(buf.get()), buf_(std::move(buf)) {
    exceptions(std::ios::badbit);
  }

private:
  std::unique_ptr<EntryBuf> buf_;
};

}  // namespace

std::string newZip(const std::vector<ZipAddition>& add, int compressionLevel) {
  // An empty archive: only the end-of-central-directory record.
  static const std::string kEmpty = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  return rewriteZip(kEmpty, {}, add, compressionLevel);
}

bool looksLikeZip(const std::string& bytes) {
  return bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0;
}

ZipReader::ZipReader(const std::string& bytes, const ZipLimits& limits, std::string source)
    : limits_(limits), source_(std::move(source)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) fail("Het sjabloon kan niet gelezen worden als zip-bestand", source_);
  za_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!za_) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(src);
    fail("Het sjabloon is geen geldig zip-bestand (DOCX/ODT): " + why, source_);
  }
  zip_error_fini(&error);
  zip_int64_t n = zip_get_num_entries(za_, 0);
  if (n < 0 || static_cast<std::size_t>(n) > limits_.maxEntries) {
    zip_close(za_);
    za_ = nullptr;
    fail("Het zip-bestand heeft te veel onderdelen (maximum " + std::to_string(limits_.maxEntries) +
             ")",
         source_);
  }
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !st.name) {
      zip_close(za_);
      za_ = nullptr;
      fail("Het zip-bestand is beschadigd (onderdeel " + std::to_string(i) + ")", source_);
    }
    ZipEntryInfo e;
    e.name = st.name;
    e.index = static_cast<std::uint64_t>(i);
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.compressedSize = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.mtime = (st.valid & ZIP_STAT_MTIME) ? st.mtime : 0;
    e.method = (st.valid & ZIP_STAT_COMP_METHOD) ? st.comp_method : 0;
    if (e.size > limits_.maxEntrySize) {
      std::string name = e.name;
      zip_close(za_);
      za_ = nullptr;
      fail("Een onderdeel van het zip-bestand is uitgepakt te groot (" + std::to_string(e.size) +
               " bytes, maximum " + std::to_string(limits_.maxEntrySize) + ")",
           source_, name);
    }
    total += e.size;
    if (total > limits_.maxTotalSize) {
      zip_close(za_);
      za_ = nullptr;
      fail("Het zip-bestand is uitgepakt te groot (meer dan " +
               std::to_string(limits_.maxTotalSize) + " bytes)",
           source_);
    }
    entries_.push_back(std::move(e));
  }
}

ZipReader::~ZipReader() {
  if (za_) zip_discard(za_);
}

const ZipEntryInfo* ZipReader::find(const std::string& name) const {
  for (const auto& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

template <class Sink>
void ZipReader::inflate(const ZipEntryInfo& entry, Sink&& sink) const {
  zip_file_t* f = zip_fopen_index(za_, entry.index, 0);
  if (!f)
    fail("Onderdeel kan niet gelezen worden: " + std::string(zip_strerror(za_)), source_, entry.name);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> guard(f, zip_fclose);
  char buffer[64 * 1024];
  std::uint64_t got = 0;
  // Read until EOF (libzip checks the CRC there), never past the cap,
  // whatever the header claims.
  for (;;) {
    zip_int64_t r = zip_fread(f, buffer, sizeof buffer);
    if (r < 0)
      fail("Onderdeel is beschadigd: " + std::string(zip_file_strerror(f)), source_, entry.name);
    if (r == 0) break;
    got += static_cast<std::uint64_t>(r);
    if (got > limits_.maxEntrySize)
      fail("Een onderdeel van het zip-bestand is uitgepakt te groot (maximum " +
               std::to_string(limits_.maxEntrySize) + " bytes)",
           source_, entry.name);
    if (got > entry.size)
      fail("Onderdeel is beschadigd: uitgepakt groter dan de " + std::to_string(entry.size) +
               " bytes die het zip-bestand opgeeft",
           source_, entry.name);
    sink(buffer, static_cast<std::size_t>(r));
  }
  if (got != entry.size)
    fail("Onderdeel is beschadigd: uitgepakt " + std::to_string(got) + " bytes in plaats van " +
             std::to_string(entry.size),
         source_, entry.name);
}

std::string ZipReader::read(const ZipEntryInfo& entry) const {
  std::string out;
  out.reserve(static_cast<std::size_t>(entry.size));  // declared sizes are within the caps
  inflate(entry, [&](const char* data, std::size_t n) { out.append(data, n); });
  return out;
}

void ZipReader::verify(const ZipEntryInfo& entry) const {
  inflate(entry, [](const char*, std::size_t) {});
}

std::unique_ptr<std::istream> ZipReader::stream(const ZipEntryInfo& entry) const {
  zip_file_t* f = zip_fopen_index(za_, entry.index, 0);
  if (!f)
    fail("Onderdeel kan niet gelezen worden: " + std::string(zip_strerror(za_)), source_, entry.name);
  return std::make_unique<EntryStream>(std::make_unique<EntryBuf>(f, limits_.maxEntrySize, source_, entry.name));
}

std::string rewriteZip(const std::string& templateBytes, const std::vector<ZipReplacement>& replace,
                       const std::vector<ZipAddition>& add, int compressionLevel) {
  zip_error_t error;
  zip_error_init(&error);
  // libzip takes ownership of the buffer (its write path may free or reuse
  // the original fragment), so it gets its own copy of the template bytes.
  void* copy = std::malloc(templateBytes.size() ? templateBytes.size() : 1);
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, templateBytes.data(), templateBytes.size());
  zip_source_t* src = zip_source_buffer_create(copy, templateBytes.size(), 1, &error);
  if (!src) {
    std::free(copy);
    throw Error(ErrorCode::internal, "zip-buffer kan niet gemaakt worden");
  }
  zip_source_keep(src);  // we read the result back from it after zip_close
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> srcGuard(src, zip_source_free);
  zip_t* za = zip_open_from_source(src, 0, &error);
  if (!za) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throwInvalid("Het sjabloon is geen geldig zip-bestand: " + why);
  }
  zip_error_fini(&error);
  auto failWith = [&](const std::string& what) {
    std::string why = zip_strerror(za);
    zip_discard(za);
    throw Error(ErrorCode::internal, "Het document kan niet geschreven worden (" + what + "): " + why);
  };
  const zip_uint32_t level = static_cast<zip_uint32_t>(compressionLevel);
  for (const auto& r : replace) {
    zip_source_t* s = zip_source_buffer(za, r.data->data(), r.data->size(), 0);
    if (!s) failWith("bron");
    if (zip_file_replace(za, r.index, s, 0) != 0) {
      zip_source_free(s);
      failWith("vervangen");
    }
    if (zip_set_file_compression(za, r.index, ZIP_CM_DEFLATE, level) != 0) failWith("compressie");
    if (r.mtime) zip_file_set_mtime(za, r.index, r.mtime, 0);
  }
  for (const auto& a : add) {
    zip_source_t* s = zip_source_buffer(za, a.data->data(), a.data->size(), 0);
    if (!s) failWith("bron");
    zip_int64_t idx = zip_file_add(za, a.name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
      zip_source_free(s);
      failWith("toevoegen");
    }
    if (zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, level) != 0)
      failWith("compressie");
    if (a.mtime) zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), a.mtime, 0);
  }
  if (zip_close(za) != 0) failWith("afsluiten");

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw Error(ErrorCode::internal, "Het document kan niet gelezen worden na het schrijven");
  if (zip_source_open(src) != 0)
    throw Error(ErrorCode::internal, "Het document kan niet gelezen worden na het schrijven");
  std::string out;
  out.resize(static_cast<std::size_t>(st.size));
  zip_int64_t got = zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  if (got < 0 || static_cast<std::size_t>(got) != out.size())
    throw Error(ErrorCode::internal, "Het document kan niet gelezen worden na het schrijven");
  return out;
}

}  // namespace igsgov::docs
