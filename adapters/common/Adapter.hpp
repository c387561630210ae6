// Adapter: the contract between the sync engine and one document system
// (a folder, a WebDAV server, ...). The sync engine is the only caller;
// adapters never touch the register store.
//
// What it abstracts
//   A tree of folders and files under one root. Every path argument is a
//   relative, '/'-separated path inside that root (see RelPath): it is
//   validated and normalised by this base class BEFORE any hook runs, and a
//   path that could escape the root ("..", "/abs", backslashes, NUL) is
//   refused with Error(invalid). Names keep their bytes; comparisons that must
//   ignore case or Unicode normalisation use Names.hpp.
//
// Operations (public, non-virtual: they validate, log, time and normalise errors)
//   list(dir)     children of a folder (never recursive), in no promised order.
//   listing(dir, withEtags)  the same plus the backend's clock when it answered;
//                 withEtags false lets the backend leave Entry::etag empty
//                 (cheap where etags are costly, see Capabilities::costlyEtags).
//   stat(path)    the entry, or nullopt when nothing is there.
//   get(path)     the bytes (or streamed into an std::ostream).
//   put(path, bytes or content, pre)  writes a whole file atomically: a
//                 reader sees the old or the new content, never a partial
//                 file. The bytes are read while they are sent (Content.hpp:
//                 one read, no whole-file copy held); when the content
//                 announces a SHA-256 or its size, bytes that do not match
//                 (the file changed since it was listed) fail with
//                 Error(integrity) and nothing appears under the path. The
//                 precondition decides what may be replaced:
//                   none        create or replace;
//                   createOnly  fail with conflict if anything is there;
//                   ifMatch     replace only if the current file still has
//                               the etag (and, when given, the sha256) the
//                               caller saw; otherwise conflict.
//                 Returns the new entry state as the backend reports it after
//                 the write (etag, size; the backend may rewrite the file, so
//                 this is the state to record as synced). A new name that
//                 clashes with an existing one in case or Unicode form
//                 ("Readme.docx" vs "README.docx") fails with conflict.
//   putMany(items) the same for many files, possibly in parallel; one outcome
//                 per item, in order; one failure does not stop the others.
//                 An item may carry properties: right after ITS successful
//                 upload (same worker, so they overlap with other uploads)
//                 they are set as by setProperties (same name check, same
//                 logging). A failure there goes to the outcome's
//                 propertiesError, never to error: the upload stands (ok()).
//                 Where the backend keeps no properties, an item that carries
//                 some is still uploaded and gets propertiesError
//                 Error(unsupported) (nothing is attempted); bad names give
//                 Error(invalid) there. Empty properties: nothing, no error.
//                 propertiesError is only ever set on a successful upload.
//   move(from, to, overwrite=false)  renames; an existing target is a
//                 conflict unless overwrite. Returns the target's entry.
//   remove(path, pre)  deletes a file or an (empty or not) folder; ifMatch as for put.
//   mkdirs(path)  creates the folder and its missing parents; existing is fine.
//   capabilities()  what the backend guarantees (see Capabilities).
//   setProperties(path, props)  stores name/value pairs as metadata ON the
//                 file (WebDAV dead properties in propertyNamespace), replacing
//                 values of the same names; other properties stay. A name whose
//                 value is empty is REMOVED (removing one the file does not have
//                 is no error), so no property is ever stored empty. Idempotent.
//                 Only where capabilities().properties; otherwise (and by
//                 default) Error(unsupported) and nothing is attempted. Names
//                 must be XML names ([A-Za-z_][A-Za-z0-9_.-]*), else
//                 Error(invalid); values are any UTF-8 text (escaped by the
//                 backend). All or nothing as far as the backend promises it
//                 (WebDAV PROPPATCH is atomic per request). To set them on
//                 files being uploaded, pass them in PutItem::properties
//                 instead: they then run inside putMany's parallel transfers.
//   getProperties(path)  the properties in propertyNamespace set on the file
//                 (name -> value); same support rules as setProperties.
//
// Failure
//   Every failure is an igsgov::Error with a Dutch message and the path in its
//   place: notFound (no such file or parent), conflict (precondition failed,
//   target exists, name clash), io (network, disk, server error), denied
//   (authentication or permission: HTTP 401/403, EACCES), invalid (bad path or
//   name), unsupported (the backend cannot do what was asked). Foreign errors
//   are translated at the adapter's edge; anything a hook lets through that is
//   not an Error becomes Error(io) here. A failed operation changes nothing
//   visible except where a backend documents otherwise (a failed putMany item
//   may leave a hidden temporary file that the next run removes).
//
// Thread safety
//   Every public operation may be called from several threads at once on the
//   same adapter; implementations must be thread-safe.
//
// Logging
//   Each operation logs at debug level to the library's logger (core/Log.hpp,
//   so the lines reach the C ABI host's callback and igsgovd's log): operation,
//   label, path, duration; failures at warn level. Never credentials, never
//   file contents. Adapters log through igsgov::logger() the same way.
//
// Writing an adapter: derive, implement the protected do* hooks (paths are
// already valid RelPaths), throw igsgov::Error with the codes above.
// Decorators derive from AdapterWrapper instead.
#pragma once

#include "adapters/common/Content.hpp"
#include "adapters/common/RelPath.hpp"
#include "core/Error.hpp"
#include "core/Log.hpp"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igsgov::adapters {

