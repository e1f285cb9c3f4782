#!/usr/bin/env python3
# check-snippets.py: compile, run or parse every code snippet of the README
# and of the reference chapters, so that none of them can rot.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   check-snippets.py --cc CC --pkg-config-path DIR --python PY FILE...
#
# FILE is Markdown (```c and ```python blocks) or DocBook
# (<programlisting language="C|Python">). A comment just before a snippet
# says how to check it:
#
#   (none)                     Markdown: C is compiled and run, Python is run.
#                              DocBook: C is compiled, Python is parsed.
#   <!-- snippet: fragment --> C is compiled, Python is parsed; not run.
#   <!-- snippet: context DECLARATIONS -->
#                              C: DECLARATIONS (the variables the fragment
#                              uses but does not declare) go before it;
#                              compiled, not run.
#
# A C snippet without main() is put in `int main (int argc, char **argv)`,
# its #include lines first. A Markdown snippet must include what it uses;
# a DocBook one gets <scmp-glib/scmp-glib.h> and the usual POSIX headers.
# Chapters that xi:include their examples have nothing inline to check:
# the examples are tests themselves.
#
# Everything runs with the working directory at the top of the source tree
# and the library of the build tree (GI_TYPELIB_PATH, LD_LIBRARY_PATH).

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile

DOCBOOK_PRELUDE = '''#include <scmp-glib/scmp-glib.h>
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
'''

MD_BLOCK = re.compile(r'(?:<!--\s*snippet:\s*(?P<how>.*?)\s*-->\s*\n)?```(?P<lang>c|python)\n(?P<code>.*?)\n```',
                      re.S)
DB_BLOCK = re.compile(r'(?:<!--\s*snippet:\s*(?P<how>.*?)\s*-->\s*(?:<informalexample>)?\s*)?'
                      r'<programlisting language="(?P<lang>C|c|Python|python)">(?P<code>.*?)</programlisting>',
                      re.S)


def snippets(path):
    text = open(path, encoding='utf-8').read()
    docbook = path.endswith('.xml')
    for m in (DB_BLOCK if docbook else MD_BLOCK).finditer(text):
        code = m.group('code')
        if docbook:
            if '<xi:include' in code:
                continue
            cdata = re.fullmatch(r'\s*<!\[CDATA\[(.*)\]\]>\s*', code, re.S)
            code = cdata.group(1) if cdata else html.unescape(code)
        line = text.count('\n', 0, m.start('code')) + 1
        yield (f'{os.path.basename(path)}:{line}', m.group('lang').lower(),
               code, (m.group('how') or '').strip(), docbook)


def c_program(code, how, docbook):
    if re.search(r'^\s*(int\s+)?main\s*\(', code, re.M):
        return (DOCBOOK_PRELUDE if docbook else '') + code
    includes = [l for l in code.splitlines() if l.startswith('#include')]
    body = [l for l in code.splitlines() if not l.startswith('#include')]
    context = how[len('context'):].strip() if how.startswith('context') else ''
    return ((DOCBOOK_PRELUDE if docbook else '') + '\n'.join(includes) +
            '\n\nint\nmain (int argc, char **argv)\n{\n' + context +
            '\n  {\n#line 1\n' + '\n'.join(body) + '\n  }\n  return 0;\n}\n')


def check(where, lang, code, how, docbook, args, tmp):
    run = not docbook and how == ''
    if lang == 'python':
        if not run:
            compile(code, where, 'exec')
            return 'parsed'
        subprocess.run([args.python, '-c', code], check=True)
        return 'ran'
    source = os.path.join(tmp, 'snippet.c')
    exe = os.path.join(tmp, 'snippet')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(c_program(code, how, docbook))
    flags = subprocess.run(['pkg-config', '--cflags', '--libs', 'scmp-glib-1.0'],
                           check=True, capture_output=True, text=True,
                           env=dict(os.environ, PKG_CONFIG_PATH=args.pkg_config_path)).stdout.split()
    subprocess.run(args.cc.split() + ['-std=gnu11', '-Wall', '-Werror',
                    '-Wno-unused-variable', '-Wno-unused-but-set-variable',
                    '-o', exe, source] + flags, check=True)
    if not run:
        return 'compiled'
    subprocess.run([exe], check=True)
    return 'compiled and ran'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cc', required=True)
    parser.add_argument('--pkg-config-path', required=True)
    parser.add_argument('--python', default=sys.executable)
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()

    failed = n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            for where, lang, code, how, docbook in snippets(path):
                n += 1
                try:
                    what = check(where, lang, code, how, docbook, args, tmp)
                    print(f'ok {n} {where} ({lang}): {what}')
                except (subprocess.CalledProcessError, SyntaxError) as e:
                    failed += 1
                    print(f'not ok {n} {where} ({lang}): {e}')
    print(f'1..{n}')
    return 1 if failed or n == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
