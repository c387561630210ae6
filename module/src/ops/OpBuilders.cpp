#include "ops/OpBuilders.hpp"

namespace igsgov::ops {

const Param kReasonParam{"reason", "string", false, "waarom (komt in het journaal)"};
const Param kReasonRequiredParam{"reason", "string", true, "waarom (komt in het journaal)"};

Operation makeOperation(std::string name, std::string summary, Access access, std::vector<Param> params) {
  Operation op;
  auto dot = name.find('.');
  op.cli = {name.substr(0, dot), name.substr(dot + 1)};
  op.name = std::move(name);
  op.summary = std::move(summary);
  op.access = access;
  op.roles = access == Access::read ? kAllRoles : kWriterRoles;
  op.params = std::move(params);
  return op;
}

Operation writeOp(std::string name, std::string summary, std::vector<Param> params, WriteFn fn, TextFn text) {
  auto op = makeOperation(std::move(name), std::move(summary), Access::write, std::move(params));
  op.write = std::move(fn);
  op.text = std::move(text);
  return op;
}

Operation readOp(std::string name, std::string summary, std::vector<Param> params, ReadFn fn, TextFn text) {
  auto op = makeOperation(std::move(name), std::move(summary), Access::read, std::move(params));
  op.read = std::move(fn);
  op.text = std::move(text);
  return op;
}

Operation runOp(std::string name, std::string summary, std::vector<Param> params, RunFn fn, TextFn text) {
  auto op = makeOperation(std::move(name), std::move(summary), Access::write, std::move(params));
  op.run = std::move(fn);
  op.text = std::move(text);
  return op;
}

}  // namespace igsgov::ops
