// The igsgov formatters (datum_lang, datum, euro, getal, upper, lower) as a
// docxtemplater parser, so docxtemplater renders our templates for the
// differential test and the benchmark. Written for this project's tests.
"use strict";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
  "augustus", "september", "oktober", "november", "december"];

function dutchInteger(n) {
  const neg = n < 0;
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + s;
}

const formatters = {
  datum_lang(v) {
    const [y, m, d] = String(v).split("-").map(Number);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  datum(v) {
    const [y, m, d] = String(v).split("-");
    return `${d}/${m}/${y}`;
  },
  euro(v) {
    const n = Number(v);
    const abs = Math.abs(n);
    const cents = String(abs % 100).padStart(2, "0");
    return "\u20ac " + (n < 0 ? "-" : "") + dutchInteger(Math.floor(abs / 100)) + "," + cents;
  },
  getal(v) { return dutchInteger(Number(v)); },
  upper(v) { return String(v).toUpperCase(); },
  lower(v) { return String(v).toLowerCase(); },
};

// docxtemplater parser: "a.b | f | g"; "." is the current scope.
function parser(tag) {
  const parts = tag.split("|").map((s) => s.trim());
  const expr = parts[0];
  const filters = parts.slice(1);
  return {
    get(scope) {
      let v;
      if (expr === ".") v = scope;
      else {
        v = scope;
        for (const key of expr.split(".")) {
          if (v == null || typeof v !== "object" || !(key in v)) return undefined;
          v = v[key];
        }
      }
      for (const f of filters) v = formatters[f](v);
      return v;
    },
  };
}

module.exports = { parser, formatters };
