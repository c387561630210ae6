#include "docs/Program.hpp"

#include "core/XmlEscape.hpp"
#include "docs/Limits.hpp"
#include "docs/TextEscape.hpp"
#include "docs/XmlScan.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <set>

namespace igsgov::docs {

namespace {

using Poco::Dynamic::Var;

// Looks `key` up in one scope value; false when the scope has no such member.
bool member(const Var& scope, const std::string& key, Var& out) {
  if (scope.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto& obj = scope.extract<Poco::JSON::Object::Ptr>();
    if (!obj || !obj->has(key)) return false;
    out = obj->get(key);
    return true;
  }
  if (scope.isStruct()) {
    try {
      out = scope[key];
      return true;
    } catch (const Poco::Exception&) {
      return false;
    }
  }
  return false;
}

bool isArray(const Var& v) { return v.type() == typeid(Poco::JSON::Array::Ptr) || (v.isArray() && !v.isString()); }

std::size_t arraySize(const Var& v) {
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto& a = v.extract<Poco::JSON::Array::Ptr>();
    return a ? a->size() : 0;
  }
  return v.size();
}

Var arrayAt(const Var& v, std::size_t i) {
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) return v.extract<Poco::JSON::Array::Ptr>()->get(static_cast<unsigned>(i));
  return v[i];
}

bool truthy(const Var& v) {
  if (v.isEmpty()) return false;
  if (isArray(v)) return arraySize(v) > 0;
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return !v.extract<Poco::JSON::Object::Ptr>().isNull();
  if (v.type() == typeid(bool)) return v.extract<bool>();
  if (v.isString()) return !v.extract<std::string>().empty();
  if (v.isNumeric()) {
    try {
      return v.convert<double>() != 0.0;
    } catch (const Poco::Exception&) {
      return true;
    }
  }
  return true;
}

class Renderer {
public:
  Renderer(const PartProgram& p, const std::optional<std::string>& placeholder, std::string& out,
           IssueList& issues)
      : p_(p), placeholder_(placeholder), out_(out), issues_(issues) {}

