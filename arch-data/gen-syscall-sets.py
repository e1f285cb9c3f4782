#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Turn syscall-sets.txt into C (build time) or DocBook (the reference).

    gen-syscall-sets.py --sets syscall-sets.txt --syscalls syscalls.csv \\
        --output scmp-syscall-sets.c
    gen-syscall-sets.py --sets ... --syscalls ... --docbook syscall-sets.xml
    gen-syscall-sets.py --sets ... --syscalls ... --check-docbook FILE

The format of syscall-sets.txt is described in README.md ("Syscall
sets"). Members are stored as indices into the syscall name table that
gen-tables.py writes from the same syscalls.csv (sorted, strcmp()), so an
unknown syscall name is a build error. --check-docbook exits with 1 when
FILE is not what --docbook would write (the committed chapter is stale).
"""

import argparse
import csv
import re
import sys
from xml.sax.saxutils import escape as xml_escape


def escape(text):
    """XML-escapes TEXT, with @ as &commat;: gtk-doc expands the chapter
    and would take @name for a parameter."""
    return xml_escape(text).replace('@', '&commat;')

SET_NAME = re.compile(r'@[a-z][a-z0-9-]*')
SYSCALL_NAME = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
KNOWN = '@known'


def fail(msg):
    sys.exit(f'gen-syscall-sets.py: {msg}')


def read_names(path):
    with open(path, newline='', encoding='utf-8') as f:
        return [row['name'] for row in csv.DictReader(f)]


def read_sets(path):
    """([(name, description, [(member, reason or None)])],
        [(syscall, reason)])"""
    sets = []
    exempt = []
    current = None
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            where = f'{path}:{lineno}'
            line = line.rstrip('\n')
            if line.strip() == '' or line.lstrip().startswith('#'):
                continue
            if not line[0].isspace():
                head, _, description = line.partition(' ')
                description = description.strip()
                if description == '':
                    fail(f'{where}: "{head}" needs a description')
                if head == '!exempt':
                    current = exempt
                    continue
                if not SET_NAME.fullmatch(head):
                    fail(f'{where}: bad set name {head!r}')
                if any(s[0] == head for s in sets):
                    fail(f'{where}: {head} defined twice')
                current = []
                sets.append((head, description, current))
                continue
            if current is None:
                fail(f'{where}: a member before any set')
            member, _, rest = line.strip().partition(' ')
            rest = rest.strip()
            if current is exempt:
                if rest == '':
                    fail(f'{where}: exempting {member} needs a reason')
                exempt.append((member, rest))
                continue
            reason = None
            if rest != '':
                if not rest.startswith('ours:') or rest[5:].strip() == '':
                    fail(f'{where}: after a member only "ours: <reason>"')
                reason = rest[5:].strip()
            if any(m == member for m, _ in current):
                fail(f'{where}: {member} listed twice')
            current.append((member, reason))
    return sets, exempt


def check(sets, exempt, names):
    known = set(names)
    set_names = [s[0] for s in sets]
    if KNOWN not in set_names:
        fail(f'there must be a {KNOWN} set')
    if len(sets) >= 0x8000:
        fail('too many sets')
    for name, _, members in sets:
        if name == KNOWN:
            if members != [('*', None)]:
                fail(f'{KNOWN} has exactly one member, "*" (every syscall)')
            continue
        for member, _ in members:
            if member.startswith('@'):
                if member not in set_names:
                    fail(f'{name}: {member} is not a set')
                if member == KNOWN:
                    fail(f'{name}: {KNOWN} cannot be included')
            elif not SYSCALL_NAME.fullmatch(member):
                fail(f'{name}: bad member {member!r}')
            elif member not in known:
                fail(f'{name}: {member} is not in syscalls.csv')
    # No set may include itself, directly or not.
    graph = {n: [m for m, _ in ms if m.startswith('@')] for n, _, ms in sets}
    state = {}

    def visit(n, path):
        if state.get(n) == 'done':
            return
        if state.get(n) == 'open':
            fail('sets include each other: ' + ' -> '.join(path + [n]))
        state[n] = 'open'
        for m in graph[n]:
            visit(m, path + [n])
        state[n] = 'done'

    for n in graph:
        visit(n, [])
    for syscall, _ in exempt:
        if syscall not in known:
            fail(f'!exempt: {syscall} is not in syscalls.csv')


def expand(sets, names, name, seen=None):
    by_name = {s[0]: s for s in sets}
    if name == KNOWN:
        return set(names)
    out = set()
    for member, _ in by_name[name][2]:
        if member.startswith('@'):
            out |= expand(sets, names, member)
        else:
            out.add(member)
    return out


def emit_c(out, sets, names):
    index = {n: i for i, n in enumerate(names)}
    set_index = {s[0]: i for i, s in enumerate(sets)}
    members = []
    w = out.write
    w('/* Generated by arch-data/gen-syscall-sets.py from syscall-sets.txt\n'
      ' * and syscalls.csv. Do not edit. */\n\n')
    w('#include "config.h"\n\n#include "scmp-syscall-sets-private.h"\n\n')
    w(f'const guint _scmp_syscall_n_sets = {len(sets)};\n\n')
    rows = []
    for name, description, ms in sets:
        first = len(members)
        if name == KNOWN:
            members.extend(range(len(names)))
        else:
            for m, _ in ms:
                if m.startswith('@'):
                    members.append(0x8000 | set_index[m])
                else:
                    members.append(index[m])
        rows.append((name, description, first, len(members) - first))
    if len(names) >= 0x8000:
        fail('too many syscall names for the member encoding')
    w(f'const ScmpSyscallSetInfo _scmp_syscall_sets[{len(sets)}] = {{\n')
    for name, description, first, n in rows:
        d = description.replace('\\', '\\\\').replace('"', '\\"')
        w(f'  {{ "{name}", "{d}", {first}, {n} }},\n')
    w('};\n\n')
    w(f'const guint16 _scmp_syscall_set_members[{max(len(members), 1)}] = {{\n')
    for name, _, first, n in rows:
        w(f'  /* {name}: {n} */\n')
        chunk = members[first:first + n]
        for i in range(0, len(chunk), 12):
            w('  ' + ', '.join(f'{x:#x}' for x in chunk[i:i + 12]) + ',\n')
    w('};\n')


def docbook(sets, exempt, names):
    lines = []
    w = lines.append
    w('<?xml version="1.0"?>')
    w('<!DOCTYPE chapter PUBLIC "-//OASIS//DTD DocBook XML V4.3//EN"')
    w('               "http://www.oasis-open.org/docbook/xml/4.3/docbookx.dtd">')
    w('<!-- Generated by arch-data/gen-syscall-sets.py from '
      'arch-data/syscall-sets.txt. Do not edit;')
    w('     regenerate with: ninja -C _build update-syscall-sets-doc -->')
    w('<chapter id="syscall-sets">')
    w('  <title>Syscall sets</title>')
    w('  <para>')
    w('    The named syscall sets of <link linkend="scmp-syscall-set-list">'
      'scmp_syscall_set_list()</link>, with their direct members')
    w('    (syscalls and other sets) and the number of syscalls a set expands to.')
    w("    They are systemd's <literal>SystemCallFilter=</literal> groups "
      '(systemd.exec(5)); a member')
    w('    marked <emphasis>ours</emphasis> is one systemd does not classify, '
      'with the reason it is in that set.')
    w('    The data is <filename>arch-data/syscall-sets.txt</filename>.')
    w('  </para>')
    w('  <variablelist>')
    for name, description, ms in sets:
        n = len(expand(sets, names, name))
        w('    <varlistentry>')
        w(f'      <term><literal>{escape(name)}</literal></term>')
        w('      <listitem>')
        w(f'        <para>{escape(description)}. {n} syscalls.</para>')
        if name == KNOWN:
            listed = names
        else:
            listed = [m for m, _ in ms]
        w('        <para>' + ', '.join(f'<literal>{escape(m)}</literal>'
                                        for m in listed) + '</para>')
        ours = [(m, r) for m, r in ms if r is not None]
        if ours:
            w('        <itemizedlist>')
            for m, r in ours:
                w(f'          <listitem><para><literal>{escape(m)}</literal> '
                  f'(ours): {escape(r)}</para></listitem>')
            w('        </itemizedlist>')
        w('      </listitem>')
        w('    </varlistentry>')
    w('  </variablelist>')
    if exempt:
        w('  <para>Syscalls in no set:</para>')
        w('  <itemizedlist>')
        for m, r in exempt:
            w(f'    <listitem><para><literal>{escape(m)}</literal>: '
              f'{escape(r)}</para></listitem>')
        w('  </itemizedlist>')
    else:
        w('  <para>Every syscall of the tables is in at least one set other '
          'than <literal>&commat;known</literal>.</para>')
    w('</chapter>')
    return '\n'.join(lines) + '\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--sets', required=True)
    parser.add_argument('--syscalls', required=True)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument('--output')
    mode.add_argument('--docbook')
    mode.add_argument('--check-docbook')
    args = parser.parse_args()

    names = read_names(args.syscalls)
    sets, exempt = read_sets(args.sets)
    check(sets, exempt, names)
    if args.output:
        with open(args.output, 'w', encoding='utf-8') as out:
            emit_c(out, sets, names)
    elif args.docbook:
        with open(args.docbook, 'w', encoding='utf-8') as out:
            out.write(docbook(sets, exempt, names))
    else:
        with open(args.check_docbook, encoding='utf-8') as f:
            if f.read() != docbook(sets, exempt, names):
                print(f'{args.check_docbook} is stale: regenerate it with '
                      'ninja update-syscall-sets-doc (or --docbook)')
                sys.exit(1)
        print(f'{args.check_docbook} is up to date')


if __name__ == '__main__':
    main()
