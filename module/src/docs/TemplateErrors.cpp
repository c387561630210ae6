#include "docs/TemplateErrors.hpp"

#include "docs/Limits.hpp"

#include <Poco/JSON/Array.h>

namespace igsgov::docs {

Poco::JSON::Object::Ptr TemplateIssue::toJson() const {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", id);
  o->set("message", message);
  o->set("part", part);
  if (paragraph) o->set(inLines ? "line" : "paragraph", static_cast<Poco::UInt64>(paragraph));
  if (position) o->set("position", static_cast<Poco::UInt64>(position));
  o->set("offset", static_cast<Poco::UInt64>(offset));
  o->set("snippet", snippet);
  if (!tag.empty()) o->set("tag", tag);
  return o;
}

Place TemplateIssue::place() const {
  Place p;
  p.set("part", part);
  if (paragraph) p.set(inLines ? "line" : "paragraph", std::to_string(paragraph));
  if (position) p.set("position", std::to_string(position));
  else p.set("offset", std::to_string(offset));
  if (!tag.empty()) p.set("tag", tag);
  return p;
}

void IssueList::push_back(TemplateIssue issue) {
  if (items_.size() < kMaxIssues) items_.push_back(std::move(issue));
  else ++dropped_;
}

std::vector<TemplateIssue> IssueList::take() {
  std::vector<TemplateIssue> out = std::move(items_);
  items_.clear();
  if (dropped_) {
    TemplateIssue i;
    i.id = "too_many_errors";
    i.message = "nog " + std::to_string(dropped_) + " fouten, niet getoond (maximum " +
                std::to_string(kMaxIssues) + "); verbeter eerst de getoonde";
    i.part = out.empty() ? std::string() : out.back().part;
    out.push_back(std::move(i));
    dropped_ = 0;
  }
  return out;
}

namespace {

std::string summary(const std::vector<TemplateIssue>& issues) {
  if (issues.empty()) return "Het sjabloon bevat fouten";
  std::string s = issues.size() == 1 ? "Het sjabloon bevat 1 fout: "
                                     : "Het sjabloon bevat " + std::to_string(issues.size()) +
                                           " fouten; de eerste: ";
  return s + issues.front().message;
}

}  // namespace

TemplateErrors::TemplateErrors(std::vector<TemplateIssue> issues)
    : Error(ErrorCode::invalid, summary(issues), issues.empty() ? Place{} : issues.front().place()),
      issues_(std::move(issues)) {}

Poco::JSON::Object::Ptr TemplateErrors::toJson() const {
  Poco::JSON::Object::Ptr o = Error::toJson();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& issue : issues_) list->add(issue.toJson());
  o->set("errors", list);
  return o;
}

}  // namespace igsgov::docs
