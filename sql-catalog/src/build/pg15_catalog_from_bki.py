#!/usr/bin/env python3
"""Extracts PostgreSQL 15's built-in types, operators and their descriptions from postgres.bki
(shipped by the postgresql-15 Debian package, /usr/share/postgresql/15/postgres.bki) into the
tab-separated reference file the pgcatalog package reads:

  T oid typname typlen typbyval typtype typcategory typispreferred typelem typarray typalign typstorage typcollation
    typinput typoutput typreceive typsend
  P oid proname
  O oid oprname oprkind oprleft oprright oprresult oprcom oprnegate
  D objoid classoid description

usage: pg15_catalog_from_bki.py postgres.bki > pg15-builtin-catalog.tsv
"""
import re
import sys

TOKEN = re.compile(r"'((?:[^'\\]|\\.)*)'|(\S+)")


def tuples(lines, table):
    inside = False
    for line in lines:
        if line.startswith("open " + table) or line.startswith("create " + table):
            inside = True
        elif line.startswith("close " + table):
            inside = False
        elif inside and line.startswith("insert ("):
            body = line[len("insert ("):line.rindex(")")]
            yield [q if q is not None and b == "" else (q if q is not None else b)
                   for q, b in ((m.group(1), m.group(2) or "") for m in TOKEN.finditer(body))]


# symbols genbki leaves for initdb to replace, with their values on 64-bit Linux builds
SYMBOLS = {"NAMEDATALEN": "64", "SIZEOF_POINTER": "8", "ALIGNOF_POINTER": "d", "FLOAT8PASSBYVAL": "t",
           "ENCODING": "6", "LC_COLLATE": "C.UTF-8", "LC_CTYPE": "C.UTF-8", "POSTGRES": "postgres"}


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    for k, v in SYMBOLS.items():
        text = re.sub(r"\b" + k + r"\b", v, text)
    lines = text.splitlines()
    out = sys.stdout
    for r in tuples(lines, "pg_type"):
        # oid typname ns owner typlen typbyval typtype typcategory typispreferred typisdefined typdelim typrelid
        # typsubscript typelem typarray ... typalign(22) typstorage(23) ... typcollation(28)
        if r[6] == "c":
            continue
        out.write("\t".join(["T", r[0], r[1], r[4], r[5], r[6], r[7], r[8], r[13], r[14], r[22], r[23], r[28],
                             r[15], r[16], r[17], r[18]]) + "\n")
    for r in tuples(lines, "pg_proc"):
        out.write("\t".join(["P", r[0], r[1]]) + "\n")
    for r in tuples(lines, "pg_operator"):
        out.write("\t".join(["O", r[0], r[1], r[4], r[7], r[8], r[9], r[10], r[11]]) + "\n")
    for r in tuples(lines, "pg_description"):
        if r[1] in ("2617", "1247"):
            out.write("\t".join(["D", r[0], r[1], r[3].replace("\\", "\\\\").replace("\t", "\\t")]) + "\n")


if __name__ == "__main__":
    main()
