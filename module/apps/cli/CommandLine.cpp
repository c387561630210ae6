#include "CommandLine.hpp"

#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

namespace igsgov::cli {
namespace {

using Obj = Poco::JSON::Object::Ptr;
using Arr = Poco::JSON::Array::Ptr;

std::vector<std::string> words(const Arr& a) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::string dashed(std::string name) {
  for (auto& c : name)
    if (c == '_') c = '-';
  return name;
}

std::string underscored(std::string name) {
  for (auto& c : name)
    if (c == '-') c = '_';
  return name;
}

Obj findParam(const Obj& op, const std::string& name) {
  auto params = op->getArray("params");
  for (std::size_t i = 0; i < params->size(); ++i) {
    auto p = params->getObject(static_cast<unsigned>(i));
    if (p->getValue<std::string>("name") == name) return p;
  }
  return nullptr;
}

std::string readArgumentFile(const std::string& value) {
  if (value.empty() || value[0] != '@') return value;
  std::string text;
  try {
    Poco::FileInputStream in(value.substr(1));
    Poco::StreamCopier::copyToString(in, text);
  } catch (const Poco::Exception& e) {
    throw UsageError("bestand '" + value.substr(1) + "' kan niet gelezen worden: " + e.displayText());
  }
  return text;
}

Poco::Dynamic::Var typed(const std::string& option, const std::string& type, const std::string& raw) {
  if (type == "integer") {
    std::size_t used = 0;
    try {
      long long n = std::stoll(raw, &used);
      if (used == raw.size()) return n;
    } catch (...) {
    }
    throw UsageError("optie --" + option + " verwacht een geheel getal, niet '" + raw + "'");
  }
  if (type == "boolean") {
    if (raw == "true" || raw == "ja" || raw == "1") return true;
    if (raw == "false" || raw == "nee" || raw == "0") return false;
    throw UsageError("optie --" + option + " verwacht ja of nee, niet '" + raw + "'");
  }
  return raw;
}

Obj matchOperation(const Obj& catalogue, const std::vector<std::string>& positional, std::size_t& used) {
  auto ops = catalogue->getArray("operations");
  Obj best;
  used = 0;
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    std::vector<std::vector<std::string>> forms{words(op->getArray("cli"))};
    auto aliases = op->getArray("aliases");
    for (std::size_t a = 0; a < aliases->size(); ++a) forms.push_back(words(aliases->getArray(static_cast<unsigned>(a))));
    for (const auto& form : forms) {
      if (form.size() > positional.size() || form.size() <= used) continue;
      bool match = true;
      for (std::size_t k = 0; k < form.size(); ++k) match = match && form[k] == positional[k];
      if (match) {
        best = op;
        used = form.size();
      }
    }
  }
  return best;
}

}  // namespace

void addLocalCommands(const Obj& catalogue) {
  Poco::JSON::Parser parser;
  auto keygen = parser.parse(R"json({"name": "audit.keygen", "access": "local", "cli": ["audit", "keygen"],
      "aliases": [], "positional": "file", "roles": [],
      "summary": "Maak een sleutelpaar om het journaal te ondertekenen (BESTAND en BESTAND.pub)",
      "params": [{"name": "file", "type": "path", "required": true,
                  "help": "de privésleutel (nieuw bestand, modus 0600); de publieke sleutel komt in BESTAND.pub"}]})json")
                    .extract<Obj>();
  catalogue->getArray("operations")->add(keygen);
}

