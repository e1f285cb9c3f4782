#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# SCMP_SYS(name) is ABI: a program compiled against <seccomp.h> passes its
# value to seccomp_rule_add(). For every name the installed libseccomp's
# seccomp-syscalls.h knows, a program built with our seccomp.h must compile
# and get the same value as one built with libseccomp's.
#
# Usage: check-scmp-sys.py CC SYSTEM_SYSCALLS_H OUR_INCLUDE_DIR...

import os
import re
import subprocess
import sys
import tempfile


def values(cc, includes, names, workdir, tag):
    src = os.path.join(workdir, tag + '.c')
    exe = os.path.join(workdir, tag)
    with open(src, 'w') as f:
        f.write('#include <stdio.h>\n#include <seccomp.h>\nint main (void)\n{\n')
        for n in names:
            f.write('  printf ("%%s %%d\\n", "%s", (int) SCMP_SYS (%s));\n' % (n, n))
        f.write('  return 0;\n}\n')
    cmd = [cc] + ['-I' + i for i in includes] + ['-o', exe, src]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr
    out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    return dict(line.split() for line in out.splitlines()), None


def main():
    cc, system_h, ours = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(system_h) as f:
        names = sorted(set(re.findall(r'#define\s+__SNR_(\w+)', f.read())))
    skipped = []
    with tempfile.TemporaryDirectory() as workdir:
        # names libseccomp's header spells as a bare __NR_name that this C
        # library lacks do not compile with libseccomp either: left out
        for _ in range(10):
            theirs, err = values(cc, [], names, workdir, 'libseccomp')
            if theirs is not None:
                break
            missing = set(re.findall(r"SCMP_SYS \((\w+)\)", err))
            if not missing:
                sys.exit(err)
            skipped += sorted(missing)
            names = [n for n in names if n not in missing]
        mine, err = values(cc, ours, names, workdir, 'compat')
        if mine is None:
            sys.exit('FAIL: with our seccomp.h:\n' + err)
    bad = [n for n in names if theirs[n] != mine[n]]
    for n in bad:
        print('FAIL: SCMP_SYS(%s) is %s with libseccomp, %s with ours' % (n, theirs[n], mine[n]))
    print('%d names compared, %d differ; left out (no __NR_ in this C library, an error '
          'with libseccomp too): %s' % (len(names), len(bad), ' '.join(skipped)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
