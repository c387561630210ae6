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

// Edit distance (Levenshtein) of two words, for "bedoelde je ...?".
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The closest of `candidates` to `typed`, when close enough to be a typo.
std::string closest(const std::string& typed, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t bestDistance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (const auto& c : candidates) {
    std::size_t d = distance(typed, c);
    if (d < bestDistance || (c.rfind(typed, 0) == 0 && typed.size() >= 3 && best.empty())) {
      best = c;
      bestDistance = std::min(d, bestDistance);
    }
  }
  return best;
}

std::string joined(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

std::string listed(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// Every way to call a command: its words and its aliases.
std::vector<std::vector<std::string>> commandForms(const Obj& catalogue) {
  std::vector<std::vector<std::string>> forms;
  auto ops = catalogue->getArray("operations");
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    forms.push_back(words(op->getArray("cli")));
    auto aliases = op->getArray("aliases");
    for (std::size_t a = 0; a < aliases->size(); ++a) forms.push_back(words(aliases->getArray(static_cast<unsigned>(a))));
  }
  return forms;
}

// The subcommands of a group ("mandate" -> appoint, end, ...); empty when `group` is none.
std::vector<std::string> subcommands(const Obj& catalogue, const std::string& group) {
  std::vector<std::string> out;
  for (const auto& f : commandForms(catalogue))
    if (f.size() >= 2 && f[0] == group && std::find(out.begin(), out.end(), f[1]) == out.end()) out.push_back(f[1]);
  return out;
}

// The usage error for command words that name no command, with a suggestion.
UsageError unknownCommand(const Obj& catalogue, const std::vector<std::string>& leading) {
  auto subs = subcommands(catalogue, leading[0]);
  if (!subs.empty()) {
    std::string typed = leading.size() > 1 ? leading[1] : "";
    std::string guess = closest(typed, subs);
    if (!guess.empty())
      return UsageError("onbekend commando '" + leading[0] + " " + typed + "'; bedoelde je '" + leading[0] + " " + guess + "'?");
    return UsageError("'" + leading[0] + "' kent geen commando '" + typed + "'; mogelijk: " + listed(subs) +
                      " (zie 'igsgov help " + leading[0] + "')");
  }
  std::vector<std::string> first;
  for (const auto& f : commandForms(catalogue))
    if (std::find(first.begin(), first.end(), f[0]) == first.end()) first.push_back(f[0]);
  std::string guess = closest(leading[0], first);
  if (!guess.empty()) return UsageError("onbekend commando '" + leading[0] + "'; bedoelde je '" + guess + "'?");
  return UsageError("onbekend commando '" + leading[0] + "'; zie 'igsgov help'");
}

std::string commandWords(const Obj& op) { return joined(words(op->getArray("cli"))); }

}  // namespace

std::string groupHelp(const Obj& catalogue, const std::string& group) {
  std::ostringstream os;
  os << "igsgov " << group << " — de commando's:\n\n";
  auto ops = catalogue->getArray("operations");
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    auto w = words(op->getArray("cli"));
    if (w.empty() || w[0] != group) continue;
    std::string cmd = joined(w);
    os << "  " << cmd;
    for (std::size_t pad = cmd.size(); pad < 30; ++pad) os << ' ';
    os << " " << op->getValue<std::string>("summary") << "\n";
  }
  os << "\nMeer over één commando: 'igsgov help " << group << " COMMANDO' of 'igsgov " << group << " COMMANDO --help'.\n";
  return os.str();
}

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
    if (a == "--man") call.man = true;
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
  // `igsgov help [COMMAND...]` is `igsgov [COMMAND...] --help`.
  if (!leading.empty() && leading[0] == "help") {
    leading.erase(leading.begin());
    call.help = true;
    if (auto at = std::find(rest.begin(), rest.end(), "help"); at != rest.end()) rest.erase(at);
  }
  std::size_t used = 0;
  call.operation = matchOperation(catalogue, leading, used);
  if (!call.operation) {
    if (leading.empty()) {
      call.help = true;
      return call;
    }
    // A group on its own ("igsgov mandate") lists its commands.
    if (leading.size() == 1 && !subcommands(catalogue, leading[0]).empty()) {
      call.group = leading[0];
      call.help = true;
      return call;
    }
    throw unknownCommand(catalogue, leading);
  }
  if (call.help) return call;
  call.input = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  std::size_t skipWords = used;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    if (a == "--help" || a == "-h" || a == "--version" || a == "--man") continue;
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
        std::vector<std::string> options;
        auto params = call.operation->getArray("params");
        for (std::size_t k = 0; k < params->size(); ++k)
          options.push_back(dashed(params->getObject(static_cast<unsigned>(k))->getValue<std::string>("name")));
        std::string guess = closest(name, options);
        throw UsageError("onbekende optie --" + name + " voor 'igsgov " + commandWords(call.operation) + "'" +
                         (guess.empty() ? "; zie 'igsgov help " + commandWords(call.operation) + "'"
                                        : "; bedoelde je --" + guess + "?"));
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
    throw UsageError("onverwacht argument '" + a + "'; zie 'igsgov help " + commandWords(call.operation) + "'");
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