  void run(const Var& data) {
    scopes_.push_back(data);
    nodes(p_.nodes);
  }

private:
  // Resolves a path against the scope chain (innermost first, like docxtemplater).
  bool lookup(const std::vector<std::string>& path, Var& out) const {
    if (path.empty()) {
      out = scopes_.back();
      return true;
    }
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      Var v;
      if (!member(*it, path[0], v)) continue;
      for (std::size_t i = 1; i < path.size(); ++i) {
        Var next;
        if (!member(v, path[i], next)) return false;
        v = std::move(next);
      }
      out = std::move(v);
      return true;
    }
    return false;
  }

  void issue(const Node& n, const std::string& id, const std::string& message) {
    const TagSite& s = p_.sites[n.site];
    // One issue per tag site, however often a loop visits it.
    if (!reported_.insert({n.site, id}).second) return;
    TemplateIssue i;
    i.id = id;
    i.message = message;
    i.part = s.part;
    i.paragraph = s.paragraph;
    i.position = s.position;
    i.offset = s.offset;
    i.inLines = s.inLines;
    i.snippet = s.snippet;
    i.tag = s.tag;
    issues_.push_back(std::move(i));
  }

  void write(const std::string& text) {
    switch (p_.mode) {
      case ValueMode::markdown: appendMarkdownEscaped(out_, text); return;
      case ValueMode::html: appendHtmlEscaped(out_, text); return;
      case ValueMode::xml: appendXmlText(out_, text); return;
      case ValueMode::docx:
      case ValueMode::odt: break;
    }
    const bool docx = p_.mode == ValueMode::docx;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c != '\n' && c != '\t' && c != '\r') continue;
      appendXmlText(out_, std::string_view(text).substr(start, i - start));
      start = i + 1;
      if (c == '\r') {
        if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // \r\n: one break
        c = '\n';
      }
      if (docx)
        out_ += c == '\n' ? "</w:t><w:br/><w:t xml:space=\"preserve\">"
                          : "</w:t><w:tab/><w:t xml:space=\"preserve\">";
      else
        out_ += c == '\n' ? "<text:line-break/>" : "<text:tab/>";
    }
    appendXmlText(out_, std::string_view(text).substr(start));
  }

  void value(const Node& n) {
    Var v;
    if (!lookup(n.path, v)) {
      if (placeholder_) {
        write(*placeholder_);
        return;
      }
      issue(n, "unknown_tag",
            "de gegevens hebben geen waarde voor " + p_.sites[n.site].tag);
      return;
    }
    std::string text;
    if (n.formatters.empty()) {
      if (!scalarText(v, text)) {
        issue(n, "invalid_value", p_.sites[n.site].tag + " is een lijst of object, geen tekst");
        return;
      }
      write(text);
      return;
    }
    for (FormatterFn f : n.formatters) {
      std::string error;
      if (!f(v, text, error)) {
        issue(n, "invalid_value", p_.sites[n.site].tag + ": " + error);
        return;
      }
      v = text;
    }
    write(text);
  }

  void section(const Node& n) {
    Var v;
    bool found = lookup(n.path, v);
    if (n.inverted) {
      if (!found || !truthy(v)) nodes(n.children);
      return;
    }
    if (!found || !truthy(v)) return;
    if (isArray(v)) {
      std::size_t size = arraySize(v);
      for (std::size_t i = 0; i < size && !stopped_; ++i) {
        step(n);
        scopes_.push_back(arrayAt(v, i));
        nodes(n.children);
        scopes_.pop_back();
      }
      return;
    }
    scopes_.push_back(v);
    nodes(n.children);
    scopes_.pop_back();
  }

  void raw(const Node& n) {
    Var v;
    if (!lookup(n.path, v)) {
      if (placeholder_) return;
      issue(n, "unknown_tag", "de gegevens hebben geen waarde voor " + p_.sites[n.site].tag);
      return;
    }
    std::string text;
    if (!scalarText(v, text)) {
      issue(n, "invalid_value", p_.sites[n.site].tag + " is een lijst of object, geen XML-tekst");
      return;
    }
    out_ += text;
  }

  // Recursion: one level per nested section, at most kMaxSectionDepth.
  void nodes(const std::vector<Node>& list) {
    for (const Node& n : list) {
      if (stopped_) return;
      switch (n.kind) {
        case Node::literal: out_ += n.text; break;
        case Node::value: value(n); break;
        case Node::section: {
          int outer = section_;
          section_ = n.site;
          section(n);
          section_ = outer;
          break;
        }
        case Node::raw: raw(n); break;
      }
      step(n);
    }
  }

  // Counts one step (a node or a loop item) and stops the part when it grew
  // past kMaxRenderedPartBytes or took more than kMaxRenderSteps steps.
  void step(const Node& n) {
    if (stopped_) return;
    if (out_.size() > kMaxRenderedPartBytes)
      tooLarge(n, "het document wordt te groot (meer dan " +
                      std::to_string(kMaxRenderedPartBytes >> 20) + " MiB in één deel)");
    else if (++steps_ > kMaxRenderSteps)
      tooLarge(n, "het document vraagt te veel herhalingen (meer dan " +
                      std::to_string(kMaxRenderSteps) + " stappen)");
  }

  void tooLarge(const Node& n, const std::string& what) {
    stopped_ = true;
    const std::string message = what + "; herhalen secties in elkaar zich over lange lijsten?";
    int site = n.site >= 0 ? n.site : section_;
    if (site < 0 && !p_.sites.empty()) site = 0;
    if (site < 0) {
      TemplateIssue i;
      i.id = "output_too_large";
      i.message = message;
      issues_.push_back(std::move(i));
      return;
    }
    Node at;
    at.site = site;
    issue(at, "output_too_large", message);
  }

  const PartProgram& p_;
  const std::optional<std::string>& placeholder_;
  std::string& out_;
  IssueList& issues_;
  std::vector<Var> scopes_;
  std::set<std::pair<int, std::string>> reported_;
  int section_ = -1;  // site of the innermost section being rendered
  std::size_t steps_ = 0;  // nodes visited, loop items included
  bool stopped_ = false;
};

}  // namespace

void renderPart(const PartProgram& program, const Poco::Dynamic::Var& data,
                const std::optional<std::string>& placeholder, std::string& out,
                IssueList& issues) {
  out.reserve(out.size() + program.sizeHint + program.sizeHint / 2);
  Renderer r(program, placeholder, out, issues);
  r.run(data);
}

}  // namespace igsgov::docs
