#!/usr/bin/python3
# test-tool.py: scmp-tool end to end, checked against the library (GI).
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Run by meson (suite 'tool') with SCMP_TOOL, SCMP_TOOL_SRCDIR,
# SCMP_TOOL_MAN and SCMP_DEMO set. gi is required: a missing PyGObject is
# an import error, never a skip.

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

import gi
gi.require_version('Scmp', '1.0')
from gi.repository import GLib, Scmp  # noqa: E402

TOOL = os.environ['SCMP_TOOL']
SRCDIR = os.environ['SCMP_TOOL_SRCDIR']
MAN = os.environ.get('SCMP_TOOL_MAN', '')
DEMO = os.environ['SCMP_DEMO']
DATA = os.path.join(SRCDIR, 'tests', 'data')
DOCKER = os.path.join(DATA, 'docker-default.json')
DENY_MKDIR = os.path.join(DATA, 'tool-deny-mkdir.gvariant')
DENY_MKDIR_CHANGED = os.path.join(DATA, 'tool-deny-mkdir-changed.gvariant')
KILL_MKDIR = os.path.join(DATA, 'tool-kill-mkdir.gvariant')
LINT = os.path.join(DATA, 'tool-lint.gvariant')
DEMO_POLICY = os.path.join(SRCDIR, 'examples', 'default-policy.gvariant')

COMMANDS = ['compile', 'disasm', 'pfc', 'eval', 'lint', 'resolve', 'arches', 'run', 'diff']
NATIVE = Scmp.Architecture.get_native()


def tool(*args, binary=False):
    return subprocess.run([TOOL] + list(args), capture_output=True,
                          text=not binary, timeout=60)


