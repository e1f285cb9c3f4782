#!/usr/bin/python3
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Regenerate arch-data/syscall-args.csv from a Linux kernel source tree.

Usage:

    update-arg-types.py [--abis abis.csv] [--syscalls syscalls.csv]
                        [--post post-6.12-args.csv]
                        [--output syscall-args.csv] KERNEL

KERNEL is an extracted kernel tree or a kernel tarball, read as
update-from-kernel.py reads it (whose table parsing and ABI filters this
script imports).

For each ABI and each syscall with a direct number on it in syscalls.csv the
script finds the kernel function the ABI's syscall table enters, finds that
function's C definition, and writes how the entry reads each argument
register: width and signedness (u64 s64 u32 s32 u16 s16 u8 s8), "-" for an
argument the function does not have.

Which entry (the .tbl columns):

  * 64-bit ABIs and m68k/sh (32-bit kernels only): the native column;
  * the 32-bit ABIs a 64-bit kernel runs as compat (x86 i386, arm on arm64 via
    arch/arm64/tools/syscall_32.tbl, mips o32, parisc 32, ppc32, s390): the
    compat column where the row has one, else the native one;
  * x32: the entry column (common rows name the x86_64 sys_*, x32 rows the
    compat_sys_*); mips n32: the entry column of syscall_n32.tbl.

How a C type is read (see TYPES): the kernel's syscall wrapper casts each
register to the declared type, so the type's width and signedness is what the
entry sees.  Widths are capped at the ABI's register width (reg_bits in
abis.csv).  On the compat ABIs the 64-bit kernel zero-extends the 32-bit
registers, so a wider type (long, size_t, a pointer, loff_t) seen through a
compat register is the register's 32 bits, unsigned.  On m68k and sh, whose
kernels are 32-bit, the kernel's C is ILP32: long is 32 bits signed, and a
64-bit argument (loff_t, u64) takes two registers, each read as u32.

A syscall whose entry has no C definition in the tree (sys_ni_syscall,
assembly entries, calls removed from the kernel) is written "untyped: ...",
with the full register unsigned for all six arguments: the compiler's safe
default.  Syscalls newer than the tree come from post-6.12-args.csv.