Call parse(const std::vector<std::string>& args, const Obj& catalogue) {
  Call call;
  if (const char* db = std::getenv("IGSGOV_DB")) call.db = db;
  if (const char* key = std::getenv("IGSGOV_SIGNING_KEY")) call.signingKey = key;
  if (const char* actor = std::getenv("IGSGOV_ACTOR")) call.actor = actor;
  if (call.actor.empty()) {
    const char* user = std::getenv("USER");
    call.actor = std::string("cli:") + (user ? user : "onbekend");
  }
  for (const auto& a : args) {
    if (a == "--version") call.version = true;
    if (a == "--help" || a == "-h") call.help = true;
  }
  std::vector<std::string> rest = args;
  // The command words: the non-option arguments, skipping values of global options.
  std::vector<std::string> leading;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    if (a == "--db" || a == "--format" || a == "--actor" || a == "--reason" || a == "--signing-key") { ++i; continue; }
    if (a.rfind("--", 0) == 0 || a == "-h") continue;
    leading.push_back(a);
  }
  std::size_t used = 0;
  call.operation = matchOperation(catalogue, leading, used);
  if (!call.operation) {
    if (leading.empty()) {
      call.help = true;
      return call;
    }
    throw UsageError("onbekend commando '" + leading[0] + (leading.size() > 1 ? " " + leading[1] : std::string()) +
                     "'; zie 'igsgov --help'");
  }
  call.input = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  std::size_t skipWords = used;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    if (a == "--help" || a == "-h" || a == "--version") continue;
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      std::string name = a.substr(2), value;
      bool hasValue = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        hasValue = true;
      }
      auto takeValue = [&]() {
        if (hasValue) return value;
        if (i + 1 >= rest.size()) throw UsageError("optie --" + name + " verwacht een waarde");
        return rest[++i];
      };
      if (name == "db") { call.db = takeValue(); continue; }
      if (name == "actor") { call.actor = takeValue(); continue; }
      if (name == "signing-key") { call.signingKey = takeValue(); continue; }
      if (name == "format") {
        call.format = takeValue();
        // An operation with its own `format` parameter (documents.generate: docx, pdf...) takes
        // every value other than the output formats text and json.
        if (findParam(call.operation, "format") && call.format != "text" && call.format != "json") {
          call.input->set("format", call.format);
          call.format = "text";
          continue;
        }
        if (call.format != "text" && call.format != "json")
          throw UsageError("--format is text of json, niet '" + call.format + "'");
        continue;
      }
      bool negated = false;
      std::string key = underscored(name);
      auto param = findParam(call.operation, key);
      if (!param && key.rfind("no_", 0) == 0) {
        auto p2 = findParam(call.operation, key.substr(3));
        if (p2 && p2->getValue<std::string>("type") == "boolean") {
          param = p2;
          key = key.substr(3);
          negated = true;
        }
      }
      if (name == "reason") {
        call.reason = takeValue();
        if (param) call.input->set("reason", call.reason);
        continue;
      }
      if (!param) {
        throw UsageError("onbekende optie --" + name + " voor '" + call.operation->getValue<std::string>("name") +
                         "'; zie --help");
      }
      std::string type = param->getValue<std::string>("type");
      if (type == "boolean" && !hasValue) {
        call.input->set(key, !negated);
        continue;
      }
      if (type == "object" || type == "array") {
        std::string value = takeValue();
        for (const auto& r : call.raw)
          if (r.key == key) throw UsageError("optie --" + name + " komt twee keer voor");
        call.raw.push_back({key, name, value.rfind('@', 0) == 0 ? value.substr(1) : "", readArgumentFile(value)});
        continue;
      }
      call.input->set(key, typed(name, type, takeValue()));
      continue;
    }
    if (skipWords > 0) { --skipWords; continue; }
    if (call.operation->has("positional") && !call.input->has(call.operation->getValue<std::string>("positional"))) {
      call.input->set(call.operation->getValue<std::string>("positional"), a);
      continue;
    }
    throw UsageError("onverwacht argument '" + a + "'; zie 'igsgov " +
                     call.operation->getValue<std::string>("name") + " --help'");
  }
  return call;
}

