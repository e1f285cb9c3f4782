#!/usr/bin/python3
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Regenerate arch-data/syscall-versions.csv: the kernel release that added
each syscall on each ABI, for the syscalls that came in Linux 5.1 or later.

Usage:

    update-versions.py [--abis abis.csv] [--syscalls syscalls.csv]
                       [--output syscall-versions.csv]
                       [--hrw HRW_GIT_DIR] [--libseccomp SYSCALLS_CSV]

The facts are the tables below, one entry per kernel commit (or series)
that gave an ABI a syscall number, each with its title; README.md says
where they were read.  The script applies them to every (syscall, ABI)
that has a number in syscalls.csv and fails when a number ≥ 424 (the
numbers every ABI has shared since Linux 5.1) is left without a version,
unless UNKNOWN names it with a reason.

"Added" means: the first mainline release (X.Y, no stable backports)
whose syscall table for that ABI has the row, i.e. whose kernel serves the
number (possibly as sys_ni_syscall, like the reserved map_shadow_stack
rows: syscalls.csv keeps those too).

Cross-checks (optional; they never change the output, they print):

  --hrw DIR         a git directory of github.com/hrw/syscalls-table, whose
                    history holds its generated tables at irregular kernel
                    snapshots: a version must not be older than the
                    snapshot before the first one that has the syscall
                    (taking "-rc0" / merge-window snapshots as partial), nor
                    newer than the first one that has it
  --libseccomp FILE a syscalls.csv of libseccomp with filled <abi>_kver
                    columns (its pull request #457, "syscalls: Populate the
                    kernel versions for all arches", covers 3.0-6.16)
"""

import argparse
import csv
import os
import re
import subprocess
import sys

# The syscalls numbered 424 and up, by the release whose merge gave them
# their number in every table that has them.
COMMON = {
    # version: (names, source).  "tables" = first in that release's
    # syscall tables; the release also is what the man pages' HISTORY
    # sections, hrw/syscalls-table's snapshots and libseccomp say.
    '5.1': ('pidfd_send_signal io_uring_setup io_uring_enter io_uring_register',
            '5.1 tables (pidfd_send_signal; io_uring)'),
    '5.2': ('open_tree move_mount fsopen fsconfig fsmount fspick',
            '5.2 tables (the new mount API)'),
    '5.3': ('pidfd_open clone3',
            '"arch: wire-up pidfd_open()" (7615d9e1780e), "arch: wire-up '
            'clone3() syscall" (8f3220a80654; tag clone3-v5.3: x86, arm, '
            'arm64)'),
    '5.6': ('openat2 pidfd_getfd',
            '"open: introduce openat2(2) syscall" (0a51692d49ec); 5.6 '
            'tables (pidfd_getfd)'),
    '5.8': ('faccessat2', '5.8 tables'),
    '5.9': ('close_range', '5.9 tables (436, reserved since 5.3)'),
    '5.10': ('process_madvise', '5.10 tables'),
    '5.11': ('epoll_pwait2', '5.11 tables'),
    '5.12': ('mount_setattr', '5.12 tables'),
    '5.13': ('landlock_create_ruleset landlock_add_rule landlock_restrict_self',
             '5.13 tables'),
    '5.14': ('quotactl_fd memfd_secret',
             '5.14 tables (443 was quotactl_path, disabled, in 5.13-rc '
             'only); "arch, mm: wire up memfd_secret system call where '
             'relevant" (x86, arm64)'),
    '5.15': ('process_mrelease', '5.15 tables'),
    '5.16': ('futex_waitv', '5.16 tables (x86, arm, arm64, riscv first; '
             'the others by "futex: Wireup futex_waitv syscall", '
             'a0eb2da92b71, 5.16-rc3)'),
    '5.17': ('set_mempolicy_home_node', '5.17 tables'),
    '6.5': ('cachestat', '6.5 tables'),
    '6.6': ('fchmodat2 map_shadow_stack',
            '6.6 tables (map_shadow_stack: x86_64 only, abi 64)'),
    '6.7': ('futex_wake futex_wait futex_requeue',
            '"futex: Add sys_futex_wake()" (9f6c532f59b2), "futex: Add '
            'sys_futex_wait()" (cb8c4312afca), "futex: Add '
            'sys_futex_requeue()" (0f4b5f972216)'),
    '6.8': ('statmount listmount lsm_get_self_attr lsm_set_self_attr '
            'lsm_list_modules',
            '6.8 tables (statmount, listmount); "LSM: wireup Linux '
            'Security Module syscalls" (6d54f25e4605)'),
    '6.10': ('mseal', '6.10 tables'),
    '6.13': ('setxattrat getxattrat listxattrat removexattrat',
             '"fs/xattr: add *at family syscalls"'),
    '6.15': ('open_tree_attr', '"fs: add open_tree_attr()"'),
    '6.17': ('file_getattr file_setattr',
             '"fs: introduce file_getattr and file_setattr syscalls"'),
    '6.19': ('listns', '"arch: hookup listns() system call"'),
    '7.0': ('rseq_slice_yield', '"rseq: Implement sys_rseq_slice_yield()" '
            '(99d2592023e5)'),
}

# Where an ABI got a syscall later than COMMON says (or earlier, never).
# (name, abis) -> (version, source)
OVERRIDES = [
    ('clone3', 'mips mipsel mips64 mipsel64 mips64n32 mipsel64n32', '5.4',
     '"MIPS: Wire up clone3 syscall" (posted 2019-10-02, after 5.3)'),
    ('clone3', 'm68k', '5.6',
     '"m68k: Wire up clone3() syscall" (e8bb2a2a1d51, queued for v5.6)'),
    ('clone3', 'ppc ppc64 ppc64le', '5.3',
     '"powerpc: Wire up clone3 syscall" (applied 2019-07-31, 5.3-rc)'),
    ('clone3', 'parisc parisc64', '5.3',
     '"parisc: Wire up clone3 syscall" (parisc fixes for 5.3-rc)'),
    ('clone3', 's390 s390x', '5.3',
     '"s390: wire up clone3 system call" (s390 updates for 5.3-rc2)'),
    ('memfd_secret', 'riscv64', '5.19',
     '"riscv: Wire up memfd_secret in UAPI header" (5.19)'),
    ('memfd_secret', 's390 s390x', '6.4',
     '6.4 tables (hrw/syscalls-table 6.4-rc1; libseccomp)'),
    ('map_shadow_stack',
     'x86 arm aarch64 loongarch64 m68k mips mipsel mips64 mipsel64 '
     'mips64n32 mipsel64n32 parisc parisc64 ppc ppc64 ppc64le riscv64 '
     's390 s390x sh sheb', '6.7',
     '"arch: Reserve map_shadow_stack() syscall number for all '
     'architectures" (2fd0ebad27bc, asm-generic for 6.7)'),
    ('map_shadow_stack', 'x32', '6.10',
     'H.J. Lu\'s x32 shadow-stack patch: 453 from abi 64 to common in '
     'syscall_64.tbl (hrw/syscalls-table 6.10 merge window; libseccomp)'),
    ('futex_waitv', 'm68k mips mipsel mips64 mipsel64 mips64n32 mipsel64n32 '
     'parisc parisc64 ppc ppc64 ppc64le s390 s390x sh sheb', '5.16',
     '"futex: Wireup futex_waitv syscall" (a0eb2da92b71, 5.16-rc3)'),
]

# Linux 5.1, commit by commit, below 424.
Y2038 = ('"y2038: add 64-bit time_t syscalls to all 32-bit architectures" '
         '(Arnd Bergmann, y2038 syscall ABI for 5.1): numbers 403-423')
SYNC = ('"arch: synchronize syscall tables in preparation for y2038" '
        '(Arnd Bergmann, merged for 5.1)')
ARCH_ADDED = [
    # (names, abis, version, source); a name list of None: the time64 ones
    (None, 'x86 arm m68k mips mipsel mips64n32 mipsel64n32 parisc ppc s390 '
     'sh sheb', '5.1', Y2038),
    ('semget semctl shmget shmctl shmat shmdt msgget msgsnd msgrcv msgctl',
     'x86 m68k mips mipsel ppc ppc64 ppc64le s390 s390x sh sheb', '5.1',
     SYNC + ': "arch: add split IPC system calls where needed" (0d6040d46817)'),
    ('semtimedop', 'ppc64 ppc64le s390x', '5.1',
     SYNC + ': "arch: add split IPC system calls where needed" (0d6040d46817)'),
    ('pkey_mprotect pkey_alloc pkey_free', 'm68k parisc s390 s390x sh sheb',
     '5.1', SYNC + ': "arch: add pkey and rseq syscall numbers everywhere" '
     '(b41c51c8e194)'),
    ('rseq', 'm68k parisc sh sheb', '5.1',
     SYNC + ': "arch: add pkey and rseq syscall numbers everywhere" '
     '(b41c51c8e194)'),
    ('seccomp', 'm68k', '5.1',
     SYNC + ': "m68k: assign syscall number for seccomp" (09ac12603bf0)'),
    ('statx', 'sh sheb', '5.1',
     SYNC + ': "sh: add statx system call" (d25a122afd43)'),
    ('riscv_hwprobe', 'riscv64', '6.4',
     '6.4 tables (hrw/syscalls-table 6.4-rc1)'),
    ('sync_file_range2', 'sh sheb', '6.10',
     '"sh: rework sync_file_range ABI" (30766f1105d6, 6.10-rc)'),
    ('fstat newfstatat', 'loongarch64', '6.11',
     '"LoongArch: Define __ARCH_WANT_NEW_STAT in unistd.h" (LoongArch '
     'changes for v6.11)'),
    ('uretprobe', 'x86_64 x32', '6.11',
     '6.11 tables (hrw/syscalls-table 6.11-rc1)'),
    ('uprobe', 'x86_64 x32', '6.18',
     '"uprobes/x86: Add uprobe syscall to speed up uprobe" (56101b69c919)'),
]

# LoongArch was merged in 5.19 ("LoongArch: Add system call support"):
# every syscall it has that is older than that came with it.
LOONGARCH = ('5.19', 'the LoongArch port, merged for 5.19')

# (name, abi) -> why the data has no version there
UNKNOWN = {
    ('clone3', 'riscv64'):
        'between 5.3 and 5.5 (no snapshot of hrw/syscalls-table in between, '
        'commit not found)',
}


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def vkey(v):
    major, minor = v.split('.')
    return (int(major), int(minor))


def raw_number(info, cell):
    nr = int(cell)
    if info['name'] == 'x32':
        return nr & ~0x40000000
    return nr - int(info['nr_base'], 0)


def unified(info, cell):
    """A number of the range all ABIs share since 5.1: 424 and up, but
    below x32's legacy 512-547 (Linux 3.4) and ARM's private 0x0f0000 + n
    calls, both far older."""
    return 424 <= raw_number(info, cell) < 512


def build(abis, rows):
    by_name = {r['name']: r for r in rows}
    info = {a['name']: a for a in abis}
    names = [a['name'] for a in abis]
    cells = {}       # (name, abi) -> (version, source)

    def put(name, abi, version, source, replace=False):
        if name not in by_name or by_name[name][abi] == '':
            sys.exit(f'update-versions: {abi} has no {name}')
        if (name, abi) in cells and not replace:
            sys.exit(f'update-versions: {abi} {name} given twice')
        cells[(name, abi)] = (version, source)

    for version, (listed, source) in COMMON.items():
        for name in listed.split():
            for abi in names:
                if by_name[name][abi] != '':
                    put(name, abi, version, source)
    for name, abis_, version, source in OVERRIDES:
        for abi in abis_.split():
            put(name, abi, version, source, replace=True)
    time64 = sorted({r['name'] for r in rows for a in names
                     if r[a] and 403 <= raw_number(info[a], r[a]) <= 423})
    for listed, abis_, version, source in ARCH_ADDED:
        for name in (time64 if listed is None else listed.split()):
            for abi in abis_.split():
                if listed is None and by_name[name][abi] == '':
                    continue
                put(name, abi, version, source)
    for r in rows:
        if r['loongarch64'] == '':
            continue
        old = cells.get((r['name'], 'loongarch64'))
        if old is None:
            put(r['name'], 'loongarch64', *LOONGARCH)
        elif vkey(old[0]) < vkey(LOONGARCH[0]):
            put(r['name'], 'loongarch64', *LOONGARCH, replace=True)
    for key in UNKNOWN:
        cells.pop(key, None)

    # every number >= 424 has a version, or a reason not to
    for r in rows:
        for abi in names:
            if (r[abi] and unified(info[abi], r[abi])
                    and (r['name'], abi) not in cells
                    and (r['name'], abi) not in UNKNOWN):
                sys.exit(f'update-versions: {abi} {r["name"]} ({r[abi]}) '
                         'has no version')
    return cells


def check_hrw(gitdir, abis, cells):
    """Bounds from the snapshots of hrw/syscalls-table."""
    tables = {'x86': 'i386', 'aarch64': 'arm64', 'mips': 'mipso32',
              'mipsel': 'mipso32', 'mips64': 'mips64', 'mipsel64': 'mips64',
              'mips64n32': 'mips64n32', 'mipsel64n32': 'mips64n32',
              'ppc': 'powerpc', 'ppc64': 'powerpc64',
              'ppc64le': 'powerpc64', 'sheb': 'sh'}

    def git(*args):
        return subprocess.run(['git', '--git-dir', gitdir] + list(args),
                              capture_output=True, text=True).stdout

    log = git('log', '--reverse', '--format=%h|%s', '--', 'tables',
              'data/tables').split('\n')
    snaps = []      # (commit, (major, minor) or None, partial, full)
    for line in filter(None, log):
        h, subject = line.split('|', 1)
        m = re.search(r'(?<![\d.])([4-7])\.(\d+)(?:\.\d+)?(-rc(\d+))?',
                      subject)
        version = (int(m[1]), int(m[2])) if m else None
        partial = bool(m and (m[4] == '0' or re.search(
            r'merge.window|rc0', subject, re.I)))
        # Only the generated updates rewrite every table; the manual
        # commits add the names they name, other rows may be stale.
        full = 'syscalls tables for kernel' in subject
        snaps.append((h, version, partial, full))
    first = {}
    has_table = set()
    for i, (h, _, _, _) in enumerate(snaps):
        for abi in {a['name'] for a in abis} - {'loongarch64'}:
            t = tables.get(abi, abi)
            text = git('show', f'{h}:data/tables/syscalls-{t}') or \
                git('show', f'{h}:tables/syscalls-{t}')
            if text:
                has_table.add((i, abi))
            for line in text.splitlines():
                f = line.split()
                if len(f) >= 2 and f[1].isdigit():
                    first.setdefault((f[0], abi), i)
    bad = []
    n_checked = 0
    for (name, abi), (version, _) in sorted(cells.items()):
        i = first.get((name, abi))
        if i is None:
            continue
        n_checked += 1
        v = vkey(version)
        # present at snapshot i: added no later than its kernel
        upper = next((s[1] for s in snaps[i:] if s[1]), None)
        if upper and v > upper:
            bad.append(f'{abi} {name} {version}: hrw has it at {snaps[i][0]} '
                       f'({upper[0]}.{upper[1]})')
        # absent from a full regeneration before: added after its kernel
        lower = next((s for j, s in reversed(list(enumerate(snaps[:i])))
                      if s[3] and s[1] and (j, abi) in has_table), None)
        if lower and (v < lower[1] or (v == lower[1] and not lower[2])):
            bad.append(f'{abi} {name} {version}: hrw lacks it at {lower[0]} '
                       f'({lower[1][0]}.{lower[1][1]})')
    print(f'hrw/syscalls-table: {len(snaps)} snapshots, {n_checked} '
          f'versions checked (loongarch64 not: its tables predate the '
          f'merge), {len(bad)} disagreements', file=sys.stderr)
    for b in bad:
        print('  ' + b, file=sys.stderr)


# libseccomp's PR gives 3.0 (its first version) to almost every syscall of
# these: its table source has no history for the asm-generic numbering.
GENERIC_TABLE = {'aarch64', 'loongarch64', 'riscv64'}


def check_libseccomp(path, abis, cells):
    with open(path, newline='', encoding='utf-8') as f:
        lines = f.read().splitlines()
    header = lines[0].lstrip('#').split(',')
    header[0] = 'name'
    rows = list(csv.DictReader(lines[1:], fieldnames=header))
    their_abi = {'ppc64le': 'ppc64', 'mipsel': 'mips', 'mipsel64': 'mips64',
                 'mipsel64n32': 'mips64n32', 'sheb': 'sh'}
    bad = []
    compared = broken = 0
    for r in rows:
        for a in abis:
            abi = a['name']
            col = their_abi.get(abi, abi) + '_kver'
            if col not in r or (r['name'], abi) not in cells:
                continue
            m = re.fullmatch(r'SCMP_KV_(\d+)_(\d+)', r[col] or '')
            if m is None:
                continue
            compared += 1
            theirs = f'{m[1]}.{m[2]}'
            ours = cells[(r['name'], abi)][0]
            if theirs == '3.0' and abi in GENERIC_TABLE:
                broken += 1     # its tool's default for asm-generic arches
                continue
            if theirs != ours and abi not in their_abi:
                bad.append(f'{abi} {r["name"]}: ours {ours}, libseccomp '
                           f'{theirs}')
    print(f'libseccomp: {compared} versions compared ({broken} of them '
          f'"3.0" on an asm-generic ABI, not counted), {len(bad)} '
          'disagreements', file=sys.stderr)
    for b in bad:
        print('  ' + b, file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--abis', default=os.path.join(here, 'abis.csv'))
    parser.add_argument('--syscalls',
                        default=os.path.join(here, 'syscalls.csv'))
    parser.add_argument('--output',
                        default=os.path.join(here, 'syscall-versions.csv'))
    parser.add_argument('--hrw')
    parser.add_argument('--libseccomp')
    args = parser.parse_args()

    abis = read_csv(args.abis)
    rows = read_csv(args.syscalls)
    cells = build(abis, rows)
    names = [a['name'] for a in abis]

    n_rows = 0
    with open(args.output, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['name'] + names + ['source'])
        for r in rows:
            got = [cells.get((r['name'], a)) for a in names]
            if not any(got):
                continue
            n_rows += 1
            sources = []
            for g in got:
                if g and g[1] not in sources:
                    sources.append(g[1])
            out.writerow([r['name']] + [g[0] if g else '' for g in got]
                         + ['; '.join(sources)])
    print(f'{n_rows} syscalls, {len(cells)} (syscall, ABI) versions; '
          f'{len(UNKNOWN)} numbers >= 424 without one', file=sys.stderr)
    if args.hrw:
        check_hrw(args.hrw, abis, cells)
    if args.libseccomp:
        check_libseccomp(args.libseccomp, abis, cells)


if __name__ == '__main__':
    main()