Cross-check: every entry that include/linux/syscalls.h or
include/linux/compat.h declares is typed a second time from that prototype;
the two must agree on every argument of every ABI that uses the entry.
"""

import argparse
import csv
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _import_update_from_kernel():
    spec = importlib.util.spec_from_file_location(
        'update_from_kernel', os.path.join(HERE, 'update-from-kernel.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ufk = _import_update_from_kernel()

N_ARGS = 6

# abi -> (kernel arch directory whose code defines the entries, how the
# .tbl's columns are used: 'native', 'compat' (compat column where there is
# one), 'entry' (the only column))
ABI_KERNEL = {
    'x86': ('x86', 'compat'),
    'x86_64': ('x86', 'native'),
    'x32': ('x86', 'entry'),
    'arm': ('arm64', 'compat'),
    'aarch64': ('arm64', 'native'),
    'loongarch64': ('loongarch', 'native'),
    'm68k': ('m68k', 'native'),
    'mips': ('mips', 'compat'),
    'mipsel': ('mips', 'compat'),
    'mips64': ('mips', 'native'),
    'mipsel64': ('mips', 'native'),
    'mips64n32': ('mips', 'entry'),
    'mipsel64n32': ('mips', 'entry'),
    'parisc': ('parisc', 'compat'),
    'parisc64': ('parisc', 'native'),
    'ppc': ('powerpc', 'compat'),
    'ppc64': ('powerpc', 'native'),
    'ppc64le': ('powerpc', 'native'),
    'riscv64': ('riscv', 'native'),
    's390': ('s390', 'compat'),
    's390x': ('s390', 'native'),
    'sh': ('sh', 'native'),
    'sheb': ('sh', 'native'),
}

# arm's numbers come from arch/arm/tools/syscall.tbl; a 64-bit kernel runs
# arm binaries through arm64's copy of that table, whose compat column names
# the compat entries (checked below to have the same rows).
ARM64_COMPAT_TBL = 'arch/arm64/tools/syscall_32.tbl'

# Kernel arches whose compat entries read a long argument as the 32-bit
# register sign-extended: s390's __SC_COMPAT_CAST ((t)(s32)a for long) and
# mips, whose 64-bit registers hold o32 values sign-extended.  The others
# (x86, arm64, powerpc, parisc) zero-extend the compat registers.
SIGN_EXTENDS_LONG = {'s390', 'mips'}

# ABIs whose kernel is 32-bit (no 64-bit kernel runs them): ILP32 kernel C.
NATIVE_32 = {'m68k', 'sh', 'sheb'}

# ---------------------------------------------------------------------------
# C types.  Each maps to (bits, signed) or to 'long'/'ulong' (the kernel's
# word, 64 bits except on the 32-bit kernels) or 'ptr'.  compat_* types are
# read from include/asm-generic/compat.h and arch/<arch>/include/asm/compat.h
# (see compat_typedefs()); a type in neither place makes the script fail.

TYPES = {
    'int': (32, True), 'signed int': (32, True),
    'unsigned int': (32, False), 'unsigned': (32, False), 'uint': (32, False),
    'short': (16, True), 'unsigned short': (16, False),
    'unsigned char': (8, False),
    'long': 'long', 'unsigned long': 'ulong',
    'long long': (64, True), 'unsigned long long': (64, False),
    'u8': (8, False), 'u16': (16, False), 'u32': (32, False),
    'u64': (64, False), 's8': (8, True), 's16': (16, True),
    's32': (32, True), 's64': (64, True),
    '__u8': (8, False), '__u16': (16, False), '__u32': (32, False),
    '__u64': (64, False), '__s32': (32, True), '__s64': (64, True),
    'uint32_t': (32, False), 'int32_t': (32, True), 'uint64_t': (64, False),
    # include/linux/types.h and include/uapi/asm-generic/posix_types.h
    'pid_t': (32, True), 'uid_t': (32, False), 'gid_t': (32, False),
    'qid_t': (32, False),               # __kernel_uid32_t
    'key_serial_t': (32, True), 'key_t': (32, True),
    'clockid_t': (32, True), 'timer_t': (32, True), 'mqd_t': (32, True),
    'rwf_t': (32, True),                # typedef int __bitwise __kernel_rwf_t
    'umode_t': (16, False),
    'loff_t': (64, True), 'off_t': 'long', 'ssize_t': 'long',
    'size_t': 'ulong', 'aio_context_t': 'ulong', 'uintptr_t': 'ulong',
    '__kernel_old_time_t': 'long', 'old_time32_t': (32, True),
    'old_sigset_t': 'ulong', 'sigset_t': None,   # never by value
    'fd_set': None,
    'cap_user_header_t': 'ptr', 'cap_user_data_t': 'ptr',
    '__sighandler_t': 'ptr',            # void (*)(int)
}

C_KEYWORDS = {'unsigned', 'signed', 'int', 'long', 'short', 'char'}

# old_uid_t / old_gid_t (__kernel_old_uid_t): unsigned short where the
# arch's uapi posix_types.h says so (x86_64 for ia32, arm64 for arm, s390,
# sh), or because __kernel_uid_t itself is 16 bits (m68k); 32 bits else.
OLD_UID_16 = {'x86', 'arm64', 's390', 'sh', 'm68k'}

# Argument-list macros that stand for two u32 registers of a 64-bit value
# (include/linux/syscalls.h SC_ARG64, include/asm-generic/compat.h
# compat_arg_u64/_dual, arch/arm64/kernel/sys32.c arg_u32p).
SPLIT64 = re.compile(r'\b(?:SC_ARG64|compat_arg_u64_dual|compat_arg_u64|'
                     r'arg_u32p)\s*\(\s*(\w+)\s*\)')


def fail(msg):
    sys.exit(f'update-arg-types: {msg}')


def compat_typedefs(tree, karch):
    """{compat type: (bits, signed)} for one kernel arch."""
    fixed = {'u8': (8, False), 'u16': (16, False), 'u32': (32, False),
             'u64': (64, False), 's8': (8, True), 's16': (16, True),
             's32': (32, True), 's64': (64, True)}
    out = {}
    for rel in ('include/asm-generic/compat.h',
                f'arch/{karch}/include/asm/compat.h'):
        text = tree.files.get(rel, '')
        for base, name in re.findall(
                r'^typedef\s+(\w+)\s+(?:__attribute__\(\(\w+\(\d+\)\)\)\s+)?'
                r'(_*compat_\w+)\s*;', text, re.M):
            if base in fixed:
                out[name] = fixed[base]
            elif base in out:
                out[name] = out[base]
    return out


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def balanced(text, start):
    """Text between text[start] == '(' and its ')', and the index after."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return text[start + 1:i], i + 1
    return None, len(text)