namespace {
std::string stringified(const Obj& input) {
  std::ostringstream os;
  input->stringify(os);
  return os.str();
}
long linesIn(const std::string& s) { return static_cast<long>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

std::string inputText(const Call& call) {
  std::string text = stringified(call.input);
  if (call.raw.empty()) return text;
  text.pop_back();  // the closing brace
  bool first = call.input->size() == 0;
  for (const auto& r : call.raw) {
    text += first ? "\n" : ",\n";
    first = false;
    text += "\"" + r.key + "\":\n" + r.text;
  }
  return text + "\n}";
}

const RawOption* placeInOption(const Call& call, long line, long& lineInOption) {
  long last = linesIn(stringified(call.input)) + 1;  // the last line used so far
  for (const auto& r : call.raw) {
    long start = last + 2;  // after the line with the key
    long end = start + linesIn(r.text);
    if (line >= start && line <= end) {
      lineInOption = line - start + 1;
      return &r;
    }
    last = end;
  }
  return nullptr;
}

std::string overviewHelp(const Obj& catalogue) {
  std::ostringstream os;
  os << "igsgov — bestuursgegevens van intergemeentelijke samenwerkingsverbanden\n\n"
        "Gebruik: igsgov [--db BESTAND] [--format text|json] COMMANDO [OPTIES]\n\n"
        "Algemene opties:\n"
        "  --db BESTAND      het register (standaard $IGSGOV_DB)\n"
        "  --format FORMAAT  text (standaard) of json\n"
        "  --actor NAAM      wie de wijziging doet (standaard $IGSGOV_ACTOR of cli:$USER)\n"
        "  --reason TEKST    waarom (komt in het journaal)\n"
        "  --signing-key BESTAND  privésleutel die elke journaalregel ondertekent\n"
        "                    (standaard $IGSGOV_SIGNING_KEY; maak er een met 'igsgov audit keygen')\n"
        "  --help            hulp; 'igsgov COMMANDO --help' voor één commando\n"
        "  --version         versie\n\nCommando's:\n";
  auto ops = catalogue->getArray("operations");
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    std::string cmd;
    for (const auto& w : words(op->getArray("cli"))) cmd += (cmd.empty() ? "" : " ") + w;
    auto aliases = op->getArray("aliases");
    if (aliases->size()) {
      std::string alias;
      for (const auto& w : words(aliases->getArray(0))) alias += (alias.empty() ? "" : " ") + w;
      cmd += " (" + alias + ")";
    }
    os << "  " << cmd;
    for (std::size_t pad = cmd.size(); pad < 34; ++pad) os << ' ';
    os << " " << op->getValue<std::string>("summary") << "\n";
  }
  os << "\nUitgangscodes: 0 gelukt, 2 ongeldige invoer, 3 niet gevonden, 4 conflict, 5 register niet intact,\n"
        "6 in-/uitvoerfout, 7 niet ondersteund, 8 geen toegang, 9 bezet, 10 interne fout,\n"
        "20 controle met openstaande fouten (igsgov check), 64 verkeerd gebruik.\n";
  return os.str();
}

std::string commandHelp(const Obj& op) {
  std::ostringstream os;
  std::string cmd;
  for (const auto& w : words(op->getArray("cli"))) cmd += (cmd.empty() ? "" : " ") + w;
  os << "igsgov " << cmd;
  if (op->has("positional")) os << " [" << op->getValue<std::string>("positional") << "]";
  os << " [OPTIES]\n\n" << op->getValue<std::string>("summary") << "\n";
  os << "Operatie: " << op->getValue<std::string>("name") << " (" << op->getValue<std::string>("access") << ")\n\n";
  auto params = op->getArray("params");
  if (params->size()) os << "Opties:\n";
  for (std::size_t i = 0; i < params->size(); ++i) {
    auto p = params->getObject(static_cast<unsigned>(i));
    std::string line = "  --" + dashed(p->getValue<std::string>("name")) + " " +
                       (p->getValue<std::string>("type") == "boolean" ? "" : p->getValue<std::string>("type"));
    os << line;
    for (std::size_t pad = line.size(); pad < 30; ++pad) os << ' ';
    os << (p->getValue<bool>("required") ? " (verplicht) " : " ") << p->getValue<std::string>("help") << "\n";
  }
  return os.str();
}

}  // namespace igsgov::cli