def load_library_filter(path, kernel=None, host=None):
    """The filter the library reads from a policy file, as the tool must."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if text.lstrip().startswith('{'):
        profile = Scmp.OciProfile.new()
        if kernel is not None:
            profile.set_kernel_version(kernel)
        if host is not None:
            profile.set_architecture(host)
        profile.load_from_data(text.encode())
        return profile.get_filter()
    return Scmp.Filter.new_from_variant_text(text, -1)


class ToolTestCase(unittest.TestCase):
    def assertUsageError(self, result):
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertTrue(result.stderr.startswith('scmp-tool: '), result.stderr)
        self.assertEqual(result.stdout, '')


class TestHelp(ToolTestCase):
    def test_overview(self):
        result = tool('--help')
        self.assertEqual(result.returncode, 0)
        for command in COMMANDS:
            self.assertRegex(result.stdout, r'(?m)^  %s +\S' % command)

    def test_each_command(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                result = tool(command, '--help')
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn('Usage:\n  scmp-tool %s [OPTION…]' % command, result.stdout)
                # The one-line description follows the usage line.
                summary = result.stdout.split('\n\n')[1]
                self.assertNotIn('\n', summary.strip())
                self.assertTrue(summary.strip())

    def test_version(self):
        result = tool('--version')
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, 'scmp-tool (scmp-glib) %d.%d.%d\n'
                         % (Scmp.MAJOR_VERSION, Scmp.MINOR_VERSION, Scmp.MICRO_VERSION))

    def test_help_command(self):
        self.assertEqual(tool('help', 'eval').stdout, tool('eval', '--help').stdout)

    def test_bad_usage(self):
        self.assertUsageError(tool())
        self.assertUsageError(tool('frobnicate'))
        self.assertUsageError(tool('eval', '--no-such-option', DOCKER, 'read'))
        self.assertUsageError(tool('eval', DOCKER))
        self.assertUsageError(tool('eval', '--arch', 'amd46', DOCKER, 'read'))
        self.assertUsageError(tool('eval', DOCKER, 'read', 'twelve'))
        self.assertUsageError(tool('eval', DOCKER, 'no_such_call'))
        self.assertUsageError(tool('compile', '--json', DOCKER))
        self.assertUsageError(tool('diff', DOCKER))
        self.assertUsageError(tool('run', DENY_MKDIR, 'true'))
        self.assertUsageError(tool('arches', 'extra'))
        # An ABI of the other byte order than the first cannot join it.
        self.assertEqual(tool('compile', '-o', os.devnull, '--arch', 'x86_64', '--arch', 's390x',
                              DENY_MKDIR).returncode, 1)
        self.assertUsageError(tool('pfc', '--kernel', '5.10', DENY_MKDIR))
        self.assertUsageError(tool('pfc', '--host', 'aarch64', DENY_MKDIR))
        self.assertUsageError(tool('pfc', '--host', 'amd46', DOCKER))
        self.assertUsageError(tool('pfc', '--kernel', 'four', DOCKER))

    def test_missing_file(self):
        missing = os.path.join(DATA, 'no-such-policy.json')
        for args in (['compile', missing], ['pfc', missing], ['eval', missing, 'read'],
                     ['diff', DOCKER, missing], ['run', missing, '--', 'true'],
                     ['lint', missing], ['disasm', missing]):
            with self.subTest(command=args[0]):
                result = tool(*args)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertIn('scmp-tool: ', result.stderr)
                self.assertIn('no-such-policy.json', result.stderr)
                self.assertEqual(result.stdout, '')

    def test_bad_policy(self):
        with tempfile.NamedTemporaryFile('w', suffix='.gvariant') as f:
            f.write("(uint32 1,\n {'default-action' <'allow'>},\n [])\n")
            f.flush()
            result = tool('pfc', f.name)
        self.assertEqual(result.returncode, 1)
        # FILE:LINE:COLUMN, as a compiler says it.
        self.assertTrue(result.stderr.startswith('scmp-tool: %s:2:' % f.name), result.stderr)


class TestCompile(ToolTestCase):
    def test_stdout(self):
        result = tool('compile', DOCKER, binary=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        program = result.stdout
        self.assertGreater(len(program), 0)
        self.assertEqual(len(program) % 8, 0)
        expected = load_library_filter(DOCKER).export_bpf().get_data()
        self.assertEqual(program, expected)

    def test_not_to_a_terminal(self):
        leader, follower = os.openpty()
        try:
            result = subprocess.run([TOOL, 'compile', DENY_MKDIR], stdout=follower,
                                    stderr=subprocess.PIPE, text=True, timeout=60)
        finally:
            os.close(follower)
            os.close(leader)
        self.assertEqual(result.returncode, 2)
        self.assertIn('terminal', result.stderr)

    def test_output_and_json(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'filter.bpf')
            result = tool('compile', '--json', '-o', out, DENY_MKDIR)
            self.assertEqual(result.returncode, 0, result.stderr)
            report = json.loads(result.stdout)
            with open(out, 'rb') as f:
                program = f.read()
        self.assertEqual(report['size'], len(program))
        self.assertEqual(report['instructions'] * 8, len(program))
        self.assertEqual(len(program) % 8, 0)
        self.assertEqual(report['output'], out)
        self.assertEqual(report['architectures'], [Scmp.Architecture.to_name(NATIVE)])
        self.assertEqual(program, load_library_filter(DENY_MKDIR).export_bpf().get_data())

    def test_arches_replace(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'filter.bpf')
            result = tool('compile', '--json', '-o', out,
                          '--arch', 'aarch64', '--arch', 'riscv64', DOCKER)
            self.assertEqual(result.returncode, 0, result.stderr)
            report = json.loads(result.stdout)
            with open(out, 'rb') as f:
                program = f.read()
        self.assertEqual(report['architectures'], ['aarch64', 'riscv64'])
        filt = load_library_filter(DOCKER)
        for arch in filt.list_arches():
            filt.remove_arch(arch)
        filt.add_arch(Scmp.Architecture.AARCH64)
        filt.add_arch(Scmp.Architecture.RISCV64)
        self.assertEqual(program, filt.export_bpf().get_data())


class TestDisasm(ToolTestCase):
    def compile(self, tmp, *args):
        out = os.path.join(tmp, 'filter.bpf')
        result = tool('compile', '-o', out, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, 'rb') as f:
            return out, f.read()

    def test_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path, program = self.compile(tmp, DOCKER)
            result = tool('disasm', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        expected = Scmp.bpf_disassemble(GLib.Bytes.new(program), NATIVE)
        self.assertEqual(result.stdout, expected)
        instructions = [line for line in result.stdout.splitlines()
                        if re.match(r'^  \d{4}: ', line)]
        self.assertEqual(len(instructions), len(program) // 8)

    def test_stdin_and_arch(self):
        # Big-endian, and piped from compile.
        with tempfile.TemporaryDirectory() as tmp:
            path, program = self.compile(tmp, '--arch', 's390x', DENY_MKDIR)
            with open(path, 'rb') as f:
                result = subprocess.run([TOOL, 'disasm', '--arch', 's390x', '-'], stdin=f,
                                        capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout,
                         Scmp.bpf_disassemble(GLib.Bytes.new(program), Scmp.Architecture.S390X))
        self.assertIn('s390x', result.stdout)

    def test_other_byte_order(self):
        # A big-endian program read as the native (little-endian) one is
        # listed, with a warning that says which --arch reads it.
        with tempfile.TemporaryDirectory() as tmp:
            path, program = self.compile(tmp, '--arch', 's390x', DENY_MKDIR)
            result = tool('disasm', '--arch', 'x86_64', path)
            right = tool('disasm', '--arch', 's390x', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('looks like a big-endian program, and x86_64 is little-endian', result.stderr)
        self.assertIn('--arch', result.stderr)
        self.assertEqual(right.returncode, 0, right.stderr)
        self.assertEqual(right.stderr, '')

    def test_refused(self):
        with tempfile.NamedTemporaryFile('wb', suffix='.bpf') as f:
            f.write(b'\0' * 12)
            f.flush()
            result = tool('disasm', f.name)
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.startswith('scmp-tool: %s: ' % f.name), result.stderr)
        self.assertEqual(result.stdout, '')
        self.assertUsageError(tool('disasm', '--arch', 'x86', '--arch', 'x86_64', DOCKER))
        self.assertUsageError(tool('disasm'))


class TestPfc(ToolTestCase):
    def test_pfc(self):
        for policy in (DOCKER, DENY_MKDIR):
            with self.subTest(policy=os.path.basename(policy)):
                result = tool('pfc', policy)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout, load_library_filter(policy).export_pfc())
        self.assertIn('# mkdirat', tool('pfc', DENY_MKDIR).stdout)

    def test_pfc_arch(self):
        result = tool('pfc', '--arch', 'riscv64', DENY_MKDIR)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('# riscv64', result.stdout)
        self.assertNotIn('# x86_64', result.stdout)


class TestEval(ToolTestCase):
    def test_deny_and_allow(self):
        # Docker allows ptrace from Linux 4.8 on.
        result = tool('eval', '--kernel', '4.4', DOCKER, 'ptrace')
        self.assertEqual((result.returncode, result.stdout), (0, 'errno(1)\n'), result.stderr)
        result = tool('eval', '--kernel', '6.1', DOCKER, 'ptrace')
        self.assertEqual((result.returncode, result.stdout), (0, 'allow\n'), result.stderr)
        result = tool('eval', DENY_MKDIR, 'mkdirat')
        self.assertEqual((result.returncode, result.stdout), (0, 'errno(1)\n'))
        result = tool('eval', DENY_MKDIR, 'getpid')
        self.assertEqual((result.returncode, result.stdout), (0, 'allow\n'))

    def test_expect(self):
        ok = tool('eval', '--expect', 'errno(EPERM)', DENY_MKDIR, 'mkdir')
        self.assertEqual(ok.returncode, 0, ok.stderr)
        failed = tool('eval', '--expect', 'allow', DENY_MKDIR, 'mkdir')
        self.assertEqual(failed.returncode, 1)
        self.assertEqual(failed.stdout, 'errno(1)\n')
        self.assertIn('not allow', failed.stderr)

    def test_against_library(self):
        filt = load_library_filter(DOCKER)
        calls = [('socket', [40]), ('socket', [1]), ('clone', [0x10000000]),
                 ('clone', [0]), ('personality', [0xffffffff]), ('personality', [8]),
                 ('reboot', []), ('read', [0, 0, 0])]
        for name, args in calls:
            with self.subTest(call=name, args=args):
                result = tool('eval', '--json', DOCKER, name, *[hex(a) for a in args])
                self.assertEqual(result.returncode, 0, result.stderr)
                report = json.loads(result.stdout)
                action = filt.evaluate_syscall(NATIVE, name, args)
                self.assertEqual(report['result']['action'], action.to_string())
                self.assertEqual(report['result']['kernel_value'], action.get_kernel_value())
                self.assertEqual(report['syscall'], name)
                self.assertEqual(report['number'], Scmp.syscall_resolve_name(NATIVE, name))
                self.assertEqual([int(a, 16) for a in report['arguments']],
                                 args + [0] * (6 - len(args)))

    def test_json(self):
        result = tool('eval', '--json', '--arch', 'aarch64', '--kernel', '4.4', DOCKER, 'ptrace')
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(report['architecture'], 'aarch64')
        # The profile is read for this machine: aarch64 is not in the
        # filter, so the call gets the bad-arch action, as in the kernel.
        filt = load_library_filter(DOCKER, kernel='4.4')
        expected = filt.evaluate_syscall(Scmp.Architecture.AARCH64, 'ptrace', [])
        self.assertEqual(report['result']['action'], expected.to_string())

        # Read for an arm64 host, the profile covers aarch64.
        result = tool('eval', '--json', '--host', 'aarch64', '--arch', 'aarch64',
                      '--kernel', '4.4', DOCKER, 'ptrace')
        self.assertEqual(result.returncode, 0, result.stderr)
        filt = load_library_filter(DOCKER, kernel='4.4', host=Scmp.Architecture.AARCH64)
        self.assertIn(Scmp.Architecture.AARCH64, filt.list_arches())
        expected = filt.evaluate_syscall(Scmp.Architecture.AARCH64, 'ptrace', [])
        self.assertEqual(json.loads(result.stdout)['result']['action'], expected.to_string())
        self.assertEqual(expected.get_kind(), Scmp.ActionKind.ERRNO)

        result = tool('eval', '--json', '--kernel', '4.4', DOCKER, 'ptrace')
        report = json.loads(result.stdout)
        self.assertEqual(report['result']['kind'], 'errno')
        self.assertEqual(report['result']['value'], errno.EPERM)

    def test_explain(self):
        result = tool('eval', '--explain', DENY_MKDIR, 'mkdirat')
        self.assertEqual(result.returncode, 0, result.stderr)
        verdict = load_library_filter(DENY_MKDIR).explain_syscall(NATIVE, 'mkdirat', [])
        self.assertEqual(result.stdout, 'errno(1)\n%s\n' % verdict.to_string())
        self.assertEqual(verdict.get_rule_index(), 1)

    def test_explain_against_library(self):
        calls = [(DOCKER, 'ptrace', []), (DOCKER, 'socket', [40]), (DOCKER, 'clone', [0x10000000]),
                 (DOCKER, 'personality', [8]), (DOCKER, 'reboot', []), (DOCKER, 'getpid', []),
                 (DEMO_POLICY, 'ioctl', [0, 0x5412]), (DEMO_POLICY, 'ioctl', [0, 0x5413]),
                 (DEMO_POLICY, 'getpid', [])]
        for policy, name, args in calls:
            filt = load_library_filter(policy)
            with self.subTest(policy=os.path.basename(policy), call=name, args=args):
                result = tool('eval', '--json', '--explain', policy, name, *[hex(a) for a in args])
                self.assertEqual(result.returncode, 0, result.stderr)
                report = json.loads(result.stdout)
                verdict = filt.explain_syscall(NATIVE, name, args)
                explanation = report['explanation']
                self.assertEqual(explanation['text'], verdict.to_string())
                self.assertEqual(explanation['source'],
                                 verdict.get_source().value_nick)
                self.assertEqual(report['result']['action'], verdict.get_action().to_string())
                index = verdict.get_rule_index()
                if index < 0:
                    self.assertIsNone(explanation['rule_index'])
                    self.assertIsNone(explanation['rule'])
                else:
                    self.assertEqual(explanation['rule_index'], index)
                    self.assertEqual(explanation['rule'], filt.get_rule(index).to_string())
        # Both kinds of answer occur above.
        sources = {json.loads(tool('eval', '--json', '--explain', DEMO_POLICY, n).stdout)
                   ['explanation']['source'] for n in ('ptrace', 'getpid')}
        self.assertEqual(sources, {'rule', 'default'})

    def test_explain_bad_arch(self):
        result = tool('eval', '--json', '--explain', '--arch', 'riscv64', DENY_MKDIR, 'mkdirat')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)['explanation']['source'], 'bad-arch')

    def test_number(self):
        nr = Scmp.syscall_resolve_name(NATIVE, 'mkdirat')
        by_number = tool('eval', '--json', DENY_MKDIR, str(nr))
        by_name = tool('eval', '--json', DENY_MKDIR, 'mkdirat')
        self.assertEqual(by_number.returncode, 0, by_number.stderr)
        self.assertEqual(json.loads(by_number.stdout), json.loads(by_name.stdout))

    def test_negative_argument(self):
        result = tool('eval', '--json', DOCKER, 'personality', '--', '-1')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)['arguments'][0], '0xffffffffffffffff')


class TestLint(ToolTestCase):
    def test_against_library(self):
        for policy in (LINT, DOCKER, DEMO_POLICY):
            with self.subTest(policy=os.path.basename(policy)):
                result = tool('lint', '--json', policy)
                self.assertEqual(result.returncode, 1, result.stderr)
                findings = json.loads(result.stdout)['findings']
                filt = load_library_filter(policy)
                expected = list(filt.lint())
                self.assertEqual(len(findings), len(expected))
                for got, want in zip(findings, expected):
                    self.assertEqual(got['kind'], want.get_kind().value_nick)
                    self.assertEqual(got['message'], want.get_message())
                    self.assertEqual(got['rule_index'], want.get_rule_index())
                    other = want.get_other_rule_index()
                    self.assertEqual(got['other_rule_index'], other if other >= 0 else None)
                    self.assertEqual(got['architectures'],
                                     [Scmp.Architecture.to_name(a)
                                      for a in want.get_architectures()])

    def test_findings(self):
        result = tool('lint', '--json', LINT)
        self.assertEqual(result.returncode, 1, result.stderr)
        report = json.loads(result.stdout)
        found = [(f['kind'], f['rule_index'], f['other_rule_index']) for f in report['findings']]
        self.assertEqual(found, [(Scmp.FindingKind.SHADOWED.value_nick, 1, 0),
                                 (Scmp.FindingKind.REDUNDANT.value_nick, 2, None)])
        filt = load_library_filter(LINT)
        for f in report['findings']:
            self.assertEqual(f['rule'], filt.get_rule(f['rule_index']).to_string())
            self.assertEqual(f['architectures'], [Scmp.Architecture.to_name(NATIVE)])
            self.assertIn('Rule %d ' % f['rule_index'], f['message'])
        # The shadowing rule is the one that decides the shadowed one's calls.
        verdict = filt.explain_syscall(NATIVE, 'mkdir', [0, 0x1c0])
        self.assertEqual(verdict.get_rule_index(), 0)

        text = tool('lint', LINT)
        self.assertEqual(text.returncode, 1)
        lines = text.stdout.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[0].startswith('%s: shadowed [' % LINT), lines[0])

    def test_dead_rules_change_nothing(self):
        # What lint calls shadowed or redundant can go: the filter without
        # those rules decides every call the same (diff finds nothing).
        report = json.loads(tool('lint', '--json', LINT).stdout)
        dead = sorted({f['rule_index'] for f in report['findings']}, reverse=True)
        filt = load_library_filter(LINT)
        for index in dead:
            filt.remove_rule_at(index)
        self.assertEqual(filt.get_n_rules(), 2)
        with tempfile.NamedTemporaryFile('w', suffix='.gvariant') as f:
            f.write(filt.serialize().print_(True))
            f.flush()
            result = tool('diff', LINT, f.name)
            self.assertEqual((result.returncode, result.stdout), (0, ''), result.stderr)
            self.assertEqual(tool('lint', f.name).returncode, 0)

    def test_clean(self):
        result = tool('lint', DENY_MKDIR)
        self.assertEqual((result.returncode, result.stdout), (0, ''), result.stderr)
        result = tool('lint', '--json', DENY_MKDIR)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)['findings'], [])

    def test_ignore(self):
        result = tool('lint', '--ignore', 'shadowed', '--ignore', 'redundant', LINT)
        self.assertEqual((result.returncode, result.stdout), (0, ''), result.stderr)
        result = tool('lint', '--ignore', 'shadowed', LINT)
        self.assertEqual(result.returncode, 1)
        self.assertNotIn('shadowed', result.stdout)
        self.assertUsageError(tool('lint', '--ignore', 'no-such-kind', LINT))

    def test_docker(self):
        result = tool('lint', '--json', DOCKER)
        self.assertEqual(result.returncode, 1, result.stderr)
        findings = json.loads(result.stdout)['findings']
        n_rules = load_library_filter(DOCKER).get_n_rules()
        nicks = {Scmp.FindingKind(k).value_nick for k in range(8)}
        self.assertTrue(findings)
        for f in findings:
            self.assertIn(f['kind'], nicks)
            self.assertTrue(0 <= f['rule_index'] < n_rules)


class TestResolve(ToolTestCase):
    def test_names_and_numbers(self):
        for arch, name in (('x86_64', 'openat'), ('aarch64', 'openat'),
                           ('x86_64', 'read'), ('aarch64', 'exit')):
            nr = Scmp.syscall_resolve_name(Scmp.Architecture.from_name(arch), name)
            with self.subTest(arch=arch, name=name):
                result = tool('resolve', '--arch', arch, name)
                self.assertEqual((result.returncode, result.stdout), (0, '%s %d\n' % (name, nr)))
                result = tool('resolve', '--arch', arch, str(nr))
                self.assertEqual((result.returncode, result.stdout), (0, '%s %d\n' % (name, nr)))
        # The kernel's own numbers, not only the library's word for them.
        self.assertEqual(tool('resolve', '--arch', 'x86_64', 'openat').stdout, 'openat 257\n')
        self.assertEqual(tool('resolve', '--arch', 'aarch64', '56').stdout, 'openat 56\n')

    def test_json(self):
        result = tool('resolve', '--json', '--arch', 'x86_64', '--arch', 'aarch64',
                      'openat', '63', 'accept')
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(len(report), 6)
        by = {(r['architecture'], r['query']): r for r in report}
        self.assertEqual(by[('x86_64', 'openat')]['number'], 257)
        self.assertEqual(by[('aarch64', 'openat')]['number'], 56)
        self.assertEqual(by[('aarch64', '63')]['name'], 'read')
        self.assertEqual(by[('x86_64', '63')]['name'], 'uname')

    def test_multiplexer(self):
        result = tool('resolve', '--json', '--arch', 'x86', 'accept')
        self.assertEqual(result.returncode, 0, result.stderr)
        (entry,) = json.loads(result.stdout)
        self.assertIsNone(entry['number'])
        self.assertEqual(entry['multiplexer']['name'], 'socketcall')
        self.assertEqual(entry['multiplexer']['sub_call'], 5)

    def test_unknown(self):
        result = tool('resolve', 'read', 'no_such_call')
        self.assertEqual(result.returncode, 1)
        self.assertIn('no_such_call', result.stderr)
        self.assertTrue(result.stdout.startswith('read '))


class TestArches(ToolTestCase):
    def test_json(self):
        result = tool('arches', '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        arches = json.loads(result.stdout)
        self.assertEqual(len(arches), 23)
        self.assertEqual([a['name'] for a in arches],
                         [Scmp.Architecture.to_name(a) for a in Scmp.Architecture.list_all()])
        self.assertEqual([a['name'] for a in arches if a['native']],
                         [Scmp.Architecture.to_name(NATIVE)])
        for a in arches:
            arch = Scmp.Architecture.from_name(a['name'])
            self.assertEqual(a['syscalls'], len(Scmp.syscall_list_names(arch)))
            self.assertEqual(a['audit_arch'], Scmp.Architecture.get_audit_arch(arch))

    def test_text(self):
        lines = tool('arches').stdout.splitlines()
        self.assertEqual(len(lines), 1 + 23)


class TestRun(ToolTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='scmp-tool-')

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_allowed(self):
        result = tool('run', DENY_MKDIR, '--', 'sh', '-c', 'echo hello; exit 7')
        self.assertEqual((result.returncode, result.stdout), (7, 'hello\n'), result.stderr)
        result = tool('run', DENY_MKDIR, '--', 'true')
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_under_the_filter(self):
        # The command really runs filtered, with no-new-privs set.
        result = tool('run', DENY_MKDIR, '--', 'grep', '-E', '^(Seccomp|NoNewPrivs):',
                      '/proc/self/status')
        self.assertEqual(result.returncode, 0, result.stderr)
        fields = dict(line.split(':\t') for line in result.stdout.splitlines())
        self.assertEqual(fields, {'NoNewPrivs': '1', 'Seccomp': '2'})

    def test_denied_errno(self):
        target = os.path.join(self.tmp, 'x')
        result = tool('run', DENY_MKDIR, '--', 'mkdir', target)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(target))
        self.assertIn(os.strerror(errno.EPERM), result.stderr)
        # Without the filter, the same command works.
        subprocess.run(['mkdir', target], check=True)
        self.assertTrue(os.path.isdir(target))

    def test_denied_errno_in_python(self):
        target = os.path.join(self.tmp, 'y')
        code = 'import os, sys\ntry:\n  os.mkdir(sys.argv[1])\nexcept OSError as e:\n  sys.exit(e.errno)\n'
        result = tool('run', DENY_MKDIR, '--', sys.executable, '-c', code, target)
        self.assertEqual(result.returncode, errno.EPERM, result.stderr)
        self.assertFalse(os.path.exists(target))

    def test_killed(self):
        target = os.path.join(self.tmp, 'z')
        result = tool('run', KILL_MKDIR, '--', 'mkdir', target)
        self.assertEqual(result.returncode, 128 + signal.SIGSYS, result.stderr)
        self.assertFalse(os.path.exists(target))
        self.assertIn('mkdir was killed by SIGSYS', result.stderr)

    def test_command_options_are_the_commands(self):
        # Options after "--" belong to the command, not to scmp-tool.
        result = tool('run', DENY_MKDIR, '--', 'sh', '-c', 'echo "$1"', 'sh', '--help')
        self.assertEqual((result.returncode, result.stdout), (0, '--help\n'), result.stderr)

    def test_not_found(self):
        result = tool('run', DENY_MKDIR, '--', os.path.join(self.tmp, 'no-such-command'))
        self.assertEqual(result.returncode, 127)
        self.assertIn('no-such-command', result.stderr)


class TestDiff(ToolTestCase):
    def test_identical(self):
        for policy in (DENY_MKDIR, DOCKER):
            with self.subTest(policy=os.path.basename(policy)):
                result = tool('diff', policy, policy)
                self.assertEqual((result.returncode, result.stdout), (0, ''), result.stderr)

    def test_changed(self):
        result = tool('diff', DENY_MKDIR, DENY_MKDIR_CHANGED)
        self.assertEqual(result.returncode, 1, result.stderr)
        arch = Scmp.Architecture.to_name(NATIVE)
        lines = result.stdout.splitlines()
        self.assertEqual(lines, [
            'mkdir (%s): errno(1) → errno(13)' % arch,
            'openat (%s): allow → errno(13) (when arg2 = 0x40)' % arch,
            'rmdir (%s): allow → errno(1)' % arch,
        ])

    def test_json(self):
        result = tool('diff', '--json', DENY_MKDIR, DENY_MKDIR_CHANGED)
        self.assertEqual(result.returncode, 1, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(report['attributes'], [])
        changed = {d['syscall']: d for d in report['differences']}
        self.assertEqual(set(changed), {'mkdir', 'rmdir', 'openat'})
        # The reported arguments do show the difference, in the library.
        a = load_library_filter(DENY_MKDIR)
        b = load_library_filter(DENY_MKDIR_CHANGED)
        for d in report['differences']:
            args = [int(x, 16) for x in d['arguments']]
            before = a.evaluate(NATIVE, d['number'], args)
            after = b.evaluate(NATIVE, d['number'], args)
            self.assertEqual(before.to_string(), d['before']['action'])
            self.assertEqual(after.to_string(), d['after']['action'])
            self.assertNotEqual(before.get_kernel_value(), after.get_kernel_value())

    def test_docker_change(self):
        # A reviewer's case: one syscall moved out of the allow-list.
        with open(DOCKER, encoding='utf-8') as f:
            profile = json.load(f)
        for entry in profile['syscalls']:
            if 'mkdirat' in entry['names'] and entry.get('action') == 'SCMP_ACT_ALLOW':
                entry['names'].remove('mkdirat')
        with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
            json.dump(profile, f)
            f.flush()
            result = tool('diff', '--json', DOCKER, f.name)
        self.assertEqual(result.returncode, 1, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual({d['syscall'] for d in report['differences']}, {'mkdirat'})
        # On every ABI the profile covers.
        self.assertEqual({d['architecture'] for d in report['differences']},
                         {Scmp.Architecture.to_name(a)
                          for a in load_library_filter(DOCKER).list_arches()})
        self.assertEqual({d['after']['action'] for d in report['differences']}, {'errno(1)'})

    def test_attributes_and_arches(self):
        with tempfile.NamedTemporaryFile('w', suffix='.gvariant') as f:
            f.write("(uint32 1, {'default-action': <'errno(EPERM)'>, "
                    "'architectures': <['%s', 'riscv64']>}, "
                    "[('mkdir', {'action': <'errno(EPERM)'>})])\n"
                    % Scmp.Architecture.to_name(NATIVE))
            f.flush()
            result = tool('diff', DENY_MKDIR, f.name)
        self.assertEqual(result.returncode, 1)
        self.assertIn('default-action: allow → errno(1)\n', result.stdout)
        self.assertIn('riscv64: only %s covers it' % f.name, result.stdout)
        self.assertRegex(result.stdout, r'(?m)^getpid \(.*\): allow → errno\(1\)$')
        self.assertNotRegex(result.stdout, r'(?m)^mkdir ')


class TestManPage(unittest.TestCase):
    def test_built(self):
        if not MAN:
            # ./run test configures with -Dman=enabled, and its fail-on-skip
            # check refuses this skip.
            self.skipTest('the man page is not built (configured with -Dman=disabled)')
        with open(MAN, encoding='utf-8') as f:
            text = f.read()
        self.assertRegex(text, r'(?m)^\.TH "SCMP\\-TOOL" "1"')
        for command in COMMANDS:
            self.assertRegex(text, r'scmp\\-tool %s\b' % command)


class TestDemoPolicy(unittest.TestCase):
    def test_same_as_the_demo(self):
        # The demo builds its policy in code; the committed text is what the
        # tool gets to show it, and must not drift from it.
        if NATIVE != Scmp.Architecture.X86_64:
            self.skipTest('machine: the committed policy is the one scmp-demo builds on x86_64')
        result = subprocess.run([DEMO, '--print-policy'], capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(DEMO_POLICY, encoding='utf-8') as f:
            self.assertEqual(f.read(), result.stdout)


if __name__ == '__main__':
    unittest.main()
