// Limits: every bound the template engine puts on its input, in one place.
//
// A template is input from outside (a secretariat's file, a fuzzer's bytes):
// whatever it holds, compiling, checking and rendering it must end with a
// result or a clear Dutch error, in bounded time, memory and stack. Each
// recursion the input can drive is bounded here, and so is every list whose
// length the input chooses. The zip caps (entries, entry size, total size)
// are ZipLimits (ZipPackage.hpp) because callers may lower them; the rest are
// fixed. docs/dev/templates.md ("Limits") lists them with the error each gives.
//
// Thread safety: constants.
#pragma once

#include <cstddef>

namespace igsgov::docs {

// Bytes of a template file or of the bytes given to Template::compile.
inline constexpr std::size_t kMaxTemplateBytes = 64u << 20;

// Sections ({#a} / {^a}) open inside each other. Rendering recurses once per
// level, so this bounds the render stack; real templates use 1 to 3.
inline constexpr std::size_t kMaxSectionDepth = 100;

// Elements open inside each other in one XML part (libxml2's default too).
// Real DOCX/ODT parts stay below 40, text boxes in tables included.
inline constexpr std::size_t kMaxXmlDepth = 256;

// Bytes between '{' and '}' of one tag, and formatters in one value tag.
inline constexpr std::size_t kMaxTagBytes = 500;
inline constexpr std::size_t kMaxFormatters = 16;

// Tags in one template (all parts): each costs ~1.5 KiB while compiling, so
// this bounds a tag-dense part (a 50 KB DOCX can hold a million tags).
// The shipped templates use under 150.
inline constexpr std::size_t kMaxTags = 20000;

// Issues kept per template; past this only their number is reported
// (TemplateErrors then ends with one too_many_errors issue).
inline constexpr std::size_t kMaxIssues = 1000;

// Bytes of one rendered part (a document.xml, an HTML page): nested loops
// over long lists cannot grow a document without end.
inline constexpr std::size_t kMaxRenderedPartBytes = 64u << 20;
// Nodes visited while rendering one part: loops in loops over long lists that
// write nothing still end (a 30-row table of 20 tags takes ~1,000 steps).
inline constexpr std::size_t kMaxRenderSteps = 16u << 20;

}  // namespace igsgov::docs
