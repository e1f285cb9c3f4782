#!/usr/bin/python3
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Regenerate arch-data/syscalls.csv from a Linux kernel source tree.

Usage:

    update-from-kernel.py [--abis abis.csv] [--post post-6.12.csv]
                          [--output syscalls.csv] KERNEL

KERNEL is an extracted kernel tree or a kernel tarball (.tar, .tar.xz,
.tar.gz, ...).  A tarball is read in one streaming pass and only the members
listed in KERNEL_FILES are decompressed into memory.

What is read, per ABI (the same selection the kernel's own build uses to
generate the uapi <asm/unistd*.h> headers, see arch/*/kernel/syscalls/Makefile,
arch/x86/entry/syscalls/Makefile, arch/arm/tools/Makefile and
scripts/Makefile.asm-headers):

  x86          arch/x86/entry/syscalls/syscall_32.tbl, abi i386
  x86_64       arch/x86/entry/syscalls/syscall_64.tbl, abis common,64
  x32          arch/x86/entry/syscalls/syscall_64.tbl, abis common,x32,
               numbers | __X32_SYSCALL_BIT (0x40000000)
  arm          arch/arm/tools/syscall.tbl, abis common,eabi (not oabi), plus
               the ARM private calls __ARM_NR_<name> = __ARM_NR_BASE + n
               (__ARM_NR_BASE = 0x0f0000 on EABI) from
               arch/arm/include/uapi/asm/unistd.h
  aarch64,     scripts/syscall.tbl, abis common,64 plus the syscall_abis_64
  loongarch64, of arch/{arm64,loongarch,riscv}/kernel/Makefile.syscalls
  riscv64
  m68k, sh,    arch/{m68k,sh}/kernel/syscalls/syscall.tbl, every row
  sheb
  mips*        arch/mips/kernel/syscalls/syscall_{o32,n64,n32}.tbl, every row,
               plus __NR_Linux (4000, 5000, 6000; nr_base in abis.csv)
  parisc       arch/parisc/kernel/syscalls/syscall.tbl, abis common,32
  parisc64     the same table, abis common,64
  ppc          arch/powerpc/kernel/syscalls/syscall.tbl, abis common,nospu,32
  ppc64(le)    the same table, abis common,nospu,64 (spu-only rows excluded)
  s390         arch/s390/kernel/syscalls/syscall.tbl, abis common,32
  s390x        the same table, abis common,64

Rows whose entry point is sys_ni_syscall or empty ("-" on s390, nothing at all
on x86) are KEPT.  The rule we follow is "keep a row if the kernel's uapi
unistd header for that ABI defines __NR_<name>", and scripts/syscallhdr.sh
(and s390's syscalltbl -H) emit a __NR_ macro for every row that passes the
ABI filter, whatever its entry point.  So afs_syscall, tuxcall, vserver,
lookup_dcookie, ... are in the tables, as they are in libseccomp's (which is
built from the same headers): a filter author can name them, and a filter
denying them costs nothing.

Syscalls added after the kernel release whose tree is read come from
post-6.12.csv (see README.md); a name present both in the tree and in that
file must have the same numbers, otherwise the script fails.

Numbers in the output are as seen in seccomp_data.nr: MIPS bases and the x32
bit are included.  The multiplexer columns (mux, mux_sub) are facts of the
socketcall(2)/ipc(2) ABI and are listed below, not read from the kernel.
"""

import argparse
import csv
import io
import os
import re
import sys
import tarfile

SOCKETCALL = {
    'socket': 1, 'bind': 2, 'connect': 3, 'listen': 4, 'accept': 5,
    'getsockname': 6, 'getpeername': 7, 'socketpair': 8, 'send': 9,
    'recv': 10, 'sendto': 11, 'recvfrom': 12, 'shutdown': 13,
    'setsockopt': 14, 'getsockopt': 15, 'sendmsg': 16, 'recvmsg': 17,
    'accept4': 18, 'recvmmsg': 19, 'sendmmsg': 20,
}

IPC = {
    'semop': 1, 'semget': 2, 'semctl': 3, 'semtimedop': 4,
    'msgsnd': 11, 'msgrcv': 12, 'msgget': 13, 'msgctl': 14,
    'shmat': 21, 'shmdt': 22, 'shmget': 23, 'shmctl': 24,
}

X86 = 'arch/x86/entry/syscalls/'
GENERIC = 'scripts/syscall.tbl'

# abi name -> (table, ABI filter or None for every row, Makefile.syscalls)
SOURCES = {
    'x86': (X86 + 'syscall_32.tbl', {'i386'}, None),
    'x86_64': (X86 + 'syscall_64.tbl', {'common', '64'}, None),
    'x32': (X86 + 'syscall_64.tbl', {'common', 'x32'}, None),
    'arm': ('arch/arm/tools/syscall.tbl', {'common', 'eabi'}, None),
    'aarch64': (GENERIC, {'common', '64'},
                'arch/arm64/kernel/Makefile.syscalls'),
    'loongarch64': (GENERIC, {'common', '64'},
                    'arch/loongarch/kernel/Makefile.syscalls'),
    'm68k': ('arch/m68k/kernel/syscalls/syscall.tbl', None, None),
    'mips': ('arch/mips/kernel/syscalls/syscall_o32.tbl', None, None),
    'mipsel': ('arch/mips/kernel/syscalls/syscall_o32.tbl', None, None),
    'mips64': ('arch/mips/kernel/syscalls/syscall_n64.tbl', None, None),
    'mipsel64': ('arch/mips/kernel/syscalls/syscall_n64.tbl', None, None),
    'mips64n32': ('arch/mips/kernel/syscalls/syscall_n32.tbl', None, None),
    'mipsel64n32': ('arch/mips/kernel/syscalls/syscall_n32.tbl', None, None),
    'parisc': ('arch/parisc/kernel/syscalls/syscall.tbl',
               {'common', '32'}, None),
    'parisc64': ('arch/parisc/kernel/syscalls/syscall.tbl',
                 {'common', '64'}, None),
    'ppc': ('arch/powerpc/kernel/syscalls/syscall.tbl',
            {'common', 'nospu', '32'}, None),
    'ppc64': ('arch/powerpc/kernel/syscalls/syscall.tbl',
              {'common', 'nospu', '64'}, None),
    'ppc64le': ('arch/powerpc/kernel/syscalls/syscall.tbl',
                {'common', 'nospu', '64'}, None),
    'riscv64': (GENERIC, {'common', '64'},
                'arch/riscv/kernel/Makefile.syscalls'),
    's390': ('arch/s390/kernel/syscalls/syscall.tbl', {'common', '32'}, None),
    's390x': ('arch/s390/kernel/syscalls/syscall.tbl',
              {'common', '64'}, None),
    'sh': ('arch/sh/kernel/syscalls/syscall.tbl', None, None),
    'sheb': ('arch/sh/kernel/syscalls/syscall.tbl', None, None),
}

ARM_UAPI = 'arch/arm/include/uapi/asm/unistd.h'

KERNEL_FILES = sorted({s[0] for s in SOURCES.values()}
                      | {s[2] for s in SOURCES.values() if s[2]}
                      | {ARM_UAPI, 'Makefile'})


class KernelTree:
    """The few files we need, from a directory or a tarball.

    By default the files are KERNEL_FILES.  update-arg-types.py passes
    @wanted, a predicate on the path relative to the tree, to read more
    (every source file that may define a syscall), and @keep, a predicate
    on a wanted file's text, to drop the ones it does not need."""

    def __init__(self, path, wanted=None, keep=None):
        self.files = {}
        if wanted is None:
            names = set(KERNEL_FILES)
            wanted = names.__contains__
            limit = len(names)
        else:
            limit = None
        if os.path.isdir(path) and limit is not None:
            for rel in KERNEL_FILES:
                full = os.path.join(path, rel)
                if os.path.exists(full):
                    with open(full, encoding='utf-8') as f:
                        self.files[rel] = f.read()
        elif os.path.isdir(path):
            for top, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = os.path.join(top, name)
                    rel = os.path.relpath(full, path)
                    if wanted(rel) and os.path.isfile(full):
                        with open(full, encoding='utf-8',
                                  errors='replace') as f:
                            self._add(rel, f.read(), keep)
        else:
            # Streaming mode: one pass over the (compressed) archive.
            with tarfile.open(path, 'r|*') as tar:
                for member in tar:
                    if not member.isfile():
                        continue
                    # Strip the top directory ("linux-6.12/").
                    parts = member.name.split('/', 1)
                    if len(parts) != 2 or not wanted(parts[1]):
                        continue
                    data = tar.extractfile(member).read()
                    self._add(parts[1], data.decode('utf-8', 'replace'),
                              keep)
                    if limit is not None and len(self.files) == limit:
                        break

    def _add(self, rel, text, keep):
        if keep is None or keep(rel, text):
            self.files[rel] = text

    def read(self, rel):
        if rel not in self.files:
            sys.exit(f'update-from-kernel: {rel} not found in the kernel tree')
        return self.files[rel]

    def version(self):
        text = self.files.get('Makefile', '')
        fields = dict(re.findall(r'^(VERSION|PATCHLEVEL|SUBLEVEL)\s*=\s*(\d*)',
                                 text, re.M))
        if 'VERSION' not in fields:
            return 'unknown'
        return '{}.{}.{}'.format(fields['VERSION'], fields['PATCHLEVEL'],
                                 fields.get('SUBLEVEL') or '0')


def parse_tbl(text):
    """Yield (nr, abi, name, entry, compat entry) for each row of a
    syscall.tbl file ('' for a column the row lacks)."""
    for line in text.splitlines():
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) < 3:
            sys.exit(f'update-from-kernel: bad table row: {line!r}')
        entry = fields[3] if len(fields) > 3 else ''
        compat = fields[4] if len(fields) > 4 else ''
        yield int(fields[0], 0), fields[1], fields[2], entry, compat


def makefile_abis(text, bits):
    """The ABIs a Makefile.syscalls adds with syscall_abis_<bits> +=."""
    abis = set()
    for m in re.finditer(rf'^syscall_abis_{bits}\s*\+?=(.*)$', text, re.M):
        abis.update(m.group(1).split())
    return abis


def arm_private(text):
    """The ARM private calls: {name: offset from 0}, __ARM_NR_BASE included."""
    m = re.search(r'#define\s+__ARM_NR_BASE\s+\(__NR_SYSCALL_BASE\s*\+\s*'
                  r'(0x[0-9a-fA-F]+|\d+)\)', text)
    if m is None:
        sys.exit('update-from-kernel: __ARM_NR_BASE not found')
    base = int(m.group(1), 0)
    calls = {}
    for name, off in re.findall(r'#define\s+__ARM_NR_(\w+)\s+'
                                r'\(__ARM_NR_BASE\s*\+\s*(\d+)\)', text):
        calls[name] = base + int(off)
    return calls


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def add(table, abi, name, nr, origin):
    old = table.get(name)
    if old is not None and old != nr:
        sys.exit(f'update-from-kernel: {abi}: {name} is both {old} and {nr} '
                 f'({origin})')
    table[name] = nr


def collect(tree, abis):
    """{abi: {name: nr}} from the kernel tree."""
    result = {}
    for info in abis:
        abi = info['name']
        path, filt, makefile = SOURCES[abi]
        base = int(info['nr_base'], 0)
        if makefile is not None:
            bits = info['word_bits']
            filt = filt | makefile_abis(tree.read(makefile), bits)
        table = {}
        for nr, row_abi, name, _entry, _compat in parse_tbl(tree.read(path)):
            if filt is not None and row_abi not in filt:
                continue
            nr = (nr | base) if abi == 'x32' else nr + base
            add(table, abi, name, nr, path)
        if abi == 'arm':
            for name, nr in arm_private(tree.read(ARM_UAPI)).items():
                add(table, abi, name, nr, ARM_UAPI)
        result[abi] = table
    return result


def read_post(path, abis, tables):
    """Merge post-6.12.csv: columns name, kernel, <abi>..., source."""
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for info in abis:
            abi = info['name']
            cell = row[abi].strip()
            if cell:
                add(tables[abi], abi, row['name'], int(cell, 0),
                    f'{path} (Linux {row["kernel"]})')
    return len(rows)


def check_unique_numbers(tables):
    for abi, table in tables.items():
        seen = {}
        for name, nr in table.items():
            if nr in seen:
                sys.exit(f'update-from-kernel: {abi}: {nr} is both '
                         f'{seen[nr]} and {name}')
            seen[nr] = name


def c_sort_key(name):
    return name.encode('ascii')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('kernel', help='kernel source tree or tarball')
    parser.add_argument('--abis', default=os.path.join(here, 'abis.csv'))
    parser.add_argument('--post', default=os.path.join(here, 'post-6.12.csv'))
    parser.add_argument('--output',
                        default=os.path.join(here, 'syscalls.csv'))
    args = parser.parse_args()

    abis = read_csv(args.abis)
    tree = KernelTree(args.kernel)
    tables = collect(tree, abis)
    n_post = read_post(args.post, abis, tables)
    check_unique_numbers(tables)

    has_mux = {info['name']: (int(info['socketcall_nr']) >= 0,
                              int(info['ipc_nr']) >= 0) for info in abis}
    names = set()
    for table in tables.values():
        names.update(table)
    # Multiplexed names exist on the ABIs that have the multiplexer even
    # where no direct syscall does (x86 accept).
    if any(s for s, _ in has_mux.values()):
        names.update(SOCKETCALL)
    if any(i for _, i in has_mux.values()):
        names.update(IPC)

    with open(args.output, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['name', 'mux', 'mux_sub'] + [a['name'] for a in abis])
        for name in sorted(names, key=c_sort_key):
            if name in SOCKETCALL:
                mux, sub = 'socketcall', str(SOCKETCALL[name])
            elif name in IPC:
                mux, sub = 'ipc', str(IPC[name])
            else:
                mux, sub = '', ''
            cells = []
            for info in abis:
                nr = tables[info['name']].get(name)
                cells.append('' if nr is None else str(nr))
            out.writerow([name, mux, sub] + cells)

    print(f'Linux {tree.version()}, {n_post} later syscalls from '
          f'{os.path.basename(args.post)}: {len(names)} names', file=sys.stderr)
    for info in abis:
        print(f'  {info["name"]:<12} {len(tables[info["name"]]):4d}',
              file=sys.stderr)


if __name__ == '__main__':
    main()
