#!/usr/bin/env python3
# check-warnings.py LOG: fails when the gtk-doc build printed a warning.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# LOG is written by gtkdoc-logged (gtkdoc-logged.in), which meson runs in
# place of gtkdoc-scan, -scangobj, -mkdb, -mkhtml and -fixxref.

import re
import sys

BAD = re.compile(r'\b(warning|error|critical)\b', re.I)

with open(sys.argv[1], encoding='utf-8') as f:
    lines = [line.rstrip('\n') for line in f]
bad = [line for line in lines if BAD.search(line)]
for line in bad:
    print(line)
if bad:
    print(f'{len(bad)} gtk-doc warnings: the reference has gaps or broken links',
          file=sys.stderr)
    sys.exit(1)
print(f'gtk-doc printed no warnings ({len(lines)} lines of output)')