def split_top(text):
    parts, depth, cur = [], 0, []
    for c in text:
        if c == ',' and depth == 0:
            parts.append(''.join(cur).strip())
            cur = []
            continue
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        cur.append(c)
    if ''.join(cur).strip():
        parts.append(''.join(cur).strip())
    return parts


def expand_split64(text, macro_style):
    """Replace the split-64 macros by two u32 parameters."""
    if macro_style:
        return SPLIT64.sub(r'u32, \1_lo, u32, \1_hi', text)
    return SPLIT64.sub(r'u32 \1_lo, u32 \1_hi', text)


def normalize_type(ctype):
    """'const struct foo __user *' -> '*'; 'unsigned int' stays."""
    t = re.sub(r'\b(const|volatile|__user|__force|__restrict|restrict|'
               r'__kernel)\b', ' ', ctype)
    t = ' '.join(t.split())
    if '*' in t or '[' in t:
        return '*'
    t = re.sub(r'\bsigned long\b', 'long', t)
    t = re.sub(r'\blong int\b', 'long', t)
    t = re.sub(r'\bunsigned long int\b', 'unsigned long', t)
    return t


# A definition: (function name, [normalized C types], file, kind)
MACROS = {
    'SYSCALL_DEFINE': 'sys_',
    'COMPAT_SYSCALL_DEFINE': 'compat_sys_',
    'PPC32_SYSCALL_DEFINE': 'compat_sys_',   # COMPAT_ under CONFIG_PPC64
    'SYSCALL32_DEFINE': 'compat_sys_',       # COMPAT_ under CONFIG_COMPAT
}
MACRO_RE = re.compile(r'^[ \t]*(SYSCALL_DEFINE|COMPAT_SYSCALL_DEFINE|'
                      r'PPC32_SYSCALL_DEFINE|SYSCALL32_DEFINE)([0-6])\s*\(',
                      re.M)