namespace {

struct GlobalOption {
  const char* name;
  const char* argument;  // "" for a flag
  const char* help;
};

// The options every command takes (parsed in parse() above).
const GlobalOption kGlobalOptions[] = {
    {"db", "BESTAND", "het register (standaard $IGSGOV_DB): een bestand, of een PostgreSQL-databank als postgresql://gebruiker@host/databank"},
    {"format", "FORMAAT", "text (standaard, Nederlandse tekst) of json (stabiele sleutels voor programma's)"},
    {"actor", "NAAM", "wie de wijziging doet (standaard $IGSGOV_ACTOR of cli:$USER)"},
    {"reason", "TEKST", "waarom (komt in het journaal)"},
    {"signing-key", "BESTAND",
     "privésleutel die elke journaalregel ondertekent (standaard $IGSGOV_SIGNING_KEY; maak er een met 'igsgov audit keygen')"},
    {"help", "", "hulp; 'igsgov help COMMANDO' voor één commando"},
    {"man", "", "deze hulp als man-pagina (roff), voor man(1)"},
    {"version", "", "versie"},
};

const char* kExitCodes =
    "0 gelukt, 2 ongeldige invoer, 3 niet gevonden, 4 conflict, 5 register niet intact, "
    "6 in-/uitvoerfout, 7 niet ondersteund, 8 geen toegang, 9 bezet, 10 interne fout, "
    "20 controle met openstaande fouten (igsgov check), 64 verkeerd gebruik.";

std::string commandLine(const Obj& op, bool withAlias) {
  std::string cmd = joined(words(op->getArray("cli")));
  auto aliases = op->getArray("aliases");
  if (withAlias && aliases->size()) cmd += " (" + joined(words(aliases->getArray(0))) + ")";
  return cmd;
}

std::string valuesText(const Obj& param) {
  return param->has("values") ? "; waarden: " + listed(words(param->getArray("values"))) : "";
}

// Text for roff: backslashes escaped, a leading dot or quote neutralised.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

}  // namespace

std::string overviewHelp(const Obj& catalogue) {
  std::ostringstream os;
  os << "igsgov — bestuursgegevens van intergemeentelijke samenwerkingsverbanden\n\n"
        "Gebruik: igsgov [--db BESTAND] [--format text|json] COMMANDO [OPTIES]\n\n"
        "Algemene opties:\n";
  for (const auto& g : kGlobalOptions) {
    std::string flag = std::string("  --") + g.name + (*g.argument ? std::string(" ") + g.argument : "");
    os << flag;
    for (std::size_t pad = flag.size(); pad < 24; ++pad) os << ' ';
    os << " " << g.help << "\n";
  }
  os << "\nCommando's:\n";
  auto ops = catalogue->getArray("operations");
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    std::string cmd = commandLine(op, true);
    os << "  " << cmd;
    for (std::size_t pad = cmd.size(); pad < 34; ++pad) os << ' ';
    os << " " << op->getValue<std::string>("summary") << "\n";
  }
  os << "\nUitgangscodes: " << kExitCodes << "\n";
  return os.str();
}

std::string manPage(const Obj& catalogue, const std::string& version) {
  std::ostringstream os;
  os << ".TH IGSGOV 1 \"\" \"igsgov " << roff(version) << "\" \"igsgov\"\n.nh\n"
     << ".SH NAAM\nigsgov \\- bestuursgegevens van intergemeentelijke samenwerkingsverbanden (IGS)\n"
     << ".SH OVERZICHT\n.B igsgov\n[\\fB\\-\\-db\\fR \\fIBESTAND\\fR] [\\fB\\-\\-format\\fR text|json] "
        "\\fICOMMANDO\\fR [\\fIOPTIES\\fR]\n"
     << ".SH BESCHRIJVING\n"
        "igsgov houdt het register bij van de intergemeentelijke samenwerkingsverbanden: wie in welk orgaan zetelt, "
        "welke statuten gelden en wie ze goedkeurde, meerjarenplannen en bijdragen, met de volledige geschiedenis en "
        "een journaal dat wijzigingen buiten igsgov om aantoont. Elk commando is een operatie van de catalogus, "
        "dezelfde als via de REST-dienst igsgovd en de C-bibliotheek.\n"
     << ".SH \"ALGEMENE OPTIES\"\n";
  for (const auto& g : kGlobalOptions) {
    os << ".TP\n\\fB\\-\\-" << roff(g.name) << "\\fR";
    if (*g.argument) os << " \\fI" << g.argument << "\\fR";
    os << "\n" << roff(g.help) << "\n";
  }
  os << ".SH COMMANDO'S\n";
  auto ops = catalogue->getArray("operations");
  for (std::size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(static_cast<unsigned>(i));
    os << ".SS \"" << roff(commandLine(op, true)) << "\"\n" << roff(op->getValue<std::string>("summary")) << "\n";
    auto params = op->getArray("params");
    for (std::size_t k = 0; k < params->size(); ++k) {
      auto p = params->getObject(static_cast<unsigned>(k));
      os << ".TP\n\\fB\\-\\-" << roff(dashed(p->getValue<std::string>("name"))) << "\\fR";
      if (p->getValue<std::string>("type") != "boolean") os << " \\fI" << p->getValue<std::string>("type") << "\\fR";
      if (p->getValue<bool>("required")) os << " (verplicht)";
      os << "\n" << roff(p->getValue<std::string>("help") + valuesText(p)) << "\n";
    }
  }
  os << ".SH UITGANGSCODES\n" << roff(kExitCodes) << "\n"
     << ".SH OMGEVING\n.TP\n.B IGSGOV_DB\nhet register als \\-\\-db ontbreekt\n"
     << ".TP\n.B IGSGOV_ACTOR\nwie de wijzigingen doet als \\-\\-actor ontbreekt\n"
     << ".TP\n.B IGSGOV_SIGNING_KEY\nde privésleutel als \\-\\-signing\\-key ontbreekt\n"
     << ".SH \"ZIE OOK\"\n.BR igsgovd (1);\nde Nederlandse handleiding in /usr/share/doc/igsgov/ (cli.md en de andere bestanden).\n";
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
    os << (p->getValue<bool>("required") ? " (verplicht) " : " ") << p->getValue<std::string>("help") << valuesText(p)
       << "\n";
  }
  return os.str();
}

}  // namespace igsgov::cli