struct Entry {
  std::string path;          // normalised relative path ("" for the root)
  std::string name;          // last segment, as the backend spells it
  std::string href;          // the backend's identity (WebDAV: the server's href, undecoded)
  bool isDir = false;
  std::uint64_t size = 0;    // bytes; 0 for folders
  std::string etag;          // opaque, as sent (quotes included); "" when unknown
  bool weakEtag = false;     // W/ prefix: the etag cannot be used for If-Match
  std::string sha256;        // lowercase hex when the backend knows it, else ""
  std::int64_t mtime = 0;    // seconds since 1970 by the backend's clock; 0 unknown. Whole seconds:
                             // an equal mtime does not prove equal content (see sync's mtime trust).
};

struct Precondition {
  enum class Kind { none, createOnly, ifMatch };
  Kind kind = Kind::none;
  std::string etag;    // ifMatch: the etag the caller saw
  std::string sha256;  // ifMatch: the content hash the caller saw (optional, recommended:
                       // backends without usable etags compare it instead)

  static Precondition none() { return {}; }
  static Precondition createOnly() { return {Kind::createOnly, {}, {}}; }
  static Precondition ifMatch(std::string etag, std::string sha256 = {}) {
    return {Kind::ifMatch, std::move(etag), std::move(sha256)};
  }
};

// The XML namespace of the properties setProperties writes (WebDAV dead properties).
inline constexpr const char* propertyNamespace = "https://igsgov.be/ns/1.0";

struct Capabilities {
  bool conditionalRequests = false;  // preconditions are checked atomically by the backend
  bool strongEtags = false;          // etags change with content and are usable for ifMatch
  bool serverHash = false;           // Entry::sha256 is filled by list/stat
  bool caseInsensitive = false;      // the backend treats names differing in case as one
  bool atomicPut = true;             // readers never see a partial file under the final name
  std::size_t maxNameLength = 255;   // bytes per segment
  std::size_t parallelTransfers = 1; // putMany runs this many at once
  bool costlyEtags = false;          // listing etags makes the backend read every file (Apache
                                     // FileETag Digest); listing(dir, false) is then much cheaper
  bool properties = false;           // setProperties/getProperties work (the backend keeps
                                     // metadata on files: WebDAV servers with a dead-property store)

  std::string describe() const;      // one line for logs and doctor output
};

struct Listing {
  std::vector<Entry> entries;
  std::int64_t serverNow = 0;  // the backend's clock when it answered (seconds since 1970); 0 unknown
};

struct PutItem {
  std::string path;
  std::shared_ptr<const Content> content;  // read by the worker that uploads it
  Precondition pre;
  // Set after a successful upload where capabilities().properties (see putMany); empty: none.
  std::map<std::string, std::string> properties = {};
};

struct PutOutcome {
  std::string path;
  std::optional<Entry> entry;  // set on success
  std::optional<Error> error;  // set on failure
  std::optional<Error> propertiesError;  // the upload stands; its properties were not set
  bool ok() const { return entry.has_value(); }
};

class Adapter {
public:
  virtual ~Adapter();
  Adapter(const Adapter&) = delete;
  Adapter& operator=(const Adapter&) = delete;

  // A short description for logs, e.g. "folder /srv/docs" (never credentials).
  const std::string& label() const { return label_; }

  Capabilities capabilities();
  std::vector<Entry> list(std::string_view dir);
  Listing listing(std::string_view dir, bool withEtags);
  std::optional<Entry> stat(std::string_view path);
  std::string get(std::string_view path);
  std::uint64_t get(std::string_view path, std::ostream& out);
  Entry put(std::string_view path, std::string_view bytes, const Precondition& pre = {});
  Entry put(std::string_view path, const Content& content, const Precondition& pre = {});
  std::vector<PutOutcome> putMany(const std::vector<PutItem>& items);
  Entry move(std::string_view from, std::string_view to, bool overwrite = false);
  void remove(std::string_view path, const Precondition& pre = {});
  void mkdirs(std::string_view path);
  void setProperties(std::string_view path, const std::map<std::string, std::string>& props);
  std::map<std::string, std::string> getProperties(std::string_view path);

protected:
  explicit Adapter(std::string label);

  virtual Capabilities doCapabilities() = 0;
  virtual std::vector<Entry> doList(const RelPath& dir) = 0;
  // Default: doList with an unknown clock.
  virtual Listing doListing(const RelPath& dir, bool withEtags);
  virtual std::optional<Entry> doStat(const RelPath& path) = 0;
  virtual std::uint64_t doGet(const RelPath& path, std::ostream& out) = 0;
  // Reads `content` once through streamContent (which checks it) before the
  // file becomes visible under `path`.
  virtual Entry doPut(const RelPath& path, const Content& content, const Precondition& pre) = 0;
  // Default: one doPut after the other, each failure captured in its outcome,
  // each success followed by propertiesAfterPut. Overrides must do the same
  // (property names are already checked; invalid ones arrive emptied).
  virtual std::vector<PutOutcome> doPutMany(const std::vector<RelPath>& paths, const std::vector<PutItem>& items);
  virtual Entry doMove(const RelPath& from, const RelPath& to, bool overwrite) = 0;
  virtual void doRemove(const RelPath& path, const Precondition& pre) = 0;
  virtual void doMkdirs(const RelPath& path) = 0;
  // Default: Error(unsupported). Names are already checked.
  virtual void doSetProperties(const RelPath& path, const std::map<std::string, std::string>& props);
  virtual std::map<std::string, std::string> doGetProperties(const RelPath& path);

  // Converts whatever is in flight (inside a catch block) to an Error with
  // the path in its place. Used by the base and by doPutMany implementations.
  static Error currentError(const std::string& path);
  // For doPutMany implementations, right after a successful upload: sets the
  // item's properties through doSetProperties, timed and logged as
  // setProperties; returns its failure instead of throwing. Empty: nothing.
  std::optional<Error> propertiesAfterPut(const RelPath& path, const std::map<std::string, std::string>& props);

private:
  std::string label_;
};

}  // namespace igsgov::adapters