def macro_definitions(rel, text):
    for m in MACRO_RE.finditer(text):
        body, _ = balanced(text, m.end() - 1)
        if body is None:
            continue
        parts = split_top(expand_split64(body, True))
        n = int(m.group(2))
        name = parts[0]
        if not re.fullmatch(r'\w+', name) or len(parts) != 1 + 2 * (
                len(parts) // 2):
            fail(f'{rel}: cannot parse {m.group(0)}{body[:60]}')
        types = [normalize_type(parts[1 + 2 * i])
                 for i in range(len(parts) // 2)]
        if len(types) != n:
            fail(f'{rel}: {m.group(1)}{n}({name}) has {len(types)} '
                 'arguments')
        prefix = MACROS[m.group(1)]
        yield prefix + name, types, rel, m.group(1)
        if m.group(1) == 'SYSCALL32_DEFINE':
            # On a 32-bit kernel the same text defines sys_<name>.
            yield 'sys_' + name, types, rel, 'SYSCALL32_DEFINE (32-bit)'
        if m.group(1) == 'PPC32_SYSCALL_DEFINE':
            yield 'sys_' + name, types, rel, 'PPC32_SYSCALL_DEFINE (32-bit)'


FUNC_RE = re.compile(r'^(?:asmlinkage\s+|static\s+|__visible\s+|notrace\s+)*'
                     r'(?:unsigned\s+)?(?:long|int|void|'
                     r'(?:__)?[su]32|ssize_t|off_t|loff_t|time_t)\s*\*?\s*'
                     r'(\w+)\s*\(', re.M)


def plain_functions(rel, text, wanted):
    """Plain C definitions (and prototypes) of the functions in @wanted."""
    for m in FUNC_RE.finditer(text):
        name = m.group(1)
        if name not in wanted:
            continue
        body, end = balanced(text, m.end() - 1)
        if body is None:
            continue
        rest = text[end:end + 200].lstrip()
        is_def = rest.startswith('{')
        if not is_def and not rest.startswith(';'):
            continue
        params = split_top(expand_split64(body, False))
        if params in ([], ['void']):
            types = []
        else:
            types = []
            for p in params:
                p = re.sub(r'\b__maybe_unused\b', '', p).strip()
                # the parameter name is the last identifier, unless the
                # declaration is a bare type
                words = normalize_type(p).split()
                if (normalize_type(p) in TYPES or p.rstrip().endswith('*')
                        or len(words) == 1 or all(
                            w in C_KEYWORDS for w in words)):
                    types.append(normalize_type(p))    # unnamed parameter
                    continue
                mm = re.fullmatch(r'(.*?[\s\*])(\w+)(\s*\[\s*\w*\s*\])?', p)
                if mm is None or normalize_type(mm.group(1)) == '':
                    fail(f'{rel}: cannot parse parameter {p!r} of {name}')
                types.append('*' if mm.group(3) else
                             normalize_type(mm.group(1)))
        yield name, types, rel, 'definition' if is_def else 'prototype'


def wanted_file(rel):
    if not (rel.endswith('.c') or rel.endswith('.h')):
        return False
    top = rel.split('/', 1)[0]
    if top == 'arch':
        parts = rel.split('/')
        return len(parts) > 2 and parts[1] in {k for k, _ in
                                               ABI_KERNEL.values()}
    return top in {'kernel', 'fs', 'mm', 'net', 'ipc', 'security', 'block',
                   'io_uring', 'include', 'drivers', 'lib', 'init', 'virt',
                   'crypto', 'sound', 'certs'}


def keep_file(rel, text):
    if not wanted_file(rel):
        return True
    return ('SYSCALL' in text or 'asmlinkage' in text
            or rel.startswith('arch/') and '/kernel/' in rel
            or rel.endswith('compat.h') or 'posix_types' in rel)


def wanted_tree_file(rel):
    return rel in ufk.KERNEL_FILES or rel == ARM64_COMPAT_TBL or \
        wanted_file(rel)


# ---------------------------------------------------------------------------

class Typer:
    """Maps C types to tokens for one ABI."""

    def __init__(self, abi, info, compat_types):
        self.abi = abi
        self.karch = ABI_KERNEL[abi][0]
        self.reg_bits = int(info['reg_bits'])
        self.native32 = abi in NATIVE_32
        self.compat32 = self.reg_bits == 32 and not self.native32
        self.compat_types = compat_types

    def c_type(self, t, where):
        """(bits, signed) of C type @t in the kernel's C for this ABI."""
        word = 32 if self.native32 else 64
        if t == '*':
            return word, False
        if t in ('old_uid_t', 'old_gid_t'):
            return (16 if self.karch in OLD_UID_16 else 32), False
        if t.startswith('enum '):
            # GCC gives an enum without negative enumerators the type
            # unsigned int (landlock_rule_type, ...).
            return 32, False
        v = TYPES.get(t, ...)
        if v is ...:
            if t in self.compat_types:
                return self.compat_types[t]
            fail(f'{self.abi}: {where}: unknown C type {t!r} '
                 '(add it to TYPES)')
        if v is None:
            fail(f'{self.abi}: {where}: argument of type {t!r} by value')
        if v == 'long':
            return word, True
        if v in ('ulong', 'ptr'):
            return word, False
        return v

    def tokens(self, types, where):
        """The six argument tokens for an entry's parameter types."""
        out = []
        for t in types:
            bits, signed = self.c_type(t, where)
            if self.native32 and bits == 64:
                # ILP32 kernel: a 64-bit argument takes two registers.
                out += [(32, False), (32, False)]
            elif bits > self.reg_bits:
                # compat: the 64-bit kernel reads the 32-bit register,
                # zero-extended, except that a long is sign-extended where
                # the compat entry does so (see SIGN_EXTENDS_LONG).
                out.append((self.reg_bits,
                            TYPES.get(t) == 'long'
                            and self.karch in SIGN_EXTENDS_LONG))
            else:
                out.append((bits, signed))
        if len(out) > N_ARGS:
            # mips o32 passes a 7th argument on the user stack
            # (sys32_fadvise64_64): seccomp sees six registers only.
            if self.karch != 'mips':
                fail(f'{self.abi}: {where}: {len(out)} argument registers')
            out = out[:N_ARGS]
        toks = [f'{"s" if s else "u"}{b}' for b, s in out]
        return toks + ['-'] * (N_ARGS - len(toks))

    def untyped(self):
        return [f'u{self.reg_bits}'] * N_ARGS


def table_entries(tree, abis):
    """{abi: {name: (nr, entry)}} from the .tbl files."""
    out = {}
    arm64 = {}
    for nr, row_abi, name, entry, compat in ufk.parse_tbl(
            tree.read(ARM64_COMPAT_TBL)):
        arm64[name] = (nr, compat or entry)
    for info in abis:
        abi = info['name']
        path, filt, makefile = ufk.SOURCES[abi]
        base = int(info['nr_base'], 0)
        if makefile is not None:
            filt = filt | ufk.makefile_abis(tree.read(makefile),
                                            info['word_bits'])
        mode = ABI_KERNEL[abi][1]
        table = {}
        for nr, row_abi, name, entry, compat in ufk.parse_tbl(tree.read(path)):
            if filt is not None and row_abi not in filt:
                continue
            nr = (nr | base) if abi == 'x32' else nr + base
            if entry == '-':
                entry = ''
            if mode == 'compat' and compat and compat != '-':
                entry = compat
            if abi == 'arm':
                if name not in arm64 or arm64[name][0] + base != nr:
                    fail(f'arm: {name} differs in {ARM64_COMPAT_TBL}')
                entry = arm64[name][1]
            table[name] = (nr, entry)
        out[abi] = table
    return out


class Definitions:
    """Every definition of the entries we need, and their prototypes."""

    def __init__(self, tree, entries):
        self.by_name = {}
        self.protos = {}
        for rel in sorted(tree.files):
            if not (rel.endswith('.c') or rel.endswith('.h')):
                continue
            text = strip_comments(tree.files[rel])
            if rel.endswith('.c'):
                for name, types, where, kind in macro_definitions(rel, text):
                    if name in entries:
                        self.by_name.setdefault(name, []).append(
                            (types, where, kind))
            for name, types, where, kind in plain_functions(rel, text,
                                                            entries):
                if rel in ('include/linux/syscalls.h',
                           'include/linux/compat.h'):
                    if kind == 'prototype':
                        self.protos.setdefault(name, []).append(types)
                    continue
                self.by_name.setdefault(name, []).append(
                    (types, where, kind))

    def find(self, entry, karch):
        """[(types, file)] of @entry as a kernel for @karch builds it (more
        than one for #ifdef alternatives), or None.  Code under arch/<karch>/ wins over generic code, a
        definition over a prototype; other arches' code is never used."""
        cands = self.by_name.get(entry, [])
        mine = [c for c in cands if c[1].startswith(f'arch/{karch}/')]
        generic = [c for c in cands if not c[1].startswith('arch/')]
        for group in (mine, generic):
            defs = [c for c in group if c[2] != 'prototype']
            if not defs:
                defs = [c for c in group if c[2] == 'prototype']
            if not defs:
                continue
            if karch in ('m68k', 'sh'):
                # 32-bit kernel: SYSCALL32_DEFINE is SYSCALL_DEFINE.
                pass
            else:
                defs = [c for c in defs if '(32-bit)' not in c[2]] or defs
            # #ifdef alternatives: every distinct parameter list
            seen, out = set(), []
            for c in defs:
                if tuple(c[0]) not in seen:
                    seen.add(tuple(c[0]))
                    out.append((c[0], c[1]))
            return out
        return None


# Entries defined more than once under #ifdef whose alternatives read the
# registers differently: (entry, kernel arch) -> the number of parameters of
# the one that arch's Kconfig builds.  Alternatives that read the registers
# the same way (clone's CLONE_BACKWARDS orders, fanotify_mark with or
# without ARCH_SPLIT_ARG64) need no entry.
AMBIGUOUS = {
    # kernel/signal.c: OLD_SIGSUSPEND3 (three arguments) is selected by
    # arch/{arm,arm64,m68k,s390,x86}/Kconfig, OLD_SIGSUSPEND (one) by
    # powerpc and sh.
    **{('sys_sigsuspend', k): 3 for k in ('arm64', 'm68k', 's390', 'x86')},
    **{('sys_sigsuspend', k): 1 for k in ('powerpc', 'sh')},
    # kernel/fork.c: only microblaze (CLONE_BACKWARDS3) has the
    # six-argument clone with an int stack_size.
    **{('sys_clone', k): 5 for k, _ in set(ABI_KERNEL.values())},
}


def pick_definition(entry, karch, typer, found):
    """The (tokens, file) the kernel for @karch builds from @found."""
    where = f'{entry} ({karch})'
    options = [(typer.tokens(types, where), types, rel)
               for types, rel in found]
    if len({tuple(o[0]) for o in options}) == 1:
        return options[0][0], options[0][1], options[0][2]
    n = AMBIGUOUS.get((entry, karch))
    picked = [o for o in options if len(o[1]) == n]
    if len({tuple(o[0]) for o in picked}) != 1:
        fail(f'{where}: #ifdef alternatives read the registers differently '
             '(decide in AMBIGUOUS): '
             + '; '.join(f'{o[2]} {o[1]}' for o in options))
    return picked[0]


# Entries whose arch code defines them differently from the generic
# prototype in include/linux/syscalls.h; the arch code is what is built.
PROTOTYPE_DIFFERS = {
    # arch/parisc/kernel/sys_parisc.c: on LP64 sys_truncate64 and
    # sys_ftruncate64 take an unsigned long length (syscalls.h: loff_t).
    ('parisc64', 'sys_truncate64'), ('parisc64', 'sys_ftruncate64'),
}


# Assembly entries that save registers and call a C entry with the same
# argument registers: typed as that C entry.  (m68k's __sys_clone and
# __sys_clone3 pass pt_regs to m68k_clone*() instead and stay untyped.)
ASM_WRAPPERS = {
    # arch/mips/kernel/syscall.c save_static_function()
    **{('mips', f'__sys_{n}'): f'sys_{n}'
       for n in ('fork', 'clone', 'clone3', 'sysmips')},
    # arch/m68k/kernel/entry.S
    ('m68k', '__sys_fork'): 'sys_fork', ('m68k', '__sys_vfork'): 'sys_vfork',
    # arch/parisc/kernel/entry.S fork_like and sys_rt_sigreturn_wrapper
    **{('parisc', f'sys_{n}_wrapper'): f'sys_{n}'
       for n in ('fork', 'vfork', 'clone', 'clone3', 'rt_sigreturn')},
}


UNTYPED_REASON = {
    'sys_ni_syscall': 'sys_ni_syscall (not implemented)',
    'sys32_unimplemented': 'sys32_unimplemented (returns ENOSYS)',
    '': 'no entry point in the table',
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('kernel', help='kernel source tree or tarball')
    parser.add_argument('--abis', default=os.path.join(HERE, 'abis.csv'))
    parser.add_argument('--syscalls',
                        default=os.path.join(HERE, 'syscalls.csv'))
    parser.add_argument('--post',
                        default=os.path.join(HERE, 'post-6.12-args.csv'))
    parser.add_argument('--output',
                        default=os.path.join(HERE, 'syscall-args.csv'))
    args = parser.parse_args()

    abis = ufk.read_csv(args.abis)
    numbers = ufk.read_csv(args.syscalls)
    post = {row['syscall']: row for row in ufk.read_csv(args.post)}

    tree = ufk.KernelTree(args.kernel, wanted_tree_file, keep_file)
    tables = table_entries(tree, abis)
    arm_private = ufk.arm_private(tree.read(ufk.ARM_UAPI))

    entries = {e for t in tables.values() for _, e in t.values() if e}
    entries |= set(ASM_WRAPPERS.values())
    defs = Definitions(tree, entries)
    compat_types = {}

    rows = []
    typed = 0
    untyped = {a['name']: [] for a in abis}
    checked = set()
    disagreements = []
    for info in abis:
        abi = info['name']
        karch = ABI_KERNEL[abi][0]
        if karch not in compat_types:
            compat_types[karch] = compat_typedefs(tree, karch)
        typer = Typer(abi, info, compat_types[karch])
        for row in numbers:
            name = row['name']
            cell = row[abi]
            if cell == '':
                continue
            nr = int(cell)
            if name in tables[abi]:
                tnr, entry = tables[abi][name]
                if tnr != nr:
                    fail(f'{abi}: {name} is {nr} in syscalls.csv but {tnr} '
                         'in the kernel table')
                c_entry = ASM_WRAPPERS.get((karch, entry), entry)
                found = (defs.find(c_entry, karch)
                         if entry not in UNTYPED_REASON else None)
                if found is None:
                    reason = UNTYPED_REASON.get(
                        entry, f'{entry}: no C definition (assembly entry)')
                    toks, source = typer.untyped(), f'untyped: {reason}'
                    untyped[abi].append(name)
                else:
                    toks, types, source = pick_definition(c_entry, karch,
                                                          typer, found)
                    if c_entry != entry:
                        source = f'{source} (via {entry})'
                    typed += sum(1 for t in toks if t != '-')
                    # syscalls.h has #ifdef alternatives too (clone,
                    # sigsuspend, fanotify_mark): one must agree.
                    protos = [typer.tokens(p, f'{entry} prototype')
                              for p in defs.protos.get(c_entry, [])]
                    if protos:
                        checked.add(entry)
                    if (protos and toks not in protos
                            and (abi, entry) not in PROTOTYPE_DIFFERS):
                        disagreements.append(
                            f'{abi} {name} {entry}: {source} {toks} vs '
                            f'prototypes {protos}')
            elif abi == 'arm' and name in arm_private:
                entry = 'arm_syscall'
                toks = typer.untyped()
                source = ('untyped: ARM private call, decoded by '
                          'compat_arm_syscall() from the registers')
                untyped[abi].append(name)
            elif name in post:
                p = post[name]
                entry = p['entry']
                toks = [p[f'arg{i}'] for i in range(N_ARGS)]
                # the same C types on every ABI: narrow for the ABI
                toks = [t if t == '-' or int(t[1:]) <= typer.reg_bits
                        else f'u{typer.reg_bits}' for t in toks]
                source = p['source']
                typed += sum(1 for t in toks if t != '-')
            else:
                fail(f'{abi}: {name} ({nr}) is neither in the kernel table '
                     f'nor in {os.path.basename(args.post)}')
            rows.append([abi, name] + toks + [entry, source])

    if disagreements:
        fail('definitions and prototypes disagree:\n  '
             + '\n  '.join(disagreements))

    with open(args.output, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['abi', 'syscall'] + [f'arg{i}' for i in range(N_ARGS)]
                     + ['entry', 'source'])
        out.writerows(rows)

    print(f'Linux {tree.version()}: {len(rows)} (ABI, syscall) rows, '
          f'{typed} typed (ABI, syscall, argument) triples; '
          f'{len(checked)} entries cross-checked against '
          'include/linux/{syscalls,compat}.h, 0 disagreements',
          file=sys.stderr)
    for info in abis:
        u = untyped[info['name']]
        print(f'  {info["name"]:<12} {len(u):3d} untyped: {" ".join(u)}',
              file=sys.stderr)


if __name__ == '__main__':
    main()
