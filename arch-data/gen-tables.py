#!/usr/bin/python3
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Turn arch-data/abis.csv, syscalls.csv and syscall-args.csv into C tables.

Run by meson at build time:

    gen-tables.py --abis abis.csv --syscalls syscalls.csv \\
                  --args syscall-args.csv --versions syscall-versions.csv \\
                  --output scmp-syscall-tables.c

The output holds data only; the declarations are in
scmp-glib/scmp-syscall-tables-private.h and the code that reads them in
scmp-glib/scmp-architecture.c.  Names are stored in one string pool with
offsets, so the tables need no relocations and live in .rodata.
"""

import argparse
import csv
import re
import sys

# The newest kernel release syscalls.csv covers (Linux 6.12's tables plus
# post-6.12.csv); no version in syscall-versions.csv may be newer.
TABLES_KERNEL = (7, 1)

ABI_COLUMNS = ['name', 'enum', 'audit_arch', 'nr_base', 'endian',
               'word_bits', 'reg_bits', 'socketcall_nr', 'ipc_nr']
MUX = {'': 'SCMP_MULTIPLEXER_NONE',
       'socketcall': 'SCMP_MULTIPLEXER_SOCKETCALL',
       'ipc': 'SCMP_MULTIPLEXER_IPC'}


def fail(msg):
    sys.exit(f'gen-tables: {msg}')


def read_abis(path):
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ABI_COLUMNS:
            fail(f'{path}: columns must be {",".join(ABI_COLUMNS)}')
        abis = list(reader)
    if len(abis) != 23:
        fail(f'{path}: expected 23 ABIs, got {len(abis)}')
    for info in abis:
        if info['endian'] not in ('le', 'be'):
            fail(f'{path}: {info["name"]}: endian must be le or be')
        if info['word_bits'] not in ('32', '64'):
            fail(f'{path}: {info["name"]}: word_bits must be 32 or 64')
        if info['reg_bits'] not in ('32', '64'):
            fail(f'{path}: {info["name"]}: reg_bits must be 32 or 64')
        if int(info['reg_bits']) < int(info['word_bits']):
            fail(f'{path}: {info["name"]}: reg_bits below word_bits')
    return abis


def read_syscalls(path, abis):
    names = [a['name'] for a in abis]
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ['name', 'mux', 'mux_sub'] + names:
            fail(f'{path}: columns must be name,mux,mux_sub,'
                 + ','.join(names))
        rows = list(reader)
    previous = None
    for row in rows:
        key = row['name'].encode('ascii')
        if not row['name'].isidentifier():
            fail(f'{path}: bad syscall name {row["name"]!r}')
        if previous is not None and key <= previous:
            fail(f'{path}: {row["name"]} out of order (strcmp) or repeated')
        previous = key
        if row['mux'] not in MUX:
            fail(f'{path}: {row["name"]}: bad mux {row["mux"]!r}')
        if (row['mux'] == '') != (row['mux_sub'] == ''):
            fail(f'{path}: {row["name"]}: mux and mux_sub go together')
    return rows


ARG_COLUMNS = ['abi', 'syscall', 'arg0', 'arg1', 'arg2', 'arg3', 'arg4',
               'arg5', 'entry', 'source']
ARG_TOKENS = {f'{sign}{bits}': bits | (0x80 if sign == 's' else 0)
              for sign in 'us' for bits in (8, 16, 32, 64)}


def read_arg_types(path, abis, rows):
    """{(abi index, name index): six type bytes}, one for every direct
    number; "-" (no such argument) reads the full register."""
    abi_index = {a['name']: i for i, a in enumerate(abis)}
    name_index = {r['name']: i for i, r in enumerate(rows)}
    types = {}
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ARG_COLUMNS:
            fail(f'{path}: columns must be {",".join(ARG_COLUMNS)}')
        for line in reader:
            where = f'{path}: {line["abi"]} {line["syscall"]}'
            a = abi_index.get(line['abi'])
            n = name_index.get(line['syscall'])
            if a is None or n is None:
                fail(f'{where}: unknown ABI or syscall')
            if rows[n][line['abi']] == '':
                fail(f'{where}: the ABI has no number for it')
            if (a, n) in types:
                fail(f'{where}: listed twice')
            sig = []
            for k in range(6):
                token = line[f'arg{k}']
                if token == '-':
                    sig.append(0)      # not an argument of the entry
                    continue
                if token not in ARG_TOKENS:
                    fail(f'{where}: bad type {token!r}')
                if int(token[1:]) > int(abis[a]['reg_bits']):
                    fail(f'{where}: {token} is wider than the register')
                sig.append(ARG_TOKENS[token])
            types[(a, n)] = tuple(sig)
    # update-arg-types.py writes a row for every direct number: a syscall
    # added to syscalls.csv needs its types too (post-6.12-args.csv).
    for n, row in enumerate(rows):
        for a, info in enumerate(abis):
            if row[info['name']] != '' and (a, n) not in types:
                fail(f'{path}: no row for {info["name"]} {row["name"]} '
                     '(run update-arg-types.py)')
    return types


def read_versions(path, abis, rows):
    """{(abi index, name index): (major << 8) | minor}: the release that
    added the syscall on the ABI, where syscall-versions.csv says."""
    names = [a['name'] for a in abis]
    name_index = {r['name']: i for i, r in enumerate(rows)}
    versions = {}
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ['name'] + names + ['source']:
            fail(f'{path}: columns must be name,' + ','.join(names)
                 + ',source')
        for line in reader:
            n = name_index.get(line['name'])
            if n is None:
                fail(f'{path}: {line["name"]} is not in syscalls.csv')
            for a, abi in enumerate(names):
                cell = line[abi]
                if cell == '':
                    continue
                where = f'{path}: {abi} {line["name"]}'
                m = re.fullmatch(r'([1-9]\d?)\.(\d{1,3})', cell)
                if m is None or int(m[2]) > 255:
                    fail(f'{where}: bad version {cell!r}')
                v = (int(m[1]), int(m[2]))
                if v > TABLES_KERNEL:
                    fail(f'{where}: {cell} is newer than the tables '
                         f'({TABLES_KERNEL[0]}.{TABLES_KERNEL[1]})')
                if rows[n][abi] == '':
                    fail(f'{where}: a version, but no number')
                versions[(a, n)] = (v[0] << 8) | v[1]
    return versions


def number(cell):
    if cell == '':
        return -1
    nr = int(cell, 0)
    if not 0 <= nr < 2 ** 31:
        fail(f'syscall number {cell} out of range')
    return nr


def name_hash(name):
    """32-bit FNV-1a, as _scmp_syscall_lookup() computes it."""
    h = 0x811c9dc5
    for byte in name.encode('ascii'):
        h = ((h ^ byte) * 0x01000193) & 0xffffffff
    return h


def emit(out, abis, rows, arg_types, versions):
    n_abis = len(abis)
    numbers = [[number(row[a['name']]) for a in abis] for row in rows]

    w = out.write
    w('/* Generated by arch-data/gen-tables.py from abis.csv, '
      'syscalls.csv,\n * syscall-args.csv and syscall-versions.csv. '
      'Do not edit. */\n\n')
    w('#include "config.h"\n\n#include "scmp-syscall-tables-private.h"\n\n')

    for i, info in enumerate(abis):
        w(f'G_STATIC_ASSERT ({info["enum"]} == {i + 1});\n')
    w('\n')

    w('const ScmpArchInfo _scmp_arch_infos[SCMP_N_ARCHES] = {\n')
    for info in abis:
        w(f'  {{ {info["enum"]}, "{info["name"]}", '
          f'{int(info["audit_arch"], 0):#010x}u, '
          f'{int(info["nr_base"], 0):#x}u, '
          f'{1 if info["endian"] == "be" else 0}, {info["word_bits"]}, '
          f'{info["reg_bits"]}, '
          f'{int(info["socketcall_nr"])}, {int(info["ipc_nr"])} }},\n')
    w('};\n\n')

    # String pool + offsets.
    offsets = []
    pool_len = 0
    for row in rows:
        offsets.append(pool_len)
        pool_len += len(row['name']) + 1
    w(f'const guint _scmp_syscall_n_names_total = {len(rows)};\n\n')
    w('const char _scmp_syscall_name_pool[] =\n')
    for row in rows:
        w(f'  "{row["name"]}\\0"\n')
    w(';\n\n')
    w(f'const guint32 _scmp_syscall_name_offsets[{len(rows)}] = {{\n')
    for i in range(0, len(offsets), 10):
        w('  ' + ', '.join(str(o) for o in offsets[i:i + 10]) + ',\n')
    w('};\n\n')

    w(f'const gint32 _scmp_syscall_numbers[{len(rows)}][SCMP_N_ARCHES] = {{\n')
    w('  /* ' + ' '.join(a['name'] for a in abis) + ' */\n')
    for row, nrs in zip(rows, numbers):
        w(f'  {{ {", ".join(str(n) for n in nrs)} }}, /* {row["name"]} */\n')
    w('};\n\n')

    w(f'const ScmpSyscallMux _scmp_syscall_mux_info[{len(rows)}] = {{\n')
    for row in rows:
        sub = row['mux_sub'] or '0'
        w(f'  {{ {MUX[row["mux"]]}, {sub} }},\n')
    w('};\n\n')

    # Per ABI: name indices sorted by number, concatenated.
    by_nr = []
    starts = []
    for col in range(n_abis):
        starts.append(len(by_nr))
        present = [(nrs[col], i) for i, nrs in enumerate(numbers)
                   if nrs[col] >= 0]
        present.sort()
        for (a, _), (b, _) in zip(present, present[1:]):
            if a == b:
                fail(f'{abis[col]["name"]}: number {a} used twice')
        by_nr.extend(i for _, i in present)
    starts.append(len(by_nr))
    if len(rows) > 0xffff:
        fail('too many names for guint16 indices')

    w('const guint16 _scmp_syscall_by_nr_start[SCMP_N_ARCHES + 1] = {\n  '
      + ', '.join(str(s) for s in starts) + '\n};\n\n')
    w(f'const guint16 _scmp_syscall_by_nr[{len(by_nr)}] = {{\n')
    for col in range(n_abis):
        chunk = by_nr[starts[col]:starts[col + 1]]
        w(f'  /* {abis[col]["name"]}: {len(chunk)} */\n')
        for i in range(0, len(chunk), 12):
            w('  ' + ', '.join(str(x) for x in chunk[i:i + 12]) + ',\n')
    w('};\n')

    # Argument types: a pool of distinct signatures (signature 0 is "every
    # argument the full register") and one index per name and ABI.
    sigs = [(0,) * 6] + sorted(set(arg_types.values()) - {(0,) * 6})
    sig_index = {sig: i for i, sig in enumerate(sigs)}
    w(f'\nconst guint8 _scmp_syscall_arg_sigs[{len(sigs)}][6] = {{\n')
    for sig in sigs:
        w('  { ' + ', '.join(f'{t:#04x}' for t in sig) + ' },\n')
    w('};\n\n')
    w(f'const guint16 _scmp_syscall_arg_sig_index[{len(rows)}][SCMP_N_ARCHES] = {{\n')
    for n, row in enumerate(rows):
        idx = [sig_index[arg_types.get((a, n), sigs[0])] for a in range(n_abis)]
        if any(idx):
            w(f'  [{n}] = {{ {", ".join(str(i) for i in idx)} }}, /* {row["name"]} */\n')
    w('};\n')

    # Kernel versions: (major << 8) | minor, 0 where the data does not say.
    w(f'\nconst guint _scmp_syscall_tables_kernel = '
      f'{(TABLES_KERNEL[0] << 8) | TABLES_KERNEL[1]:#06x};\n\n')
    w(f'const guint16 _scmp_syscall_kernel_versions[{len(rows)}][SCMP_N_ARCHES] = {{\n')
    for n, row in enumerate(rows):
        vs = [versions.get((a, n), 0) for a in range(n_abis)]
        if any(vs):
            w(f'  [{n}] = {{ {", ".join(f"{v:#x}" for v in vs)} }}, /* {row["name"]} */\n')
    w('};\n')

    # Name → index: open addressing, linear probing, at most half full.
    size = 1
    while size < 2 * len(rows):
        size *= 2
    slots = [0xffff] * size
    for i, row in enumerate(rows):
        h = name_hash(row['name']) & (size - 1)
        while slots[h] != 0xffff:
            h = (h + 1) & (size - 1)
        slots[h] = i
    w(f'\nconst guint _scmp_syscall_name_hash_size = {size};\n\n')
    w(f'const guint16 _scmp_syscall_name_hash[{size}] = {{\n')
    for i in range(0, size, 12):
        w('  ' + ', '.join(f'{x:#x}' for x in slots[i:i + 12]) + ',\n')
    w('};\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--abis', required=True)
    parser.add_argument('--syscalls', required=True)
    parser.add_argument('--args', required=True)
    parser.add_argument('--versions', required=True)
    parser.add_argument('--output', required=True)
    args = parser.parse_args()

    abis = read_abis(args.abis)
    rows = read_syscalls(args.syscalls, abis)
    arg_types = read_arg_types(args.args, abis, rows)
    versions = read_versions(args.versions, abis, rows)
    with open(args.output, 'w', encoding='utf-8') as out:
        emit(out, abis, rows, arg_types, versions)


if __name__ == '__main__':
    main()
