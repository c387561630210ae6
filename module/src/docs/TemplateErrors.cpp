#include "docs/TemplateErrors.hpp"

#include <Poco/JSON/Array.h>

namespace igsgov::docs {

Poco::JSON::Object::Ptr TemplateIssue::toJson() const {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", id);
  o->set("message", message);
  o->set("part", part);
  if (paragraph) o->set("paragraph", static_cast<Poco::UInt64>(paragraph));
  o->set("offset", static_cast<Poco::UInt64>(offset));
  o->set("snippet", snippet);
  if (!tag.empty()) o->set("tag", tag);
  return o;
}

Place TemplateIssue::place() const {
  Place p;
  p.set("part", part);
  if (paragraph) p.set("paragraph", std::to_string(paragraph));
  p.set("offset", std::to_string(offset));
  if (!tag.empty()) p.set("tag", tag);
  return p;
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
